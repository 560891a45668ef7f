package org.bulwark.benchmark.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.bulwark.benchmark.api.BenchmarkException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Content files are read strictly (issue 16, findings 12 to 14): a name twice in an object and anything after the
 * document are refused, numbers are range-checked, and only regular files are read.
 */
class StrictContentTest {

    private final ContentReader reader = new ContentReader();

    private static String content(String weight) {
        return "{\"format\": 1, \"id\": \"x\", \"title\": \"x\", \"version\": \"1\", \"controls\": [\n"
                + "{\"id\": \"c1\", \"title\": \"T\", \"category\": \"network\", \"weight\": " + weight + ",\n"
                + " \"rationale\": \"R\", \"expect\": {\"key\": \"a.b\", \"op\": \"present\"},\n"
                + " \"remediation\": {\"type\": \"configuration-change\", \"text\": \"fix\"}}]}";
    }

    private BenchmarkException reject(String json) {
        return assertThrows(BenchmarkException.class,
                () -> reader.read("c.json", new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8))));
    }

    @Test
    void weightsBeyondAnIntAreRefusedNotWrapped() throws Exception {
        assertEquals(3, reader.read("c.json", new ByteArrayInputStream(content("3").getBytes(StandardCharsets.UTF_8)))
                .controls().get(0).weight());
        // 4294967304 = 2^32 + 8: read as 8 before
        assertEquals("c.json:2:51: controls[0].weight: must be an integer from 1 to 10, was 4294967304",
                reject(content("4294967304")).getMessage());
        assertEquals("controls[0].weight: must be an integer from 1 to 10, was \"Infinity\"",
                field(reject(content("1e400"))));
        assertEquals("controls[0].expect.value: number out of range (beyond a double)",
                field(reject(content("3").replace("\"present\"}", "\"equals\", \"value\": 1e400}"))));
    }

    private static String field(BenchmarkException e) {
        return e.field() + ": " + e.reason();
    }

    @Test
    void aNameTwiceIsRefusedNamingTheField() {
        BenchmarkException e = reject(content("3, \"weight\": 4"));
        assertEquals("controls[0].weight", e.field());
        assertEquals(2, e.line());
        assertEquals("not valid JSON: Duplicate field 'weight'", e.reason().substring(0, 40));
        assertEquals("controls[0].expect.op",
                reject(content("3").replace("\"op\": \"present\"", "\"op\": \"present\", \"op\": \"absent\"")).field());
        assertEquals("id", reject(content("3").replace("\"id\": \"x\"", "\"id\": \"x\", \"id\": \"y\"")).field());
    }

    @Test
    void nothingMayFollowTheDocument() {
        BenchmarkException e = reject(content("3") + "\n{}");
        assertEquals("c.json:5:1: not valid JSON: unexpected content after the document", e.getMessage());
        BenchmarkException token = reject(content("3") + "\n\n\n  x");
        assertEquals(7, token.line());
        assertEquals("not valid JSON: Unrecognized token 'x'", token.reason().substring(0, 38));
    }

    @Test
    void onlyRegularFilesAreRead(@TempDir Path dir) throws Exception {
        assertEquals("/dev/zero: not a regular file",
                assertThrows(BenchmarkException.class, () -> reader.read(Path.of("/dev/zero"))).getMessage());
        Path fifo = dir.resolve("pipe.json");
        Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start();
        assertEquals(true, mkfifo.waitFor(10, TimeUnit.SECONDS));
        assertEquals(0, mkfifo.exitValue());
        BenchmarkException e = assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> assertThrows(BenchmarkException.class, () -> reader.read(fifo)));
        assertEquals(fifo + ": not a regular file", e.getMessage());
    }
}
