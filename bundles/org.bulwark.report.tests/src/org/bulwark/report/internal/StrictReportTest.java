package org.bulwark.report.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.bulwark.report.api.ReportException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reports and uploads are read strictly (issue 16, findings 12 to 14): no field unknown to the schema and no name
 * twice in an object, anywhere, also in the parts that are not read; nothing after the document; numbers in
 * range; only regular files.
 */
class StrictReportTest {

    private final JsonReportReader reader = new JsonReportReader();

    /** A report with a part of everything, one field a line. */
    private static final String REPORT = "{\n"
            + "\"format\": 1,\n"
            + "\"device\": {\"id\": \"d-9\", \"hostname\": \"db-01\", \"os\": \"Ubuntu 24.04\", \"groups\": []},\n"
            + "\"root\": \"/\",\n"
            + "\"finished\": \"2026-11-20T10:00:00Z\",\n"
            + "\"score\": {\"score\": 50.0, \"coverage\": {\"ratio\": 1}},\n"
            + "\"results\": [\n"
            + "  {\"id\": \"c1\", \"title\": \"One\", \"category\": \"network\", \"weight\": 5, \"state\": \"PASS\",\n"
            + "   \"evidence\": [{\"key\": \"k\", \"actual\": [\"1\"], \"source\": {\"kind\": \"FILE\", \"line\": 3}}]}\n"
            + "],\n"
            + "\"recommendations\": []\n"
            + "}\n";

    private static final String UPLOAD = "{\"upload\": 1,\n"
            + "\"device\": {\"id\": \"d-9\", \"hostname\": \"db-01\", \"os\": \"\"},\n"
            + "\"content\": [{\"id\": \"b\", \"controls\": 1}],\n"
            + "\"finished\": \"2026-11-20T10:00:00Z\",\n"
            + "\"results\": [{\"id\": \"c1\", \"state\": \"PASS\", \"reason\": null, \"evidence\": [{\"key\": \"k\"}]}]}";

    private ReportException report(String text) {
        return assertThrows(ReportException.class, () -> reader.read("r.json", in(text)));
    }

    private ReportException upload(String text) {
        return assertThrows(ReportException.class, () -> reader.readUpload("u", in(text)));
    }

    private static ByteArrayInputStream in(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void theFixturesAreGood() throws Exception {
        assertEquals("d-9", reader.read("r.json", in(REPORT)).device().id());
        assertEquals("d-9", reader.readUpload("r.json", in(REPORT)).device().id());
        assertEquals("d-9", reader.readUpload("u", in(UPLOAD)).device().id());
    }

    @Test
    void unknownFieldsAreRefusedAnywhereInAReport() {
        assertEquals("r.json:4:1: rooot: unknown field (a report has format, generator, device, platform, root, "
                + "live, started, finished, content, collectors, software, score, results, recommendations, exposure, problems)",
                report(REPORT.replace("\"root\"", "\"rooot\"")).getMessage());
        assertEquals("r.json:3:76: device.tags: unknown field (a device has id, hostname, os, groups)",
                report(REPORT.replace("\"groups\"", "\"tags\"")).getMessage());
        assertEquals("r.json:8:78: results[0].status: unknown field (a result has id, title, category, weight, "
                + "benchmark, description, rationale, expect, references, remediation, state, reason, evidence, "
                + "exceptions)", report(REPORT.replace("\"state\": \"PASS\"", "\"status\": \"PASS\"")).getMessage());
        // in parts that are not read
        assertEquals("r.json:6:20: score.grade: unknown field (allowed: computedAt, score, points, maximum, "
                + "categories, controls, devices, coverage, inactiveDevices)",
                report(REPORT.replace("\"score\": 50.0", "\"grade\": 50.0")).getMessage());
        assertEquals("score.coverage.percent", report(REPORT.replace("\"ratio\"", "\"percent\"")).field());
        assertEquals("r.json:9:40: results[0].evidence[0].values: unknown field (allowed: key, expected, state, "
                + "actual, source, others, reason)", report(REPORT.replace("\"actual\"", "\"values\"")).getMessage());
        assertEquals("results[0].evidence[0].source.file",
                report(REPORT.replace("\"kind\"", "\"file\"")).field());
        // and an upload with a full report is checked as a report
        assertEquals("u:4:1: rooot: unknown field (a report has format, generator, device, platform, root, "
                + "live, started, finished, content, collectors, software, score, results, recommendations, exposure, problems)",
                upload(REPORT.replace("\"root\"", "\"rooot\"")).getMessage().replace("r.json", "u"));
    }

    @Test
    void unknownFieldsAreRefusedAnywhereInAnUpload() {
        assertEquals("u:5:90: results[0].evidence[0].x: unknown field (allowed: key, expected, state, actual, "
                + "source, others, reason)", upload(UPLOAD.replace("{\"key\": \"k\"}", "{\"key\": \"k\", \"x\": 1}"))
                        .getMessage());
        assertEquals("content[0].sha", upload(UPLOAD.replace("\"controls\": 1", "\"sha\": 1")).field());
    }

    @Test
    void repeatedNamesAreRefusedAnywhere() {
        ReportException e = report(REPORT.replace("\"ratio\": 1", "\"ratio\": 1, \"ratio\": 0"));
        assertEquals("r.json:6:51: score.coverage.ratio: not valid JSON: Duplicate field 'ratio'", e.getMessage());
        assertEquals("results[0].evidence[0].source.line",
                report(REPORT.replace("\"line\": 3", "\"line\": 3, \"line\": 4")).field());
        assertEquals("content[0].id", upload(UPLOAD.replace("\"id\": \"b\"", "\"id\": \"b\", \"id\": \"c\"")).field());
    }

    @Test
    void nothingMayFollowTheDocument() {
        assertEquals("not valid JSON: unexpected content after the report", report(REPORT + "{}").reason());
        assertEquals(13, report(REPORT + "{}").line());
        assertEquals("not valid JSON: unexpected content after the report", upload(UPLOAD + " 1").reason());
        assertEquals("not valid JSON", report(REPORT + "]").reason().substring(0, 14));
        assertEquals("not valid JSON", report("[1] [2]").reason().substring(0, 14));
    }

    @Test
    void containersStandOnlyWhereTheSchemaHasThem() {
        assertEquals("root: must be a string, a number, a boolean or null, not an object",
                message(report(REPORT.replace("\"root\": \"/\"", "\"root\": {}"))));
        assertEquals("score: must be an object", message(report(REPORT.replace(
                "{\"score\": 50.0, \"coverage\": {\"ratio\": 1}}", "[1]"))));
        assertEquals("results[0].evidence[0].actual: must be an array",
                message(report(REPORT.replace("[\"1\"]", "{}"))));
    }

    private static String message(ReportException e) {
        return e.field() + ": " + e.reason();
    }

    @Test
    void numbersAreRangeChecked() {
        assertEquals("results[0].weight: must be an integer from 1 to 10, found 4294967301",
                message(report(REPORT.replace("\"weight\": 5", "\"weight\": 4294967301"))));
        assertEquals("format: report format 4294967297 is not supported; this Bulwark reads format 1",
                message(report(REPORT.replace("\"format\": 1", "\"format\": 4294967297"))));
        assertEquals("upload: upload version 4294967297 is not supported; this Bulwark reads version 1",
                message(upload(UPLOAD.replace("\"upload\": 1", "\"upload\": 4294967297"))));
    }

    @Test
    void identityValuesAreLengthBoundedNotCut() throws Exception {
        String id400 = "m".repeat(400);
        assertEquals(id400, reader.read("r.json", in(REPORT.replace("\"d-9\"", "\"" + id400 + "\""))).device().id());
        assertEquals("device.id: longer than 400 characters (100000)",
                message(upload(UPLOAD.replace("\"d-9\"", "\"" + "m".repeat(100_000) + "\""))));
        assertEquals("device.hostname: longer than 400 characters (401)",
                message(report(REPORT.replace("\"db-01\"", "\"" + "h".repeat(401) + "\""))));
        assertEquals("device.os: longer than 400 characters (401)",
                message(upload(UPLOAD.replace("\"os\": \"\"", "\"os\": \"" + "o".repeat(401) + "\""))));
        assertEquals("device.groups[0]: longer than 400 characters (401)",
                message(report(REPORT.replace("\"groups\": []", "\"groups\": [\"" + "g".repeat(401) + "\"]"))));
    }

    @Test
    void onlyRegularFilesAreRead(@TempDir Path dir) throws Exception {
        assertEquals("/dev/zero: not a regular file",
                assertThrows(ReportException.class, () -> reader.read(Path.of("/dev/zero"))).getMessage());
        Path fifo = dir.resolve("pipe.json");
        Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start();
        assertEquals(true, mkfifo.waitFor(10, TimeUnit.SECONDS));
        assertEquals(0, mkfifo.exitValue());
        ReportException e = assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> assertThrows(ReportException.class, () -> reader.read(fifo)));
        assertEquals(fifo + ": not a regular file", e.getMessage());
        assertEquals(dir + ": not a regular file",
                assertThrows(ReportException.class, () -> reader.read(dir)).getMessage());
    }
}
