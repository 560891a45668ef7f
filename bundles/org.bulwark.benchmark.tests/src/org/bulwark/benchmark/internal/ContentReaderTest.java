package org.bulwark.benchmark.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.bulwark.benchmark.api.Benchmark;
import org.bulwark.benchmark.api.BenchmarkException;
import org.bulwark.benchmark.api.Control;
import org.bulwark.benchmark.api.Expectation;
import org.bulwark.benchmark.api.Operator;
import org.bulwark.benchmark.api.RemediationType;
import org.bulwark.collector.api.Category;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContentReaderTest {

    private final ContentReader reader = new ContentReader();

    private Benchmark valid() throws Exception {
        try (InputStream in = getClass().getResourceAsStream("/resources/valid.json")) {
            return reader.read("valid.json", in);
        }
    }

    @Test
    void readsEveryField() throws Exception {
        Benchmark b = valid();
        assertEquals("test-content", b.id());
        assertEquals("1.0", b.version());
        assertEquals(64, b.sha256().length());
        assertEquals(2, b.controls().size());
        Control aslr = b.controls().get(0);
        assertEquals("t.aslr", aslr.id());
        assertEquals(Category.OPERATING_SYSTEM, aslr.category());
        assertEquals(8, aslr.weight());
        assertEquals(new Expectation.Check("linux.sysctl.kernel.randomize_va_space", Operator.EQUALS, List.of("2"),
                Expectation.Quantifier.ALL), aslr.expect());
        assertEquals(RemediationType.CONFIGURATION_CHANGE, aslr.remediation().type());
        assertEquals("sysctl -w kernel.randomize_va_space=2", aslr.remediation().script());
        assertEquals(List.of("SC-30"), aslr.references().nist());
        assertEquals(List.of(), aslr.references().cce());
        assertNull(aslr.applicability());

        Control root = b.controls().get(1);
        assertEquals("openssh-server is not installed", root.applicability().reason());
        assertEquals(List.of("linux.packages.openssh-server", "linux.sshd.permitrootlogin", "linux.mounts./tmp.options"),
                List.copyOf(root.keys()));
        assertEquals("any of (linux.sshd.permitrootlogin oneOf [\"no\", \"prohibit-password\"]; "
                + "none of (any value of linux.mounts./tmp.options equals \"rw\"))", root.expect().describe());
    }

    @Test
    void hashIdentifiesTheBytes() throws Exception {
        assertEquals(valid().sha256(), valid().sha256());
        Benchmark other = read(content(control("\"weight\": 3")));
        assertEquals(64, other.sha256().length());
        assertEquals(false, other.sha256().equals(valid().sha256()));
    }

    /** @return content x with {@code controls} (JSON objects) */
    private static String content(String... controls) {
        return "{\"format\":1,\"id\":\"x\",\"title\":\"x\",\"version\":\"1\",\"controls\":["
                + String.join(",", controls) + "]}";
    }

    private static String control(String weightField) {
        return "{\"id\":\"c1\",\"title\":\"T\",\"category\":\"network\"," + weightField + ",\"rationale\":\"R\","
                + "\"expect\":{\"key\":\"a.b\",\"op\":\"present\"},"
                + "\"remediation\":{\"type\":\"configuration-change\",\"text\":\"fix\"}}";
    }

    private Benchmark read(String json) throws BenchmarkException {
        return reader.read("test.json", new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }

    private BenchmarkException reject(String json) {
        return assertThrows(BenchmarkException.class, () -> read(json));
    }

    @Test
    void weightOutOfRangeNamesLineAndField() {
        String json = "{\n \"format\": 1,\n \"id\": \"x\",\n \"title\": \"x\",\n \"version\": \"1\",\n \"controls\": [\n"
                + control("\n \"weight\": 11") + "\n]}";
        BenchmarkException e = reject(json);
        assertEquals("controls[0].weight", e.field());
        assertEquals(8, e.line());
        assertEquals("test.json:8:2: controls[0].weight: must be an integer from 1 to 10, was 11", e.getMessage());
    }

    @Test
    void unknownOperatorIsNamed() {
        String json = content(control("\"weight\": 3").replace("\"present\"", "\"bigger\""));
        BenchmarkException e = reject(json);
        assertEquals("controls[0].expect.op", e.field());
        assertEquals("unknown operator 'bigger' (expected one of present, absent, equals, notEquals, oneOf, matches, "
                + "lt, le, gt, ge, versionLt, versionLe, versionGt, versionGe)", e.reason());
    }

    @Test
    void syntaxErrorNamesLine() {
        BenchmarkException e = reject("{\n\"format\": 1,\n\"id\": \"x\",,\n}");
        assertEquals(3, e.line());
        assertNull(e.field());
    }

    @Test
    void unknownFieldIsAnError() {
        String json = content(control("\"weight\": 3, \"wieght\": 4"));
        BenchmarkException e = reject(json);
        assertEquals("controls[0].wieght", e.field());
    }

    @Test
    void duplicateIdsAreRejected() {
        String json = content(control("\"weight\": 3"), control("\"weight\": 4"));
        BenchmarkException e = reject(json);
        assertEquals("controls[1].id", e.field());
        assertEquals("duplicate control id 'c1'", e.reason());
    }

    @Test
    void missingFieldsAndBadValues() {
        assertEquals("missing required field 'controls'",
                reject("{\"format\":1,\"id\":\"x\",\"title\":\"x\",\"version\":\"1\"}").reason());
        assertEquals("unsupported format 2 (this version of Bulwark reads format 1)",
                reject("{\"format\":2,\"id\":\"x\",\"title\":\"x\",\"version\":\"1\",\"controls\":[]}").reason());
        String bad = content(control("\"weight\": 3").replace("\"present\"}", "\"le\",\"value\":\"four\"}"));
        assertEquals("'le' needs a number, was 'four'", reject(bad).reason());
        String regex = content(control("\"weight\": 3").replace("\"present\"}", "\"matches\",\"value\":\"([a\"}"));
        assertEquals("controls[0].expect.value", reject(regex).field());
        String cat = content(control("\"weight\": 3").replace("\"network\"", "\"nettwork\""));
        assertEquals("unknown category 'nettwork' (expected one of application, operating-system, network, "
                + "accounts, security-controls)", reject(cat).reason());
        String noValue = content(control("\"weight\": 3").replace("\"present\"}", "\"equals\"}"));
        assertEquals("'equals' takes exactly one value", reject(noValue).reason());
    }

    @Test
    void fileErrorsNameTheFile(@TempDir Path dir) throws Exception {
        Path missing = dir.resolve("nope.json");
        assertEquals(missing + ": no such file", assertThrows(BenchmarkException.class,
                () -> reader.read(missing)).getMessage());
        Path empty = Files.writeString(dir.resolve("empty.json"), "");
        BenchmarkException e = assertThrows(BenchmarkException.class, () -> reader.read(empty));
        assertEquals(empty.toString(), e.origin());
        assertEquals("must be the document (a JSON object)", e.reason());
    }
}
