package org.bulwark.cli.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.bulwark.collector.api.Collector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;

/**
 * The command line end to end in OSGi: real services, a test collector reading fixture roots, content and
 * exceptions from files, reports on disk.
 */
class CommandLineTest {

    private final BundleContext context = FrameworkUtil.getBundle(CommandLineTest.class).getBundleContext();
    @RegisterExtension
    final CliRun bulwark = CliRun.withFacts();

    @TempDir
    Path dir;

    private Path workedExampleContent() throws IOException {
        return FactsFixture.content(dir);
    }

    private Path device(String id, String states) throws IOException {
        return FactsFixture.device(dir, id, states);
    }

    @Test
    void failUnderGatesOnTheSecureScoreAfterTheReportIsWritten() throws IOException {
        Path content = workedExampleContent();
        Path root = device("gate", "PFPPP"); // c2 (weight 5) fails: 25 of 30 points, 83.3333
        Path report = dir.resolve("gate.json");
        String[] assess = { "assess", "--root", root.toString(), "--benchmark", content.toString(), "--format",
            "json", "-o", report.toString(), "--no-store", "--fail-under" };
        assertEquals(ExitCodes.OK, bulwark.run(concat(assess, "80")), bulwark.err());
        assertEquals(ExitCodes.OK, bulwark.run(concat(assess, "83.3333")), bulwark.err());
        Files.delete(report);
        assertEquals(ExitCodes.BELOW_THRESHOLD, bulwark.run(concat(assess, "90")), bulwark.err());
        assertTrue(bulwark.err().contains("bulwark: the secure score 83.3333 is below --fail-under 90"),
                bulwark.err());
        assertTrue(Files.readString(report).contains("\"results\""), "the report is written before the gate");
        // nothing counted: no score is no pass
        String[] none = assess.clone();
        none[2] = device("nothing", "NNNNN").toString();
        assertEquals(ExitCodes.BELOW_THRESHOLD, bulwark.run(concat(none, "0")), bulwark.err());
        assertTrue(bulwark.err().contains("the secure score (none: nothing was counted) is below --fail-under 0"),
                bulwark.err());
        assertEquals(ExitCodes.USAGE, bulwark.run(concat(assess, "101")));
        assertTrue(bulwark.err().contains("--fail-under must be a score from 0 to 100, not 101.0"), bulwark.err());
    }

    private static String[] concat(String[] args, String last) {
        String[] all = java.util.Arrays.copyOf(args, args.length + 1);
        all[args.length] = last;
        return all;
    }

    @Test
    void scoreOfTheWorkedExamplesReportsPrintsItsFigures() throws IOException {
        Path content = workedExampleContent();
        Path exceptions = Files.writeString(dir.resolve("exceptions.json"), """
                [{"id": "e1", "control": "c4", "scope": "device", "target": "d2",
                  "justification": "alternate-mitigation", "author": "alice",
                  "created": "2026-01-01T00:00:00Z", "expires": "2099-01-01T00:00:00Z"},
                 {"id": "e2", "control": "c5", "scope": "device", "target": "d1",
                  "justification": "risk-accepted", "author": "bob", "created": "2026-01-01T00:00:00Z"}]""");
        String[][] devices = { { "d1", "PPNEF" }, { "d2", "FPNFP" }, { "d3", "PNNFP" } };
        for (String[] d : devices) {
            int code = bulwark.run("assess", "--root", device(d[0], d[1]).toString(), "--benchmark", content.toString(),
                    "--exceptions", exceptions.toString(), "--format", "json", "--output",
                    dir.resolve(d[0] + ".json").toString(), "--data", dir.resolve("data").toString());
            assertEquals(d[0].equals("d1") ? ExitCodes.INCOMPLETE : ExitCodes.OK, code, bulwark.err());
        }
        int code = bulwark.run("score", dir.resolve("d1.json").toString(), dir.resolve("d2.json").toString(),
                dir.resolve("d3.json").toString(), "--data", dir.resolve("data").toString());
        assertEquals(ExitCodes.OK, code, bulwark.err());
        String expected = """
                Bulwark fleet score 62.9630 (17 of 27 points, 3 devices)
                computed at <time>

                Categories
                  Application          66.6667  (2.6667 of 4)
                  Operating system     66.6667  (6.6667 of 10)
                  Network             100.0000  (5 of 5)
                  Accounts                   —  (0 of 0)
                  Security controls    33.3333  (2.6667 of 8)

                Devices
                  d1                   d1                     55.5556  (15 of 27)  assessed <time>
                  d2                   d2                     62.9630  (17 of 27)  assessed <time>
                  d3                   d3                     63.6364  (14 of 22)  assessed <time>

                coverage 90.9% — 1 error

                Controls by impact
                     impact    points  max  exposed  control
                    19.7531    2.6667    8      2/3  c4  Control c4
                    12.3457    6.6667   10      1/3  c1  Control c1
                     4.9383    2.6667    4      1/3  c5  Control c5
                     0.0000    5.0000    5      0/2  c2  Control c2
                """;
        String text = bulwark.out().replace("\r\n", "\n")
                .replaceAll("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?Z", "<time>");
        assertEquals(expected, text);
    }

    @Test
    void uploadFormatWritesWhatAFleetServerReadsAndScoreRefusesIt() throws IOException {
        Path content = workedExampleContent();
        Path upload = dir.resolve("d2.upload.json");
        assertEquals(ExitCodes.OK, bulwark.run("assess", "--root", device("d2", "FPNFP").toString(), "--benchmark",
                content.toString(), "--format", "upload", "--output", upload.toString(), "--data",
                dir.resolve("data").toString()), bulwark.err());
        String text = Files.readString(upload);
        assertEquals(1, text.lines().count(), "compact: one line");
        com.fasterxml.jackson.databind.JsonNode doc = new com.fasterxml.jackson.databind.ObjectMapper().readTree(text);
        assertEquals("upload", doc.fieldNames().next());
        assertEquals(1, doc.get("upload").intValue());
        assertEquals("d2", doc.get("device").get("id").textValue());
        StringBuilder states = new StringBuilder();
        for (com.fasterxml.jackson.databind.JsonNode r : doc.get("results")) {
            java.util.List<String> fields = new java.util.ArrayList<>();
            r.fieldNames().forEachRemaining(fields::add);
            assertEquals(java.util.List.of("id", "state", "reason", "evidence"), fields);
            states.append(r.get("id").textValue()).append('=').append(r.get("state").textValue()).append(' ');
        }
        assertEquals("c1=FAIL c2=PASS c3=NOT_APPLICABLE c4=FAIL c5=PASS ", states.toString());
        // `score` needs reports: it says what the file is instead of a missing field
        assertEquals(ExitCodes.CONTENT, bulwark.run("score", upload.toString()));
        assertTrue(bulwark.err().contains(upload + ":1:11: upload: this is an agent's upload for a fleet server "
                + "(\"upload\": 1), not a report"), bulwark.err());
    }

    @Test
    void malformedBenchmarkIsRejectedAndNothingIsWritten() throws IOException {
        Path bad = Files.writeString(dir.resolve("bad.json"), """
                {"format": 1, "id": "bad", "title": "Bad", "version": "1",
                 "controls": [{"id": "x", "title": "X", "category": "network", "weight": 42, "rationale": "r",
                   "expect": {"key": "t.x", "op": "present"},
                   "remediation": {"type": "configuration-change", "text": "t"}}]}""");
        Path report = dir.resolve("report.json");
        int code = bulwark.run("assess", "--root", device("d1", "P").toString(), "--benchmark", bad.toString(),
                "--format", "json", "--output", report.toString());
        assertEquals(ExitCodes.CONTENT, code);
        assertEquals("bulwark: benchmark content rejected, nothing assessed: " + bad
                + ":2:64: controls[0].weight: must be an integer from 1 to 10, was 42", bulwark.err().trim());
        assertFalse(Files.exists(report), "no report is written");
        assertEquals(List.of(), listReports());
    }

    private List<Path> listReports() throws IOException {
        try (var s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().startsWith(".report")).toList();
        }
    }

    @Test
    void usageErrors() {
        assertEquals(ExitCodes.USAGE, bulwark.run("assess", "--format", "pdf"));
        String err = bulwark.err();
        assertTrue(err.contains("unknown report format 'pdf' (expected one of text, json, csv, html, upload, junit, sarif)"), err);
        assertEquals(ExitCodes.USAGE, bulwark.run("assess", "--category", "networking"));
        assertTrue(bulwark.err().contains("unknown category 'networking'"), bulwark.err());
        assertEquals(ExitCodes.USAGE, bulwark.run("frobnicate"));
        assertEquals(ExitCodes.USAGE, bulwark.run("score", "--no-store")); // no reports and no store: nothing to score
    }

    @Test
    void malformedExceptionsAndReportsAreRejected() throws IOException, InterruptedException {
        Path exceptions = Files.writeString(dir.resolve("ex.json"), """
                [{"id": "e1", "control": "c4", "scope": "device", "target": "d2", "justification": "because",
                  "author": "a", "created": "2026-01-01T00:00:00Z"}]""");
        assertEquals(ExitCodes.CONTENT, bulwark.run("assess", "--root", dir.toString(), "--exceptions",
                exceptions.toString(), "--no-save"));
        assertEquals("bulwark: exceptions rejected, nothing assessed: " + exceptions + ": [0].justification: "
                + "unknown value 'because' (expected one of third-party-control, alternate-mitigation, risk-accepted, "
                + "planned-remediation)", bulwark.err().trim());
        // special and oversized files are refused without being read: /dev/zero, a FIFO, a directory, 16 MiB + 1
        Path fifo = dir.resolve("fifo");
        assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
        Path huge = dir.resolve("huge.json");
        try (var f = new java.io.RandomAccessFile(huge.toFile(), "rw")) {
            f.setLength(16L * 1024 * 1024 + 1);
        }
        for (String[] bad : new String[][] {{"/dev/zero", "not a regular file (a device, FIFO or socket is never read)"},
                {fifo.toString(), "not a regular file (a device, FIFO or socket is never read)"},
                {dir.toString(), "a directory, not a file"},
                {huge.toString(), "larger than the limit of 16777216 bytes (16777217 bytes)"}}) {
            assertEquals(ExitCodes.CONTENT, bulwark.run("assess", "--root", dir.toString(), "--exceptions", bad[0],
                    "--no-save"), bad[0]);
            assertEquals("bulwark: exceptions rejected, nothing assessed: " + bad[0] + ": cannot read: " + bad[1],
                    bulwark.err().trim());
        }
        Path report = Files.writeString(dir.resolve("r.json"), "{\"format\": 1}");
        assertEquals(ExitCodes.CONTENT, bulwark.run("score", report.toString()));
        assertTrue(bulwark.err().startsWith("bulwark: report rejected, nothing scored: " + report), bulwark.err());
    }

    @Test
    void textSummarySavesTheFullReport() throws IOException {
        Path content = workedExampleContent();
        Path data = dir.resolve("data");
        int code = bulwark.run("assess", "--root", device("d2", "FPNFP").toString(), "--benchmark", content.toString(),
                "--data", data.toString(), "--output", dir.resolve("summary.txt").toString());
        assertEquals(ExitCodes.OK, code, bulwark.err());
        try (var s = Files.list(data.resolve("reports"))) {
            List<String> names = s.map(p -> p.getFileName().toString()).sorted().toList();
            assertEquals(2, names.size());
            assertTrue(names.get(0).matches("d2-\\d{8}-\\d{6}\\.html"), names.toString());
            assertTrue(names.get(1).matches("d2-\\d{8}-\\d{6}\\.json"), names.toString());
        }
        String summary = Files.readString(dir.resolve("summary.txt"));
        assertTrue(summary.contains(data.resolve("reports").toString()), summary);
    }

    /** A bundle with one DS collector component whose XML is {@code component}; no classes. */
    @Test
    void pluginsListsCollectorsWithBundleVersionStateWhyAndControls() throws Exception {
        String unsatisfied = """
                <scr:component xmlns:scr="http://www.osgi.org/xmlns/scr/v1.3.0" name="test.needs.missing">
                  <implementation class="test.NeedsMissing"/>
                  <service><provide interface="org.bulwark.collector.api.Collector"/></service>
                  <reference name="missing" interface="test.NotThere" cardinality="1..1" policy="static"/>
                </scr:component>""";
        String failing = """
                <scr:component xmlns:scr="http://www.osgi.org/xmlns/scr/v1.3.0" name="test.no.such.class">
                  <implementation class="test.NoSuchClass"/>
                  <service><provide interface="org.bulwark.collector.api.Collector"/></service>
                </scr:component>""";
        org.osgi.framework.Bundle a = ComponentBundles.install(context, "test.unsatisfied", unsatisfied);
        org.osgi.framework.Bundle b = ComponentBundles.install(context, "test.failing", failing);
        try {
            Path content = workedExampleContent();
            assertEquals(ExitCodes.OK, bulwark.run("plugins"), bulwark.err());
            String text = bulwark.out();
            assertTrue(text.contains("""
                    test.facts  [registered (not a DS component)]
                      bundle:    org.bulwark.cli 1.0.0."""), text);
            assertTrue(text.contains("""
                      category:  Operating system
                      provides:  t.*
                      controls:  (none installed read its keys)
                    """), text);
            assertTrue(text.contains("""
                    test.needs.missing  [unsatisfied: no service for reference 'missing']
                      bundle:    test.unsatisfied 2.3.4 (active)
                      component: test.needs.missing
                    """), text);
            assertTrue(text.contains("""
                    test.no.such.class  [failed: the component could not be activated (its class could not be \
                    loaded or created; the runtime log says why)]
                      bundle:    test.failing 2.3.4 (active)
                    """), text);
            assertTrue(text.contains("\nPlug-in folder: "), text);
            assertTrue(Files.exists(content));
        } finally {
            a.uninstall();
            b.uninstall();
        }
    }
}
