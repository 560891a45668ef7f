package org.bulwark.report.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import org.bulwark.report.api.ReportException;
import org.bulwark.report.api.ReportedAssessment;
import org.bulwark.scoring.api.ControlException;
import org.bulwark.scoring.api.Justification;
import org.bulwark.scoring.api.ResultState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonReportReaderTest {

    private final JsonReportReader reader = new JsonReportReader();

    /** The smallest report the reader takes, one field a line so that line numbers are plain. */
    private static String minimal(String weight, String state) {
        return "{\n"
                + "\"format\": 1,\n"
                + "\"device\": {\"id\": \"d-9\", \"hostname\": \"db-01\", \"os\": \"Ubuntu 24.04\"},\n"
                + "\"finished\": \"2026-11-20T10:00:00Z\",\n"
                + "\"results\": [\n"
                + "  {\"id\": \"c1\", \"title\": \"One\", \"category\": \"network\", \"weight\": 5, \"state\": \"PASS\"},\n"
                + "  {\"id\": \"c2\", \"title\": \"Two\", \"category\": \"operating-system\",\n"
                + "   \"weight\": " + weight + ",\n"
                + "   \"state\": " + state + ",\n"
                + "   \"exceptions\": [{\"id\": \"x1\", \"justification\": \"ALTERNATE_MITIGATION\", \"scope\": \"GLOBAL\",\n"
                + "      \"created\": \"2026-11-01T00:00:00Z\", \"expires\": null}]}\n"
                + "]\n"
                + "}\n";
    }

    private ReportedAssessment read(String text) throws ReportException {
        return reader.read("fleet/db-01.json", new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }

    /** @return the refusal of the minimal report of control 7 failing, {@code from} replaced by {@code to} */
    private ReportException rejected(String from, String to) {
        return assertThrows(ReportException.class, () -> read(minimal("7", "\"FAIL\"").replace(from, to)));
    }

    @Test
    void readsTheFieldsScoringNeeds() throws Exception {
        ReportedAssessment r = read(minimal("7", "\"FAIL\""));
        assertEquals("d-9", r.device().id());
        assertEquals("db-01", r.device().hostname());
        assertEquals("Ubuntu 24.04", r.device().os());
        assertEquals(Instant.parse("2026-11-20T10:00:00Z"), r.assessedAt());
        assertEquals(7, r.controls().get(1).weight());
        assertEquals(ResultState.FAIL, r.states().get("c2"));
        assertEquals(new ControlException("x1", "c2", ControlException.Scope.GLOBAL, null,
                Justification.ALTERNATE_MITIGATION, null, Instant.parse("2026-11-01T00:00:00Z"), null, null),
                r.exceptions().get(0));
    }

    @Test
    void badWeightNamesFileLineAndField() {
        ReportException e = assertThrows(ReportException.class, () -> read(minimal("11", "\"FAIL\"")));
        assertEquals("fleet/db-01.json", e.origin());
        assertEquals(8, e.line());
        assertEquals("results[1].weight", e.field());
        assertEquals("fleet/db-01.json:8:14: results[1].weight: must be an integer from 1 to 10, found 11",
                e.getMessage());
    }

    @Test
    void unknownStateNamesTheAcceptedOnes() {
        ReportException e = assertThrows(ReportException.class, () -> read(minimal("7", "\"BROKEN\"")));
        assertEquals(9, e.line());
        assertEquals("results[1].state", e.field());
        assertEquals("unknown value \"BROKEN\" (expected one of PASS, FAIL, ERROR, UNKNOWN, NOT_APPLICABLE, "
                + "NOT_CHECKED, INFORMATIONAL)", e.reason());
    }

    @Test
    void missingFieldIsLocatedAtItsParent() {
        ReportException e = rejected("\"id\": \"d-9\", ", "");
        assertEquals("device.id", e.field());
        assertEquals(3, e.line());
        assertEquals("missing", e.reason());
    }

    @Test
    void emptyOsIsAllowedButNotAMissingOne() throws Exception {
        assertEquals("", read(minimal("7", "\"FAIL\"").replace("Ubuntu 24.04", "")).device().os());
        ReportException e = rejected(", \"os\": \"Ubuntu 24.04\"", "");
        assertEquals("device.os", e.field());
    }

    @Test
    void otherFormatVersionsAreRefused() {
        ReportException e = rejected("\"format\": 1", "\"format\": 2");
        assertEquals("format", e.field());
        assertEquals(2, e.line());
        assertEquals("report format 2 is not supported; this Bulwark reads format 1", e.reason());
        ReportException none = assertThrows(ReportException.class, () -> read("{\"results\": []}"));
        assertEquals("missing: not a Bulwark report (it has no \"format\" field)", none.reason());
    }

    @Test
    void syntaxErrorNamesTheLine() {
        ReportException e = rejected("\"finished\": \"2026-11-20T10:00:00Z\",", "\"finished\" ,");
        assertEquals(4, e.line());
        assertEquals(null, e.field());
    }

    @Test
    void duplicateControlAndBadTimeAreErrors() {
        ReportException dup = rejected("\"id\": \"c2\"", "\"id\": \"c1\"");
        assertEquals("results[1].id", dup.field());
        assertEquals("control 'c1' appears twice", dup.reason());
        ReportException time = rejected("2026-11-20T10:00:00Z", "yesterday");
        assertEquals("finished", time.field());
        assertEquals(4, time.line());
    }

    @Test
    void duplicateNamesInWhatIsReadAreErrorsAndSkippedContentIsStillParsed() throws Exception {
        String good = minimal("7", "\"FAIL\"");
        // in the report, in a result, in the device, in an exception: each named with its line
        for (String[] c : new String[][] { { "\"format\": 1,", "\"format\": 1, \"format\": 1,", "2", "format" },
                { "\"state\": \"PASS\"}", "\"state\": \"PASS\", \"state\": \"FAIL\"}", "6", "state" },
                { "\"os\": \"Ubuntu 24.04\"", "\"os\": \"Ubuntu 24.04\", \"os\": \"x\"", "3", "os" },
                { "\"scope\": \"GLOBAL\"", "\"scope\": \"GLOBAL\", \"scope\": \"GLOBAL\"", "10", "scope" } }) {
            ReportException e = assertThrows(ReportException.class, () -> read(good.replace(c[0], c[1])), c[3]);
            assertEquals(Integer.parseInt(c[2]), e.line(), c[3]);
            assertTrue(e.reason().startsWith("not valid JSON: Duplicate field '" + c[3] + "'"), e.reason());
        }
        // evidence is not read, but must still be JSON without a repeated name (issue 16: refused since)
        String withEvidence = good.replace("\"state\": \"PASS\"}",
                "\"state\": \"PASS\", \"evidence\": [{\"key\": \"a\", \"key\": \"b\", \"actual\": [\"1\"]}]}");
        ReportException repeated = assertThrows(ReportException.class, () -> read(withEvidence));
        assertEquals("fleet/db-01.json:6:111: results[0].evidence[0].key: not valid JSON: Duplicate field 'key'",
                repeated.getMessage());
        assertEquals(ResultState.PASS, read(withEvidence.replace("\"key\": \"b\", ", "")).states().get("c1"));
        ReportException broken = assertThrows(ReportException.class,
                () -> read(good.replace("\"state\": \"PASS\"}", "\"state\": \"PASS\", \"evidence\": [1 2]}")));
        assertTrue(broken.reason().startsWith("not valid JSON"), broken.reason());
        assertEquals(6, broken.line());
    }

    @Test
    void scopedExceptionNeedsATarget() {
        ReportException e = rejected("\"GLOBAL\"", "\"DEVICE\"");
        assertEquals("results[1].exceptions[0].target", e.field());
        assertEquals(10, e.line());
    }

    @Test
    void fileErrorsNameTheFile(@TempDir Path dir) throws Exception {
        Path missing = dir.resolve("nope.json");
        ReportException e = assertThrows(ReportException.class, () -> reader.read(missing));
        assertEquals(missing.toString() + ": no such file", e.getMessage());
        Path empty = Files.writeString(dir.resolve("empty.json"), "");
        assertEquals(empty.toString(), assertThrows(ReportException.class, () -> reader.read(empty)).origin());
        Path good = Files.writeString(dir.resolve("good.json"), minimal("7", "\"PASS\""));
        assertEquals(ResultState.PASS, reader.read(good).states().get("c2"));
    }
    // ------------------------------------------------------------------------------------------------ uploads

    /** The smallest upload the reader takes, one field a line. */
    private static String upload(String secondResult) {
        return "{\n"
                + "\"upload\": 1,\n"
                + "\"device\": {\"id\": \"d-9\", \"hostname\": \"db-01\", \"os\": \"Ubuntu 24.04\", \"groups\": [\"db\"]},\n"
                + "\"finished\": \"2026-11-20T10:00:00Z\",\n"
                + "\"results\": [\n"
                + "  {\"id\": \"c1\", \"state\": \"PASS\", \"reason\": null, \"evidence\": [{\"key\": \"k\", \"actual\": [\"1\"]}]},\n"
                + "  " + secondResult + "\n"
                + "]\n"
                + "}\n";
    }

    private org.bulwark.report.api.ReportedUpload readUpload(String text) throws ReportException {
        return reader.readUpload("upload", new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void uploadGivesDeviceTimeAndStatesInOrder() throws Exception {
        org.bulwark.report.api.ReportedUpload u = readUpload(upload(
                "{\"id\": \"c2\", \"state\": \"ERROR\", \"reason\": \"timed out\", \"evidence\": []}"));
        assertEquals(new org.bulwark.scoring.api.Device("d-9", "db-01", "Ubuntu 24.04", java.util.Set.of("db")),
                u.device());
        assertEquals(Instant.parse("2026-11-20T10:00:00Z"), u.assessedAt());
        assertEquals(java.util.List.of("c1", "c2"), java.util.List.copyOf(u.states().keySet()));
        assertEquals(java.util.List.of(ResultState.PASS, ResultState.ERROR), java.util.List.copyOf(u.states().values()));
    }

    @Test
    void aFullReportIsAnUploadToo() throws Exception {
        org.bulwark.report.api.ReportedUpload u = reader.readUpload("report", new ByteArrayInputStream(
                minimal("7", "\"FAIL\"").getBytes(StandardCharsets.UTF_8)));
        assertEquals("d-9", u.device().id());
        assertEquals(java.util.List.of("c1", "c2"), java.util.List.copyOf(u.states().keySet()));
        assertEquals(ResultState.FAIL, u.states().get("c2"));
        // and it is checked as a report is
        ReportException e = assertThrows(ReportException.class, () -> reader.readUpload("report",
                new ByteArrayInputStream(minimal("11", "\"FAIL\"").getBytes(StandardCharsets.UTF_8))));
        assertEquals("results[1].weight", e.field());
    }

    @Test
    void uploadErrorsNameLineAndField() {
        ReportException title = assertThrows(ReportException.class, () -> readUpload(upload(
                "{\"id\": \"c2\", \"title\": \"Two\", \"state\": \"PASS\", \"reason\": null, \"evidence\": []}")));
        assertEquals("upload:7:25: results[1].title: unknown field (a result of an upload has id, state, reason, "
                + "evidence)", title.getMessage());

        ReportException evidence = assertThrows(ReportException.class, () -> readUpload(upload(
                "{\"id\": \"c2\", \"state\": \"PASS\", \"reason\": null, \"evidence\": {}}")));
        assertEquals("results[1].evidence", evidence.field());
        assertEquals("must be an array", evidence.reason());
        assertEquals(7, evidence.line());

        ReportException twice = assertThrows(ReportException.class, () -> readUpload(upload(
                "{\"id\": \"c1\", \"state\": \"FAIL\", \"reason\": null, \"evidence\": []}")));
        assertEquals("upload:7:10: results[1].id: control 'c1' appears twice", twice.getMessage());

        ReportException state = assertThrows(ReportException.class, () -> readUpload(upload(
                "{\"id\": \"c2\", \"state\": \"OK\", \"reason\": null, \"evidence\": []}")));
        assertEquals("results[1].state", state.field());
        assertEquals("unknown value \"OK\" (expected one of PASS, FAIL, ERROR, UNKNOWN, NOT_APPLICABLE, "
                + "NOT_CHECKED, INFORMATIONAL)", state.reason());

        ReportException reason = assertThrows(ReportException.class, () -> readUpload(upload(
                "{\"id\": \"c2\", \"state\": \"FAIL\", \"reason\": 3, \"evidence\": []}")));
        assertEquals("results[1].reason: must be a string or null, found a number",
                reason.field() + ": " + reason.reason());

        ReportException missingId = assertThrows(ReportException.class, () -> readUpload(upload(
                "{\"state\": \"FAIL\", \"reason\": null, \"evidence\": []}")));
        assertEquals("results[1].id: missing", missingId.field() + ": " + missingId.reason());
    }

    @Test
    void uploadTopLevelIsChecked() {
        ReportException score = assertThrows(ReportException.class, () -> readUpload(
                upload("{\"id\": \"c2\", \"state\": \"PASS\", \"reason\": null, \"evidence\": []}")
                        .replace("\"finished\"", "\"score\": {},\n\"finished\"")));
        assertEquals("upload:4:1: score: unknown field (an upload has upload, generator, device, platform, root, "
                + "live, started, finished, content, collectors, software, results, problems)", score.getMessage());

        ReportException version = assertThrows(ReportException.class, () -> readUpload(
                upload("{\"id\": \"c2\", \"state\": \"PASS\", \"reason\": null, \"evidence\": []}")
                        .replace("\"upload\": 1", "\"upload\": 2")));
        assertEquals("upload:2:11: upload: upload version 2 is not supported; this Bulwark reads version 1",
                version.getMessage());

        ReportException late = assertThrows(ReportException.class, () -> readUpload(
                "{\"device\": {}, \"upload\": 1}"));
        assertEquals("upload: must be the document's first field", late.field() + ": " + late.reason());

        ReportException deviceField = assertThrows(ReportException.class, () -> readUpload(
                upload("{\"id\": \"c2\", \"state\": \"PASS\", \"reason\": null, \"evidence\": []}")
                        .replace("\"groups\"", "\"tags\"")));
        assertEquals("upload:3:76: device.tags: unknown field (a device has id, hostname, os, groups)",
                deviceField.getMessage());

        ReportException neither = assertThrows(ReportException.class, () -> readUpload("{\"results\": []}"));
        assertEquals("not a Bulwark upload or report: it has neither an \"upload\" nor a \"format\" field",
                neither.reason());

        ReportException json = assertThrows(ReportException.class, () -> readUpload(
                upload("{\"id\": \"c2\", \"state\": \"PASS\", \"reason\": null, \"evidence\": [}")));
        assertTrue(json.reason().startsWith("not valid JSON: "), json.reason());
        assertEquals(7, json.line());
    }

    @Test
    void anUploadIsNotAReport() {
        ReportException e = assertThrows(ReportException.class, () -> read(
                upload("{\"id\": \"c2\", \"state\": \"PASS\", \"reason\": null, \"evidence\": []}")));
        assertEquals("fleet/db-01.json:2:11: upload: this is an agent's upload for a fleet server (\"upload\": 1), "
                + "not a report: `bulwark assess --format json` writes reports", e.getMessage());
    }
}
