package org.bulwark.scap.content.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamWriter;

import org.bulwark.scap.oval.OvalOutcome;
import org.bulwark.scoring.api.ResultState;
import org.bulwark.scoring.api.XccdfResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Copying content into result documents, and the XCCDF result of each Bulwark state, with exact values. */
class XmlCopyTest {

    private static final String STREAM = """
            <?xml version="1.0" encoding="UTF-8"?>
            <ds:data-stream-collection xmlns:ds="http://scap.nist.gov/schema/scap/source/1.2" \
            xmlns:x="http://checklists.nist.gov/xccdf/1.2" xmlns:h="http://www.w3.org/1999/xhtml" id="c">
              <ds:component id="comp-oval"><other/></ds:component>
              <ds:component id="comp-xccdf">
                <x:Benchmark id="b1" xml:lang="en"><x:title>T &amp; &lt;U&gt;</x:title><!-- kept -->
                  <x:description><h:p>text</h:p></x:description>
                  <x:Rule id="r1"/>
                </x:Benchmark>
              </ds:component>
            </ds:data-stream-collection>
            """;

    @TempDir
    Path dir;

    private String copy(Path file, String sha, boolean whole, String[] component) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        XMLStreamWriter w = XMLOutputFactory.newFactory().createXMLStreamWriter(bytes, "UTF-8");
        component[0] = XmlCopy.copy(file, sha, "b1", whole, w, out -> {
            out.writeStartElement("", "TestResult", XmlOut.NS_XCCDF);
            out.writeDefaultNamespace(XmlOut.NS_XCCDF);
            out.writeEndElement();
        });
        w.flush();
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private Path stream(String text) throws IOException {
        return Files.writeString(dir.resolve("ds.xml"), text);
    }

    private static String sha(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }

    @Test
    void theBenchmarkIsCopiedWithTheNamespacesInScopeAndTheHookBeforeItsEnd() throws Exception {
        Path file = stream(STREAM);
        String[] component = new String[1];
        String out = copy(file, sha(file), false, component);
        assertEquals("comp-xccdf", component[0]);
        assertEquals("<x:Benchmark xmlns:ds=\"http://scap.nist.gov/schema/scap/source/1.2\" "
                + "xmlns:x=\"http://checklists.nist.gov/xccdf/1.2\" xmlns:h=\"http://www.w3.org/1999/xhtml\" "
                + "id=\"b1\" xml:lang=\"en\"><x:title>T &amp; &lt;U&gt;</x:title><!-- kept -->\n"
                + "      <x:description><h:p>text</h:p></x:description>\n"
                + "      <x:Rule id=\"r1\"></x:Rule>\n"
                + "    <TestResult xmlns=\"http://checklists.nist.gov/xccdf/1.2\"></TestResult></x:Benchmark>", out);
    }

    @Test
    void theWholeDocumentIsCopiedWithoutTheHook() throws Exception {
        Path file = stream(STREAM);
        String[] component = new String[1];
        String out = copy(file, sha(file), true, component);
        assertEquals("comp-xccdf", component[0]);
        assertTrue(out.startsWith("<ds:data-stream-collection xmlns:ds="), out);
        assertTrue(out.endsWith("</ds:component>\n</ds:data-stream-collection>"), out);
        assertTrue(!out.contains("TestResult"), out);
    }

    @Test
    void aFileChangedSinceItWasAssessedIsRefused() throws Exception {
        Path file = stream(STREAM);
        String before = sha(file);
        stream(STREAM.replace("r1", "r2"));
        IOException e = assertThrows(IOException.class, () -> copy(file, before, false, new String[1]));
        assertEquals(file + ": changed since it was assessed (sha256 " + before + " then, " + sha(file)
                + " now): assess it again", e.getMessage());
        // bytes after the root element count: a trailing comment added is a change too
        Path trailing = stream(STREAM + "<!-- appended -->\n");
        assertThrows(IOException.class, () -> copy(trailing, before, true, new String[1]));
    }

    @Test
    void aMissingBenchmarkADoctypeAndDeepNestingAreRefusedNamingTheFile() throws Exception {
        Path none = stream(STREAM.replace("id=\"b1\"", "id=\"b2\""));
        IOException missing = assertThrows(IOException.class, () -> copy(none, sha(none), false, new String[1]));
        assertEquals(none + ": holds no XCCDF 1.2 Benchmark b1", missing.getMessage());

        Path doctype = stream("<?xml version=\"1.0\"?>\n<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
                + "<x>&e;</x>");
        IOException dtd = assertThrows(IOException.class, () -> copy(doctype, sha(doctype), true, new String[1]));
        assertTrue(dtd.getMessage().startsWith(doctype.toString() + ": "), dtd.getMessage());
        assertTrue(!dtd.getMessage().contains("root:"), dtd.getMessage());

        Path deep = stream("<a>".repeat(101) + "</a>".repeat(101));
        IOException nesting = assertThrows(IOException.class, () -> copy(deep, sha(deep), true, new String[1]));
        assertEquals(deep + ": line 1: elements nest deeper than 100", nesting.getMessage());
    }

    @Test
    void eachStateHasItsXccdfResult() {
        assertEquals(XccdfResult.PASS, TestResultXml.result(ResultState.PASS, null));
        assertEquals(XccdfResult.FAIL, TestResultXml.result(ResultState.FAIL, null));
        assertEquals(XccdfResult.ERROR, TestResultXml.result(ResultState.ERROR, null));
        assertEquals(XccdfResult.UNKNOWN, TestResultXml.result(ResultState.UNKNOWN, null));
        assertEquals(XccdfResult.NOTAPPLICABLE, TestResultXml.result(ResultState.NOT_APPLICABLE, null));
        assertEquals(XccdfResult.INFORMATIONAL, TestResultXml.result(ResultState.INFORMATIONAL, null));
        assertEquals(XccdfResult.NOTCHECKED, TestResultXml.result(null, null), "a selected rule not assessed");
        assertEquals(XccdfResult.NOTCHECKED, TestResultXml.result(ResultState.NOT_CHECKED, null));
        Decision yes = new Decision(OvalOutcome.TRUE, "");
        assertEquals(XccdfResult.UNKNOWN, TestResultXml.result(ResultState.NOT_CHECKED, new ScapCollector.RuleOutcome(
                yes, new RuleChecks.Evaluated(OvalOutcome.UNKNOWN, "a running-system fact", "o.xml",
                        java.util.List.of()))), "an undecidable OVAL check is XCCDF's unknown");
        assertEquals(XccdfResult.NOTCHECKED, TestResultXml.result(ResultState.NOT_CHECKED,
                new ScapCollector.RuleOutcome(yes, new RuleChecks.Evaluated(OvalOutcome.NOT_EVALUATED,
                        "rpminfo_test is not implemented", "o.xml", java.util.List.of()))));
        assertEquals(XccdfResult.UNKNOWN, TestResultXml.result(ResultState.NOT_CHECKED,
                new ScapCollector.RuleOutcome(new Decision(OvalOutcome.UNKNOWN, "platform"), null)));
    }
}
