package org.bulwark.cli.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The store commands end to end in OSGi: assess stores, history and diff explain, exceptions and remediation
 * activities are created, applied, completed and exported; bad input writes nothing. Every command uses its own
 * data directory (an H2 store in a temporary directory).
 */
class StoreCommandsTest {

    @RegisterExtension
    final CliRun bulwark = CliRun.withFacts();

    @TempDir
    Path dir;

    private int run(String... args) {
        return bulwark.runWithData(dir.resolve("data"), args);
    }

    private Path content() throws IOException {
        return FactsFixture.content(dir);
    }

    private Path device(String id, String states) throws IOException {
        return FactsFixture.device(dir, id, states);
    }

    private int assess(String id, String states) throws IOException {
        return run("assess", "--root", device(id, states).toString(), "--benchmark", content().toString(), "--format",
                "json", "-o", dir.resolve(id + ".json").toString());
    }

    private static java.util.List<String> names(JsonNode n) {
        java.util.List<String> names = new java.util.ArrayList<>();
        n.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static String times(String s) {
        return s.replace("\r\n", "\n").replaceAll("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?Z", "<time>");
    }

    @Test
    void assessStoresHistoryListsAndDiffExplainsExactly() throws Exception {
        assertEquals(ExitCodes.OK, assess("d1", "FPNFF"), bulwark.err());
        assertTrue(bulwark.err().contains("bulwark: stored as assessment #1"), bulwark.err());
        assertEquals(ExitCodes.OK, run("exception", "create", "--id", "e1", "--control", "c4", "--scope", "device",
                "--target", "d1", "--justification", "alternate-mitigation", "--author", "alice", "--expires",
                "2099-01-01", "--notes", "firewall in front"), bulwark.err());
        assertEquals("exception e1 created\n", bulwark.out());
        // score applies stored exceptions too: c4 now counts as passed on the first report (as of a time after the
        // exception was created: the report itself is older)
        String later = java.time.Instant.now().plusSeconds(60).toString();
        assertEquals(ExitCodes.OK, run("score", dir.resolve("d1.json").toString(), "--at", later), bulwark.err());
        assertTrue(bulwark.out().startsWith("Bulwark fleet score 48.1481 (13 of 27 points"), bulwark.out());
        assertEquals(ExitCodes.OK, run("score", dir.resolve("d1.json").toString(), "--at", later, "--no-store"),
                bulwark.err());
        assertTrue(bulwark.out().startsWith("Bulwark fleet score 18.5185 (5 of 27 points"), bulwark.out());
        assertEquals(ExitCodes.OK, assess("d1", "PPNFF"), bulwark.err());
        assertEquals(ExitCodes.OK, run("assess", "--root", device("d1", "PPNFF").toString(), "--benchmark",
                content().toString(), "--format", "json", "-o", dir.resolve("x.json").toString(), "--no-store"));

        assertEquals(ExitCodes.OK, run("history"), bulwark.err());
        assertEquals("""
                   ID  FINISHED              DEVICE                   SCORE  POINTS             OS    NET    ACC    SEC    APP  EXPOSURE
                    1  <time>  d1                     18.5185  5 of 27             0    100      —      0      0         —
                    2  <time>  d1                     85.1852  23 of 27          100    100      —    100      0         —
                2 assessments
                """, times(bulwark.out()));

        assertEquals(ExitCodes.OK, run("diff", "1", "2"), bulwark.err());
        assertEquals("""
                A: #1 d1 <time>  score 18.5185 (5 of 27 points)
                B: #2 d1 <time>  score 85.1852 (23 of 27 points)
                score change: +66.6667

                    EARNED  POSSIBLE  CHANGE
                       +10         0  c1  result changed FAIL → PASS  — Control c1
                        +8         0  c4  exception e1 now covers it (FAIL)  — Control c4
                       +18         0  total: earned 5 → 23, possible 27 → 27
                """, times(bulwark.out()));

        assertEquals(ExitCodes.OK, run("diff", "1", "2", "--format", "json"), bulwark.err());
        JsonNode d = new ObjectMapper().readTree(bulwark.out());
        assertEquals(18.0, d.get("earnedDelta").asDouble());
        assertEquals(100.0 * 23 / 27 - 100.0 * 5 / 27, d.get("scoreDelta").asDouble(), 1e-9);
        assertEquals("RESULT_CHANGED", d.get("changes").get(0).get("kind").asText());
        assertEquals("FAIL", d.get("changes").get(0).get("before").asText());
        assertEquals("EXCEPTION_CREATED", d.get("changes").get(1).get("kind").asText());
        assertEquals("e1", d.get("changes").get(1).get("exceptionId").asText());
        assertEquals(8.0, d.get("changes").get(1).get("earnedDelta").asDouble());

        assertEquals(ExitCodes.OK, run("history", "--device", "d1", "--format", "json"), bulwark.err());
        JsonNode h = new ObjectMapper().readTree(bulwark.out());
        assertEquals(2, h.size());
        assertEquals(23.0, h.get(1).get("rawPoints").asDouble());
        assertEquals(100.0 * 23 / 27, h.get(1).get("score").asDouble(), 1e-9);
        assertTrue(h.get(1).get("categories").get("ACCOUNTS").get("score").isNull());
        assertEquals("worked-example 1", h.get(1).get("content").get(0).asText());
        assertEquals(ExitCodes.OK, run("history", "--since", "2999-01-01"));
        assertTrue(bulwark.out().endsWith("0 assessments\n"), bulwark.out());

        // the stored report, with the evidence, reads back into the same figures
        Path shown = dir.resolve("shown/2.json");
        assertEquals(ExitCodes.OK, run("show", "2", "-o", shown.toString()), bulwark.err());
        assertEquals(ExitCodes.OK, run("score", shown.toString(), "--no-store"), bulwark.err());
        assertTrue(bulwark.out().startsWith("Bulwark fleet score 85.1852 (23 of 27 points"), bulwark.out());
        assertEquals(ExitCodes.USAGE, run("show", "99"));
        assertTrue(bulwark.err().contains("no stored assessment #99"), bulwark.err());

        assertEquals(ExitCodes.USAGE, run("history", "--device", "ghost"));
        assertTrue(bulwark.err().contains("unknown device 'ghost'"), bulwark.err());
        assertEquals(ExitCodes.USAGE, run("diff", "1", "9"));
        assertTrue(bulwark.err().contains("no stored assessment #9"), bulwark.err());

        // cancelled: the next assessment no longer applies it
        assertEquals(ExitCodes.OK, run("exception", "cancel", "e1", "--by", "bob"), bulwark.err());
        assertEquals(ExitCodes.OK, assess("d1", "PPNFF"), bulwark.err());
        assertEquals(ExitCodes.OK, run("diff", "2", "3"));
        assertTrue(times(bulwark.out()).contains("-8         0  c4  exception e1 no longer applies (FAIL)"),
                bulwark.out());
        assertEquals(ExitCodes.OK, run("exception", "list", "--format", "json"));
        JsonNode e = new ObjectMapper().readTree(bulwark.out());
        assertEquals("CANCELLED", e.get(0).get("status").asText());
        assertEquals("bob", e.get(0).get("cancelledBy").asText());
    }

    @Test
    void jsonHasTheVocabularyOfTheServersOpenApiDocument() throws Exception {
        assertEquals(ExitCodes.OK, assess("d1", "FPNFF"), bulwark.err());
        assertEquals(ExitCodes.OK, run("exception", "create", "--id", "e0", "--control", "c1", "--scope", "global",
                "--justification", "risk-accepted", "--author", "alice", "--format", "json"), bulwark.err());
        JsonNode created = new ObjectMapper().readTree(bulwark.out());
        assertEquals(java.util.List.of("id", "controlId", "scope", "target", "justification", "author", "created",
                "expires", "notes", "status", "cancelled", "cancelledBy", "updated", "updatedBy"),
                names(created));
        assertEquals("c1", created.get("controlId").asText());
        assertEquals("GLOBAL", created.get("scope").asText());
        assertEquals("RISK_ACCEPTED", created.get("justification").asText());
        assertEquals("ACTIVE", created.get("status").asText());
        assertEquals(ExitCodes.OK, run("remediation", "create", "--title", "Fix c1", "--control", "c1", "--group",
                "web", "--priority", "low", "--requester", "bob", "--format", "json"), bulwark.err());
        JsonNode activity = new ObjectMapper().readTree(bulwark.out());
        assertEquals(java.util.List.of("id", "title", "controlId", "category", "scope", "devices", "group", "priority",
                "due", "attentionRequired", "notes", "requester", "created", "status", "completion", "completed",
                "targetDevices", "fixedDevices", "cancelled", "cancelledBy", "updated", "updatedBy"), names(activity));
        assertEquals("OPERATING_SYSTEM", activity.get("category").asText());
        assertEquals("GROUP", activity.get("scope").asText());
        assertEquals("web", activity.get("group").asText());
        // an exceptions file may name the control as controlId, or as control (the older name)
        Path file = java.nio.file.Files.writeString(dir.resolve("ex.json"), """
                [{"id": "f1", "controlId": "c4", "scope": "global", "justification": "third-party-control",
                  "author": "alice", "created": "2026-01-01T00:00:00Z"}]""");
        assertEquals(ExitCodes.OK, run("assess", "--root", device("d1", "FPNFF").toString(), "--benchmark",
                content().toString(), "--exceptions", file.toString(), "--format", "json", "-o",
                dir.resolve("f.json").toString()), bulwark.err());
        JsonNode report = new ObjectMapper().readTree(dir.resolve("f.json").toFile());
        assertEquals(100.0 * 13 / 27, report.get("score").get("score").asDouble(), 1e-9);
    }

    @Test
    void badExceptionsAreRefusedAndNothingIsWritten() throws Exception {
        assertEquals(ExitCodes.OK, assess("d1", "FPNFF"), bulwark.err());
        assertEquals(ExitCodes.USAGE, run("exception", "create", "--control", "zz", "--scope", "global",
                "--justification", "risk-accepted"));
        assertTrue(bulwark.err().contains("unknown control 'zz'"), bulwark.err());
        assertEquals(ExitCodes.USAGE, run("exception", "create", "--control", "c1", "--scope", "device", "--target",
                "ghost", "--justification", "risk-accepted"));
        assertTrue(bulwark.err().contains("unknown device 'ghost'"), bulwark.err());
        assertEquals(ExitCodes.USAGE, run("exception", "create", "--control", "c1", "--scope", "device",
                "--justification", "risk-accepted"));
        assertTrue(bulwark.err().contains("--target is required for scope device"), bulwark.err());
        assertEquals(ExitCodes.USAGE, run("exception", "create", "--control", "c1", "--scope", "global",
                "--justification", "because", "--expires", "2099-01-01"));
        assertTrue(bulwark.err().contains("unknown value 'because'"), bulwark.err());
        assertEquals(ExitCodes.USAGE, run("exception", "create", "--control", "c1", "--scope", "global",
                "--justification", "risk-accepted", "--expires", "2020-01-01"));
        assertTrue(bulwark.err().contains("--expires 2020-01-01 is not in the future"), bulwark.err());
        assertEquals(ExitCodes.USAGE, run("exception", "cancel", "nope"));
        assertEquals(ExitCodes.OK, run("exception", "list"));
        assertTrue(bulwark.out().endsWith("0 exceptions\n"), bulwark.out());
    }

    @Test
    void remediationActivitiesCountFixedDevicesAndExportSafeCsv() throws Exception {
        assertEquals(ExitCodes.OK, assess("d1", "FPNFF"), bulwark.err());
        assertEquals(ExitCodes.OK, assess("d2", "PPNFF"), bulwark.err());
        String yesterday = LocalDate.now(ZoneOffset.UTC).minusDays(1).toString();
        assertEquals(ExitCodes.USAGE, run("remediation", "create", "--title", "Fix c1", "--control", "c1",
                "--devices", "d1,d2", "--priority", "high", "--due", yesterday));
        assertTrue(bulwark.err().contains("is in the past"), bulwark.err());
        assertEquals(ExitCodes.USAGE, run("remediation", "create", "--title", "Fix", "--control", "zz", "--devices",
                "d1", "--priority", "high"));
        assertTrue(bulwark.err().contains("unknown control 'zz'"), bulwark.err());
        assertEquals(ExitCodes.USAGE, run("remediation", "create", "--title", "Fix", "--control", "c1", "--devices",
                "d1,ghost", "--priority", "high"));
        assertTrue(bulwark.err().contains("unknown device 'ghost'"), bulwark.err());
        assertEquals(ExitCodes.USAGE, run("remediation", "create", "--title", "Fix", "--control", "c1", "--devices",
                "d1", "--priority", "urgent"));
        assertTrue(bulwark.err().contains("--priority: unknown value 'urgent' (expected one of high, medium, low)"),
                bulwark.err());
        assertEquals(ExitCodes.USAGE, run("remediation", "create", "--title", "Fix", "--control", "c1", "--priority",
                "low"));
        assertTrue(bulwark.err().contains("give either --devices or --group"), bulwark.err());
        assertEquals(ExitCodes.OK, run("remediation", "list"));
        assertTrue(bulwark.out().endsWith("0 activities\n"), bulwark.out());

        assertEquals(ExitCodes.OK, run("remediation", "create", "--title", "=HYPERLINK(\"http://x\",\"fix c1\")",
                "--control", "c1", "--devices", "d1,d2", "--priority", "high", "--due", "2099-12-31", "--notes",
                "line one\nline two, with a comma", "--requester", "alice"), bulwark.err());
        assertEquals("remediation activity #1 created: 1 of 2 targeted devices fixed\n", bulwark.out());
        assertEquals(ExitCodes.OK, run("remediation", "create", "--title", "Fix c5", "--control", "c5", "--devices",
                "d1", "--priority", "low", "--requester", "bob"), bulwark.err());

        assertEquals(ExitCodes.OK, assess("d1", "PPNFF"), bulwark.err()); // d1 fixes c1: #1 confirmed
        assertEquals(ExitCodes.OK, run("remediation", "list", "--format", "json"));
        JsonNode list = new ObjectMapper().readTree(bulwark.out());
        assertEquals("COMPLETED", list.get(0).get("status").asText());
        assertEquals("SYSTEM_CONFIRMATION", list.get(0).get("completion").asText());
        assertEquals(2, list.get(0).get("fixedDevices").asInt());
        assertEquals("ACTIVE", list.get(1).get("status").asText());
        assertTrue(list.get(1).get("attentionRequired").asBoolean());
        assertEquals(ExitCodes.OK, run("remediation", "complete", "2"));
        assertEquals(ExitCodes.USAGE, run("remediation", "complete", "2"));
        assertTrue(bulwark.err().contains("already completed (manual"), bulwark.err());

        // without reports, score takes every device's latest stored assessment: d1 and d2 are both PPNFF now
        assertEquals(ExitCodes.OK, run("score"), bulwark.err());
        assertTrue(bulwark.out().startsWith("Bulwark fleet score 55.5556 (15 of 27 points, 2 devices)"),
                bulwark.out());

        Path csv = dir.resolve("out/activities.csv");
        assertEquals(ExitCodes.OK, run("remediation", "export", "--csv", csv.toString()), bulwark.err());
        String text = times(Files.readString(csv).replace("\r\n", "\u00b6"));
        assertEquals("id,title,control_id,category,scope,targets,priority,due,status,completion,completed,"
                + "target_devices,fixed_devices,requester,created,notes,updated,updated_by,cancelled,cancelled_by\u00b6"
                + "1,\"'=HYPERLINK(\"\"http://x\"\",\"\"fix c1\"\")\",c1,operating-system,devices,d1 d2,high,2099-12-31,"
                + "completed,system-confirmation,<time>,2,2,alice,<time>,\"line one\nline two, with a comma\",,,,\u00b6"
                + "2,Fix c5,c5,application,devices,d1,low,attention required,completed,manual,<time>,1,0,bob,<time>,,,,,"
                + "\u00b6",
                text);
    }

    @Test
    void exceptionsAreUpdatedAndTheScoreFollows() throws Exception {
        assertEquals(ExitCodes.OK, assess("d1", "FPNFF"), bulwark.err());
        assertEquals(ExitCodes.OK, run("exception", "create", "--id", "e1", "--control", "c4", "--scope", "device",
                "--target", "d1", "--justification", "alternate-mitigation", "--author", "alice", "--expires",
                "2099-01-01"), bulwark.err());
        String later = java.time.Instant.now().plusSeconds(60).toString();
        assertEquals(ExitCodes.OK, run("exception", "update", "e1", "--justification", "risk-accepted", "--notes",
                "accepted", "--by", "bob"), bulwark.err());
        assertEquals("exception e1 updated: risk-accepted, expires 2099-01-01T00:00:00Z\n", bulwark.out());
        // a risk accepted gives no credit: c4 fails again
        assertEquals(ExitCodes.OK, run("score", "--at", later), bulwark.err());
        assertTrue(bulwark.out().startsWith("Bulwark fleet score 18.5185 (5 of 27 points"), bulwark.out());
        assertEquals(ExitCodes.OK, run("exception", "update", "e1", "--justification", "alternate-mitigation",
                "--no-expiry", "--by", "carol"), bulwark.err());
        assertEquals("exception e1 updated: alternate-mitigation, never expires\n", bulwark.out());
        assertEquals(ExitCodes.OK, run("score", "--at", later), bulwark.err());
        assertTrue(bulwark.out().startsWith("Bulwark fleet score 48.1481 (13 of 27 points"), bulwark.out());

        assertEquals(ExitCodes.USAGE, run("exception", "update", "e1", "--expires", "2099-01-01", "--no-expiry"));
        assertTrue(bulwark.err().contains("give either --expires or --no-expiry; nothing was written"),
                bulwark.err());
        assertEquals(ExitCodes.USAGE, run("exception", "update", "e1"));
        assertTrue(bulwark.err().contains("nothing to update: give --expires, --no-expiry, --notes or "
                + "--justification; nothing was written"), bulwark.err());
        assertEquals(ExitCodes.USAGE, run("exception", "update", "e1", "--justification", "luck"));
        assertTrue(bulwark.err().contains("--justification: unknown value 'luck'"), bulwark.err());
        assertEquals(ExitCodes.USAGE, run("exception", "update", "e1", "--expires", "2000-01-01"));
        assertTrue(bulwark.err().contains("exception 'e1': it must expire after it is created"), bulwark.err());
        assertEquals(ExitCodes.USAGE, run("exception", "update", "nope", "--notes", "x"));
        assertTrue(bulwark.err().contains("no exception 'nope'"), bulwark.err());

        assertEquals(ExitCodes.OK, run("exception", "list", "--format", "json"));
        JsonNode e = new ObjectMapper().readTree(bulwark.out()).get(0);
        assertEquals("ALTERNATE_MITIGATION", e.get("justification").asText());
        assertTrue(e.get("expires").isNull());
        assertEquals("accepted", e.get("notes").asText());
        assertEquals("alice", e.get("author").asText());
        assertEquals("carol", e.get("updatedBy").asText());
        assertEquals("ACTIVE", e.get("status").asText());

        assertEquals(ExitCodes.OK, run("exception", "cancel", "e1", "--by", "dave"), bulwark.err());
        assertEquals(ExitCodes.USAGE, run("exception", "update", "e1", "--notes", "x"));
        assertTrue(bulwark.err().contains("a cancelled exception cannot be updated"), bulwark.err());
    }

    @Test
    void remediationActivitiesAreUpdatedAndCancelled() throws Exception {
        assertEquals(ExitCodes.OK, assess("d1", "FPNFF"), bulwark.err());
        assertEquals(ExitCodes.OK, run("remediation", "create", "--title", "Fix c1", "--control", "c1", "--devices",
                "d1", "--priority", "high", "--notes", "soon", "--requester", "alice"), bulwark.err());
        assertEquals(ExitCodes.OK, run("remediation", "update", "1", "--title", "Fix c1 now", "--priority", "low",
                "--due", "2099-12-31", "--notes", "after the freeze", "--by", "bob"), bulwark.err());
        assertEquals("remediation activity #1 updated: Fix c1 now, low priority, due 2099-12-31\n", bulwark.out());
        assertEquals(ExitCodes.OK, run("remediation", "update", "1", "--notes", "", "--by", "carol", "--format",
                "json"), bulwark.err());
        JsonNode updated = new ObjectMapper().readTree(bulwark.out());
        assertEquals("Fix c1 now", updated.get("title").asText());
        assertEquals("LOW", updated.get("priority").asText());
        assertEquals("2099-12-31", updated.get("due").asText());
        assertTrue(updated.get("notes").isNull());
        assertEquals("alice", updated.get("requester").asText());
        assertEquals("carol", updated.get("updatedBy").asText());
        assertEquals("ACTIVE", updated.get("status").asText());

        String yesterday = LocalDate.now(ZoneOffset.UTC).minusDays(1).toString();
        assertEquals(ExitCodes.USAGE, run("remediation", "update", "1", "--due", yesterday));
        assertTrue(bulwark.err().contains("the due date " + yesterday + " is in the past"), bulwark.err());
        assertEquals(ExitCodes.USAGE, run("remediation", "update", "1", "--priority", "urgent"));
        assertTrue(bulwark.err().contains("--priority: unknown value 'urgent' (expected one of high, medium, low)"),
                bulwark.err());
        assertEquals(ExitCodes.USAGE, run("remediation", "update", "1"));
        assertTrue(bulwark.err().contains("nothing to update: give --title, --priority, --due, --no-due or --notes"),
                bulwark.err());
        assertEquals(ExitCodes.USAGE, run("remediation", "update", "9", "--title", "x"));
        assertTrue(bulwark.err().contains("no remediation activity #9"), bulwark.err());
        assertEquals(ExitCodes.USAGE, run("remediation", "cancel", "9"));
        assertTrue(bulwark.err().contains("no remediation activity #9"), bulwark.err());

        assertEquals(ExitCodes.OK, run("remediation", "cancel", "1", "--by", "dave"), bulwark.err());
        assertEquals("remediation activity #1 cancelled\n", bulwark.out());
        assertEquals(ExitCodes.USAGE, run("remediation", "cancel", "1"));
        assertTrue(bulwark.err().contains("by dave and cannot be cancelled"), bulwark.err());
        assertEquals(ExitCodes.USAGE, run("remediation", "update", "1", "--title", "x"));
        assertTrue(bulwark.err().contains("and cannot be updated"), bulwark.err());
        assertEquals(ExitCodes.USAGE, run("remediation", "complete", "1"));
        assertTrue(bulwark.err().contains("and cannot be completed"), bulwark.err());

        // d1 fixes c1: a cancelled activity is neither recounted nor completed
        assertEquals(ExitCodes.OK, assess("d1", "PPNFF"), bulwark.err());
        assertEquals(ExitCodes.OK, run("remediation", "list", "--status", "cancelled"), bulwark.err());
        assertEquals("""
                  ID  STATUS     PRIORITY  DUE                 FIXED    CONTROL                               TITLE
                   1  cancelled  low       2099-12-31          0/1      c1                                    Fix c1 now
                1 activities
                """, bulwark.out());
        assertEquals(ExitCodes.OK, run("remediation", "list", "--format", "json"), bulwark.err());
        JsonNode r = new ObjectMapper().readTree(bulwark.out()).get(0);
        assertEquals("CANCELLED", r.get("status").asText());
        assertEquals("dave", r.get("cancelledBy").asText());
        assertTrue(r.get("completion").isNull());
        assertEquals(0, r.get("fixedDevices").asInt());
    }

    @Test
    void deviceGroupsScopeExceptionsInTheStoredFleetScore() throws Exception {
        assertEquals(ExitCodes.OK, assess("d1", "FPNFF"), bulwark.err());
        assertEquals(ExitCodes.OK, assess("d2", "FPNFF"), bulwark.err());
        assertEquals(ExitCodes.OK, run("device", "set-groups", "d1", "web", "prod"), bulwark.err());
        assertEquals("device d1: groups prod, web\n", bulwark.out());
        assertEquals(ExitCodes.USAGE, run("device", "set-groups", "ghost", "web"));
        assertEquals(ExitCodes.OK, run("exception", "create", "--control", "c4", "--scope", "group", "--target", "web",
                "--justification", "third-party-control"), bulwark.err());
        // c4 (weight 8) is credited on d1 only: c4 = 8·1/2 = 4 points, c2 = 5: 9 of 27 (as of a time after the
        // exception was created)
        assertEquals(ExitCodes.OK, run("score", "--at", java.time.Instant.now().plusSeconds(60).toString()),
                bulwark.err());
        assertTrue(bulwark.out().startsWith("Bulwark fleet score 33.3333 (9 of 27 points, 2 devices)"),
                bulwark.out());
        // assess applies the group exception to the device it assesses: d1 is in "web", d2 is not
        assertEquals(ExitCodes.OK, assess("d1", "FPNFF"), bulwark.err());
        JsonNode d1 = new ObjectMapper().readTree(dir.resolve("d1.json").toFile());
        assertEquals(100.0 * 13 / 27, d1.get("score").get("score").asDouble(), 1e-9);
        assertEquals(ExitCodes.OK, assess("d2", "FPNFF"), bulwark.err());
        JsonNode d2 = new ObjectMapper().readTree(dir.resolve("d2.json").toFile());
        assertEquals(100.0 * 5 / 27, d2.get("score").get("score").asDouble(), 1e-9);
        assertEquals(ExitCodes.OK, run("device", "list", "--format", "json"));
        JsonNode devices = new ObjectMapper().readTree(bulwark.out());
        assertEquals("prod", devices.get(0).get("groups").get(0).asText());
        assertEquals(0, devices.get(1).get("groups").size());
        assertEquals("Linux", devices.get(0).get("osPlatform").asText(), devices.toString());
        assertEquals(ExitCodes.OK, run("device", "list", "--platform", "linux"), bulwark.err());
        assertTrue(bulwark.out().startsWith(String.format("%-34s %-24s %-36s %-18s %s%n", "ID", "HOST", "OS",
                "PLATFORM", "GROUPS")), bulwark.out());
        assertTrue(bulwark.out().endsWith("\n2 devices\n"), bulwark.out());
        assertEquals(ExitCodes.OK, run("device", "list", "--platform", "Windows11"), bulwark.err());
        assertTrue(bulwark.out().endsWith("\n0 devices\n"), bulwark.out());
        assertEquals(ExitCodes.USAGE, run("device", "list", "--platform", "Solaris"));
        assertTrue(bulwark.err().contains("--platform must be one of Linux, Windows10, Windows11"), bulwark.err());
    }

    @Test
    void anUnusableStoreIsAClearError() throws Exception {
        assertEquals(ExitCodes.STORE, run("history", "--db", "jdbc:mysql://localhost/bulwark"));
        assertTrue(bulwark.err().contains("unsupported database 'jdbc:mysql://localhost/bulwark'"), bulwark.err());
        assertEquals(ExitCodes.STORE, run("history", "--db", "jdbc:postgresql://127.0.0.1:1/bulwark?password=s3cret"));
        String err = bulwark.err();
        assertTrue(err.contains("cannot open the store at jdbc:postgresql://127.0.0.1:1/bulwark?password=***"), err);
        // the report comes first: a store that cannot be opened no longer costs it (before, nothing was assessed)
        assertEquals(ExitCodes.STORE, assessWithDb("jdbc:mysql://localhost/bulwark"));
        assertTrue(Files.exists(dir.resolve("d9.json")), "the report is written although the store cannot be opened");
        assertTrue(bulwark.err().contains("bulwark: warning: stored exceptions could not be read: unsupported "
                + "database 'jdbc:mysql://localhost/bulwark'"), bulwark.err());
        assertTrue(bulwark.err().contains("bulwark: the report was written, but the assessment was not stored: "
                + "unsupported database 'jdbc:mysql://localhost/bulwark'"), bulwark.err());
    }

    private int assessWithDb(String url) throws IOException {
        return run("assess", "--root", device("d9", "P").toString(), "--benchmark", content().toString(), "--format",
                "json", "-o", dir.resolve("d9.json").toString(), "--db", url);
    }

    @Test
    void softwareListsWhatTheNewestAssessmentFound() throws Exception {
        Path root = device("d1", "PPPPP");
        Files.createDirectories(root.resolve("var/lib/dpkg"));
        Files.writeString(root.resolve("var/lib/dpkg/status"), """
                Package: bsdutils
                Status: install ok installed
                Architecture: amd64
                Source: util-linux (2.38.1-5+deb12u3)
                Version: 1:2.38.1-5+deb12u3

                Package: libc6
                Status: install ok installed
                Architecture: amd64
                Source: glibc
                Version: 2.36-9+deb12u13
                """);
        int assessed = run("assess", "--root", root.toString(), "--benchmark", content().toString(), "-o",
                dir.resolve("d1.txt").toString());
        assertEquals(ExitCodes.OK, assessed, () -> bulwark.err() + readQuietly(dir.resolve("d1.txt")));
        assertEquals(ExitCodes.OK, assess("d2", "PPPPP"), bulwark.err()); // no dpkg database: nothing known
        assertEquals(ExitCodes.OK, run("software"), bulwark.err());
        assertEquals("""
                NAME                                     ORIGIN     DEVICES  VERSIONS
                bsdutils                                 dpkg             1  1:2.38.1-5+deb12u3
                libc6                                    dpkg             1  2.36-9+deb12u13
                2 packages
                """, bulwark.out());
        assertEquals(ExitCodes.OK, run("software", "--device", "d1"), bulwark.err());
        assertEquals("""
                dpkg inventory of assessment 1 (<time>): 2 packages
                NAME                                 ARCH     VERSION                          SOURCE                       SOURCE VERSION               STATUS
                bsdutils                             amd64    1:2.38.1-5+deb12u3               util-linux                   2.38.1-5+deb12u3             installed
                libc6                                amd64    2.36-9+deb12u13                  glibc                        2.36-9+deb12u13              installed
                """, times(bulwark.out()));
        assertEquals(ExitCodes.OK, run("software", "--device", "d2"), bulwark.err());
        assertEquals("dpkg inventory of assessment 2 (<time>): UNAVAILABLE: no dpkg package database "
                + "/var/lib/dpkg/status (not a Debian-based system)\n", times(bulwark.out()));
        assertEquals(ExitCodes.OK, run("software", "--device", "d1", "--format", "json"), bulwark.err());
        JsonNode d1 = new ObjectMapper().readTree(bulwark.out()).get(0);
        assertEquals(java.util.List.of("deviceId", "assessmentId", "assessedAt", "osId", "osVersion", "origin", "state",
                "reason", "items", "problems"), names(d1));
        assertEquals("{\"id\":\"dpkg:bsdutils:amd64\",\"name\":\"bsdutils\",\"vendor\":\"\",\"version\":"
                + "\"1:2.38.1-5+deb12u3\",\"architecture\":\"amd64\",\"sourceName\":\"util-linux\",\"sourceVersion\":"
                + "\"2.38.1-5+deb12u3\",\"status\":\"installed\",\"origin\":\"dpkg\"}", d1.get("items").get(0).toString());
        assertEquals(ExitCodes.USAGE, run("software", "--device", "ghost"));
        assertTrue(bulwark.err().contains("unknown device 'ghost'"), bulwark.err());
    }

    private static String readQuietly(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return e.toString();
        }
    }
}
