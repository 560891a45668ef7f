package org.bulwark.scap.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;

import org.bulwark.scap.Benchmark;
import org.bulwark.scap.ScapContentException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad content: each is one {@link ScapContentException} naming the file, line, column, element and attribute.
 * The positions are those of the start tag that holds the fault (StAX reports the column just after it).
 */
class BadInputTest {

    @TempDir
    Path dir;

    private final StaxScapContentReader reader = new StaxScapContentReader();

    private Path file;
    private String xml;

    /** Reads the data stream with the first occurrence of {@code from} replaced. */
    private ScapContentException bad(String from, String to) throws Exception {
        return badIn(Fixtures.DATA_STREAM, from, to);
    }

    private ScapContentException badIn(String base, String from, String to) throws Exception {
        if (!base.contains(from)) {
            throw new IllegalArgumentException("not in the fixture: " + from);
        }
        xml = base.replaceFirst(java.util.regex.Pattern.quote(from), java.util.regex.Matcher.quoteReplacement(to));
        file = Fixtures.write(dir, "bad.xml", xml);
        return assertThrows(ScapContentException.class, () -> reader.read(file));
    }

    /** @return "file:line:column: " of the start tag holding the needle */
    private String at(String needle) {
        return file + ":" + Fixtures.line(xml, needle) + ":" + Fixtures.column(xml, needle) + ": ";
    }

    private void assertAt(String needle, String element, String attribute, String reason, ScapContentException e) {
        assertEquals(at(needle) + "<" + element + ">" + (attribute.isEmpty() ? "" : " @" + attribute) + ": " + reason,
                e.getMessage());
        assertEquals(file.toString(), e.file());
        assertEquals(Fixtures.line(xml, needle), e.line());
        assertEquals(Fixtures.column(xml, needle), e.column());
        assertEquals(element, e.element());
        assertEquals(attribute, e.attribute());
    }

    @Test
    void aProfileSelectingAnUnknownRule() throws Exception {
        ScapContentException e = bad("<x:select idref=\"xccdf_t_rule_b\" selected=\"true\"/>",
                "<x:select idref=\"xccdf_t_rule_zz\" selected=\"true\"/>");
        assertAt("xccdf_t_rule_zz", "x:select", "idref", "unknown rule or group \"xccdf_t_rule_zz\"", e);
    }

    @Test
    void unknownValuesProfilesAndPlatforms() throws Exception {
        assertAt("value_nope", "x:refine-value", "idref", "unknown value \"xccdf_t_value_nope\"",
                bad("idref=\"xccdf_t_value_timeout\" selector=\"5_minutes\"", "idref=\"xccdf_t_value_nope\""));
        assertAt("value_gone", "x:check-export", "value-id", "unknown value \"xccdf_t_value_gone\"",
                bad("value-id=\"xccdf_t_value_timeout\"", "value-id=\"xccdf_t_value_gone\""));
        assertAt("extends=", "x:Profile", "extends", "unknown profile \"xccdf_t_profile_nobase\"",
                bad("extends=\"xccdf_t_profile_base\"", "extends=\"xccdf_t_profile_nobase\""));
        assertAt("#nosshd", "x:platform", "idref", "unknown platform \"#nosshd\"",
                bad("<x:platform idref=\"#sshd\"/>", "<x:platform idref=\"#nosshd\"/>"));
    }

    @Test
    void duplicateIds() throws Exception {
        // the position is the second one's
        assertAt("<x:Rule id=\"xccdf_t_rule_a\" selected=\"false\">", "x:Rule", "id",
                "duplicate item id \"xccdf_t_rule_a\"", bad("<x:Rule id=\"xccdf_t_rule_c\"", "<x:Rule id=\"xccdf_t_rule_a\""));
        assertAt("<x:Profile id=\"xccdf_t_profile_base\" extends", "x:Profile", "id",
                "duplicate profile id \"xccdf_t_profile_base\"",
                bad("<x:Profile id=\"xccdf_t_profile_strict\"", "<x:Profile id=\"xccdf_t_profile_base\""));
        assertAt("<ind:textfilecontent54_object id=\"oval:t:obj:1\" version=\"1\">\n      <o:set>",
                "ind:textfilecontent54_object", "id", "duplicate OVAL id \"oval:t:obj:1\"",
                bad("<ind:textfilecontent54_object id=\"oval:t:obj:2\" version=\"1\">",
                        "<ind:textfilecontent54_object id=\"oval:t:obj:1\" version=\"1\">"));
        assertAt("<ds:component id=\"c-oval\" timestamp=\"2026-01-01T00:00:00\">\n    <ocil", "ds:component", "id",
                "duplicate component id \"c-oval\"", bad("<ds:component id=\"c-ocil\"", "<ds:component id=\"c-oval\""));
    }

    @Test
    void aCheckContentRefToAMissingComponentOrDefinition() throws Exception {
        assertAt("nothere.xml", "x:check-content-ref", "href", "\"nothere.xml\" names no component of the data stream",
                bad("<x:check-content-ref href=\"oval.xml\" name=\"oval:t:def:1\"/>",
                        "<x:check-content-ref href=\"nothere.xml\" name=\"oval:t:def:1\"/>"));
        assertAt("oval:t:def:9", "x:check-content-ref", "name", "unknown OVAL definition \"oval:t:def:9\" in oval.xml",
                bad("name=\"oval:t:def:2\"", "name=\"oval:t:def:9\""));
        assertAt("href=\"ocil.xml\" name=\"oval", "x:check-content-ref", "href",
                "\"ocil.xml\" is not an OVAL definitions component",
                bad("<x:check-content-ref href=\"oval.xml\" name=\"oval:t:def:1\"/>",
                        "<x:check-content-ref href=\"ocil.xml\" name=\"oval:t:def:1\"/>"));
        assertAt("<cpe:check system", "cpe:check", "", "unknown OVAL definition \"oval:c:def:7\" in cpe-oval.xml",
                bad(">oval:c:def:1</cpe:check>", ">oval:c:def:7</cpe:check>"));
    }

    @Test
    void danglingOvalReferences() throws Exception {
        assertAt("oval:t:tst:5", "criterion", "test_ref", "unknown test \"oval:t:tst:5\"",
                bad("<o:criterion test_ref=\"oval:t:tst:1\" negate", "<o:criterion test_ref=\"oval:t:tst:5\" negate"));
        assertAt("oval:t:def:8", "extend_definition", "definition_ref", "unknown definition \"oval:t:def:8\"",
                bad("definition_ref=\"oval:t:def:2\"", "definition_ref=\"oval:t:def:8\""));
        assertAt("oval:t:obj:4", "object", "object_ref", "unknown object \"oval:t:obj:4\"",
                bad("object_ref=\"oval:t:obj:1\"", "object_ref=\"oval:t:obj:4\""));
        assertAt("var_ref=\"oval:t:var:3\"", "subexpression", "var_ref", "unknown variable \"oval:t:var:3\"",
                bad("var_ref=\"oval:t:var:1\"/>\n", "var_ref=\"oval:t:var:3\"/>\n"));
        assertAt("<o:filter", "filter", "", "unknown state \"oval:t:ste:6\"",
                bad(">oval:t:ste:1</o:filter>", ">oval:t:ste:6</o:filter>"));
    }

    @Test
    void referenceCycles() throws Exception {
        // def:2 extends def:1, which extends def:2
        assertAt("<o:definition class=\"inventory\" id=\"oval:t:def:2\"", "definition", "id",
                "reference cycle: oval:t:def:1 -> oval:t:def:2 -> oval:t:def:1",
                bad("<o:criteria><o:criterion test_ref=\"oval:t:tst:1\"/></o:criteria>",
                        "<o:criteria><o:extend_definition definition_ref=\"oval:t:def:1\"/></o:criteria>"));
        assertAt("<o:local_variable id=\"oval:t:var:2\"", "local_variable", "id",
                "reference cycle: oval:t:var:2 -> oval:t:var:2",
                bad("<o:variable_component var_ref=\"oval:t:var:1\"/>", "<o:variable_component var_ref=\"oval:t:var:2\"/>"));
        // the state's variable reads the object the state filters
        String base = Fixtures.DATA_STREAM.replace("<ind:subexpression datatype=\"int\" operation=\"less than or equal\" "
                + "var_ref=\"oval:t:var:1\"/>", "<ind:subexpression datatype=\"int\" operation=\"less than or equal\" "
                + "var_ref=\"oval:t:var:2\"/>");
        assertAt("<ind:textfilecontent54_object id=\"oval:t:obj:2\"", "textfilecontent54_object", "id",
                "reference cycle: oval:t:ste:1 -> oval:t:var:2 -> oval:t:obj:2 -> oval:t:ste:1",
                badIn(base, "<o:variable_component var_ref=\"oval:t:var:1\"/>",
                        "<o:object_component object_ref=\"oval:t:obj:2\" item_field=\"filepath\"/>"));
    }

    @Test
    void unsupportedVersions() throws Exception {
        assertAt("scap-version", "ds:data-stream", "scap-version",
                "unsupported SCAP version \"2.0\" (1.2 and 1.3 are read)",
                bad("scap-version=\"1.3\"", "scap-version=\"2.0\""));
        assertAt("<oc:schema_version>6.0", "oc:schema_version", "",
                "unsupported OVAL schema version \"6.0\" (5.x is read)", bad("<oc:schema_version>5.11", "<oc:schema_version>6.0"));
        ScapContentException e = badIn("<Benchmark xmlns=\"http://checklists.nist.gov/xccdf/1.1\" id=\"b\"/>", "b", "b");
        assertEquals(file + ":1:65: <Benchmark>: unsupported XCCDF version 1.1 (XCCDF 1.2 is read)", e.getMessage());
        e = badIn("<html/>", "html", "html");
        assertEquals(file + ":1:8: <html>: not SCAP content: the root element is {}html", e.getMessage());
    }

    @Test
    void badAttributeValues() throws Exception {
        assertAt("weight=\"heavy\"", "x:Rule", "weight", "not a weight (a decimal from 0): \"heavy\"",
                bad("weight=\"2.5\"", "weight=\"heavy\""));
        assertAt("selected=\"maybe\"", "x:select", "selected", "not a boolean: \"maybe\"",
                bad("<x:select idref=\"xccdf_t_rule_a\" selected=\"true\"/>", "<x:select idref=\"xccdf_t_rule_a\" selected=\"maybe\"/>"));
        assertAt("operator=\"XOR\"", "x:complex-check", "operator", "not AND or OR: \"XOR\"",
                bad("<x:complex-check operator=\"OR\"", "<x:complex-check operator=\"XOR\""));
        assertAt("<x:Rule severity", "x:Rule", "id", "required attribute missing",
                bad("<x:Rule id=\"xccdf_t_rule_b\" severity", "<x:Rule severity"));
    }

    @Test
    void aProfileExtendingItself() throws Exception {
        ScapContentException e = bad("<x:Profile id=\"xccdf_t_profile_base\">",
                "<x:Profile id=\"xccdf_t_profile_base\" extends=\"xccdf_t_profile_strict\">");
        assertEquals(file + ": profile xccdf_t_profile_base extends itself through xccdf_t_profile_base -> "
                + "xccdf_t_profile_strict -> xccdf_t_profile_base", e.getMessage());
    }

    @Test
    void malformedAndTruncatedXml() throws Exception {
        ScapContentException e = bad("<x:title>Rule B</x:title>", "<x:title>Rule B</x:titel>");
        assertEquals(97, Fixtures.line(xml, "</x:titel>"));
        assertEquals(file + ":97:24: malformed XML: The element type "
                + "\"x:title\" must be terminated by the matching end-tag \"</x:title>\".", e.getMessage());
        String cut = Fixtures.DATA_STREAM.substring(0, Fixtures.DATA_STREAM.indexOf("<x:Rule id=\"xccdf_t_rule_b\""));
        file = Fixtures.write(dir, "cut.xml", cut);
        e = assertThrows(ScapContentException.class, () -> reader.read(file));
        assertEquals(file + ":" + (cut.split("\n", -1).length) + ":5: malformed XML: XML document structures must "
                + "start and end within the same entity.", e.getMessage());
        e = bad("</ds:data-stream-collection>\n", "</ds:data-stream-collection>\n<more/>\n");
        // StAX stops at the second character of the trailing element
        assertEquals(file + ":" + Fixtures.line(xml, "<more/>") + ":2: malformed XML: The markup in the document "
                + "following the root element must be well-formed.", e.getMessage());
    }

    @Test
    void hugeTextIsRefused() throws Exception {
        ScapContentException e = bad("<x:rationale>Idle", "<x:rationale>" + "x".repeat(SecureXml.MAX_TREE_CHARS + 1));
        int line = Fixtures.line(xml, "<x:rationale>");
        assertEquals(file + ":" + line + ":" + e.column() + ": <x:rationale>: holds more than 4194304 characters",
                e.getMessage());
        assertEquals("x:rationale", e.element());
    }

    @Test
    void billionLaughsAndExternalEntitiesAreRefused() throws Exception {
        ScapContentException e = bad("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n", "<?xml version=\"1.0\"?>\n"
                + "<!DOCTYPE d [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">]>\n");
        assertEquals(2, e.line());
        assertEquals(file + ":2:" + e.column() + ": a DOCTYPE is refused (SCAP content has no DTD)", e.getMessage());
        e = bad("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n",
                "<?xml version=\"1.0\"?>\n<!DOCTYPE d [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n");
        assertEquals(file + ":2:" + e.column() + ": a DOCTYPE is refused (SCAP content has no DTD)", e.getMessage());
    }

    @Test
    void nestingDeeperThanTheLimit() throws Exception {
        // the Benchmark is the third level, so the 98th <a> is the 101st
        ScapContentException e = bad("<x:status>draft</x:status>", "<a>".repeat(SecureXml.MAX_DEPTH) + "</a>"
                .repeat(SecureXml.MAX_DEPTH));
        assertEquals(at("<a><a>").replaceFirst(":\\d+: $", ":") + (Fixtures.column(xml, "<a><a>") + 3 * 97)
                + ": <a>: elements nested deeper than 100", e.getMessage());
    }

    @Test
    void missingFilesAndPathsInHrefs() throws Exception {
        Path none = dir.resolve("none.xml");
        ScapContentException e = assertThrows(ScapContentException.class, () -> reader.read(none));
        assertEquals(none + ": not a regular file", e.getMessage());
        e = badIn(Fixtures.PLAIN_XCCDF, "x", "x");
        assertAt("<x:check-content-ref href=\"oval.xml\"", "x:check-content-ref", "href",
                "the check content file \"oval.xml\" is missing beside the benchmark", e);
        e = badIn(Fixtures.PLAIN_XCCDF, "href=\"oval.xml\" name=\"oval:t:def:1\"", "href=\"../oval.xml\" name=\"oval:t:def:1\"");
        assertAt("../oval.xml", "x:check-content-ref", "href",
                "\"../oval.xml\" is not the name of a file beside the benchmark", e);
    }

    @Test
    void aTailoringThatDoesNotFitTheBenchmark() throws Exception {
        Benchmark b = reader.read(Fixtures.write(dir, "ds.xml", Fixtures.DATA_STREAM)).benchmark().orElseThrow();
        xml = Fixtures.TAILORING.replace("extends=\"xccdf_t_profile_strict\"", "extends=\"xccdf_t_profile_x\"");
        file = Files.writeString(dir.resolve("t1.xml"), xml);
        ScapContentException e = assertThrows(ScapContentException.class, () -> reader.readTailoring(file, b));
        assertAt("xccdf_t_profile_x", "x:Profile", "extends",
                "unknown profile \"xccdf_t_profile_x\" in the tailoring or benchmark xccdf_t_benchmark_T", e);
        xml = Fixtures.TAILORING.replace("idref=\"xccdf_t_rule_a\"", "idref=\"xccdf_t_rule_q\"");
        file = Files.writeString(dir.resolve("t2.xml"), xml);
        e = assertThrows(ScapContentException.class, () -> reader.readTailoring(file, b));
        assertAt("xccdf_t_rule_q", "x:select", "idref", "unknown rule or group \"xccdf_t_rule_q\"", e);
        file = Fixtures.write(dir, "notailoring.xml", Fixtures.DATA_STREAM);
        e = assertThrows(ScapContentException.class, () -> reader.readTailoring(file, b));
        assertEquals(file + ":2:" + e.column() + ": <ds:data-stream-collection>: not an XCCDF 1.2 tailoring file: the "
                + "root element is {http://scap.nist.gov/schema/scap/source/1.2}data-stream-collection", e.getMessage());
    }
}
