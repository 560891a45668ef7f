package org.bulwark.cli.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import org.bulwark.collector.api.Category;
import org.bulwark.server.api.FleetServer;
import org.bulwark.server.api.Role;
import org.bulwark.store.api.AssessmentStore;
import org.bulwark.store.api.AssessmentStoreFactory;
import org.bulwark.testing.Await;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The command line and the fleet server give the same answer to the same question: one store holds a fleet of
 * three devices in two groups with exceptions of every scope (one expired), remediation activities and a history;
 * the same questions are asked with {@code bulwark … --format json} and over HTTP of a server started on that store,
 * and the answers are compared field by field where they share a meaning.
 */
class SameAnswerTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    final CliRun bulwark = CliRun.withFacts();

    @TempDir
    Path dir;

    private Path data() {
        return dir.resolve("data");
    }

    private int run(String... args) {
        return bulwark.runWithData(data(), args);
    }

    /** Runs a command that must succeed; returns what it printed as JSON. */
    private JsonNode cli(String... args) {
        assertEquals(ExitCodes.OK, run(args), String.join(" ", args) + ": " + bulwark.err());
        try {
            return JSON.readTree(bulwark.out());
        } catch (IOException e) {
            throw new UncheckedIOException(String.join(" ", args) + ": " + bulwark.out(), e);
        }
    }

    private void ok(String... args) {
        assertEquals(ExitCodes.OK, run(args), String.join(" ", args) + ": " + bulwark.err());
    }

    private void assess(String id, String states) throws IOException {
        ok("assess", "--root", FactsFixture.device(dir, id, states).toString(), "--benchmark",
                FactsFixture.content(dir).toString(), "--format", "json", "-o", report(id).toString());
    }

    private Path report(String id) {
        return dir.resolve(id + ".json");
    }

    /** Both sides' answers to the same questions. */
    private record Answers(JsonNode cliScore, JsonNode cliGroupScore, JsonNode cliDefaultScore,
            JsonNode cliExceptions, JsonNode cliRemediations, JsonNode cliDevices, JsonNode cliHistory,
            JsonNode score, JsonNode categories, JsonNode viewerScore, JsonNode exceptions, JsonNode remediations,
            JsonNode machines, JsonNode history) {
    }

    /**
     * The fleet (worked-example content c1…c5, weights 10, 5, 3, 8, 4), at the end:
     * <ul>
     * <li>d1 (web) PPNFF, d2 (web) FFPFP, d3 (db) FFPPF; five assessments (d1, d2, d3, then d1 and d2 again);</li>
     * <li>e1-global: c4 third-party-control (credit); e2-group: group web, c1 risk-accepted (no credit);
     * e3-device: d3, c5 alternate-mitigation (credit); e4-expired: global, c2 third-party-control, expired (ids in
     * creation order, as exceptions are listed by creation time, then id);</li>
     * <li>activity #1 c1 on d1, d2 (high), #2 c2 on group db (low, completed by hand).</li>
     * </ul>
     */
    private Answers fleet() throws Exception {
        assess("d1", "FPNFF");
        assess("d2", "FFPFP");
        assess("d3", "FFPPF");
        ok("device", "set-groups", "d1", "web");
        ok("device", "set-groups", "d2", "web");
        ok("device", "set-groups", "d3", "db");
        ok("exception", "create", "--id", "e1-global", "--control", "c4", "--scope", "global", "--justification",
                "third-party-control", "--author", "alice", "--expires", "2099-01-01");
        ok("exception", "create", "--id", "e2-group", "--control", "c1", "--scope", "group", "--target", "web",
                "--justification", "risk-accepted", "--author", "alice");
        ok("exception", "create", "--id", "e3-device", "--control", "c5", "--scope", "device", "--target", "d3",
                "--justification", "alternate-mitigation", "--author", "bob", "--expires", "2098-06-01");
        Instant expiry = Instant.now().plusSeconds(4).truncatedTo(ChronoUnit.SECONDS);
        ok("exception", "create", "--id", "e4-expired", "--control", "c2", "--scope", "global", "--justification",
                "third-party-control", "--author", "carol", "--expires", expiry.toString());
        ok("remediation", "create", "--title", "Fix c1", "--control", "c1", "--devices", "d1,d2", "--priority",
                "high", "--requester", "alice");
        ok("remediation", "create", "--title", "Fix c2 in db", "--control", "c2", "--group", "db", "--priority",
                "low", "--due", "2099-12-31", "--requester", "bob");
        ok("remediation", "complete", "2");
        assess("d1", "PPNFF"); // d1 fixes c1: activity #1 counts it
        assess("d2", "FFPFP"); // the reports of the web group, written with the devices' groups
        Await.waitForAssert(() -> {
            JsonNode list = cli("exception", "list", "--format", "json");
            assertEquals("EXPIRED", list.get(3).get("status").asText(), list.toString());
        }, Duration.ofSeconds(30));

        // the CLI's answers as of now (after e4-expired expired; nothing changes from here on)
        String now = Instant.now().toString();
        JsonNode cliScore = cli("score", "--at", now, "--format", "json");
        JsonNode cliGroupScore = cli("score", report("d1").toString(), report("d2").toString(), "--at", now,
                "--format", "json");
        JsonNode cliDefaultScore = cli("score", "--format", "json");
        JsonNode cliExceptions = cli("exception", "list", "--format", "json");
        JsonNode cliRemediations = cli("remediation", "list", "--format", "json");
        JsonNode cliDevices = cli("device", "list", "--format", "json");
        JsonNode cliHistory = cli("history", "--format", "json");

        FleetServer server = bulwark.services().get(FleetServer.class);
        try (AssessmentStore store = bulwark.services().get(AssessmentStoreFactory.class)
                .open(AssessmentStoreFactory.embeddedUrl(data()));
                FleetServer.Running running = server.start(store,
                        new FleetServer.Settings("127.0.0.1", 0, data(), FleetServer.DEFAULT_MAX_UPLOAD_BYTES, 2))) {
            String admin = server.createToken(data(), "admin", Role.ADMINISTRATOR, Set.of(FleetServer.ALL_GROUPS));
            String viewer = server.createToken(data(), "web-viewer", Role.VIEWER, Set.of("web"));
            Function<String, JsonNode> get = path -> get(running.port(), path, admin);
            return new Answers(cliScore, cliGroupScore, cliDefaultScore, cliExceptions, cliRemediations,
                    cliDevices, cliHistory, get.apply("/api/configurationScore"),
                    get.apply("/api/configurationScore/categories"),
                    get(running.port(), "/api/configurationScore", viewer), get.apply("/api/exceptions"),
                    get.apply("/api/remediations"), get.apply("/api/machines"),
                    get.apply("/api/configurationScore/history"));
        }
    }

    private static JsonNode get(int port, String path, String token) {
        try {
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest
                    .newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, r.statusCode(), path + ": " + r.body());
            return JSON.readTree(r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(path, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(path, e);
        }
    }

    /** Asserts that the server's score, rawPoints and maxPoints are the CLI's: both give them unrounded. */
    private static void assertSamePoints(JsonNode cli, JsonNode server, String what) {
        for (String f : List.of("score", "rawPoints", "maxPoints")) {
            assertEquals(cli.get(f).asDouble(), server.get(f).asDouble(), 1e-9, what + " " + f);
        }
    }

    private static List<String> texts(JsonNode array, Function<JsonNode, JsonNode> field) {
        List<String> list = new ArrayList<>();
        array.forEach(n -> list.add(field.apply(n).isNull() ? null : field.apply(n).asText()));
        return list;
    }

    @Test
    void theCliAndTheServerGiveTheSameAnswers() throws Exception {
        Answers a = fleet();

        // the fleet score, exactly as worked out by hand: c1 10·1/3, c2 5·1/3 (e4-expired no longer counts),
        // c3 3·2/2, c4 8 (e1-global), c5 4·2/3 (e3-device credits d3) = 56/3 of 30
        assertEquals(56.0 / 3, a.cliScore().get("rawPoints").asDouble(), 1e-9);
        assertEquals(30.0, a.cliScore().get("maxPoints").asDouble(), 1e-9);
        assertEquals(100.0 * 56 / 90, a.cliScore().get("score").asDouble(), 1e-9);
        assertEquals(3, a.cliScore().get("machines").asInt());
        assertSamePoints(a.cliScore(), a.score(), "configurationScore");
        assertEquals(100.0 * 56 / 90, a.score().get("score").asDouble(), 1e-9);
        assertEquals(a.cliScore().get("machines").asInt(), a.score().get("machines").asInt());
        // by category
        assertEquals(Category.values().length, a.categories().get("value").size());
        for (JsonNode c : a.categories().get("value")) {
            String category = c.get("category").asText();
            JsonNode cli = a.cliScore().get("categories").get(category);
            if (cli.get("score").isNull()) {
                assertEquals(true, c.get("score").isNull(), category);
            } else {
                assertSamePoints(cli, c, "category " + category);
            }
        }

        // a viewer of group web sees the score of d1 and d2, which the CLI computes from their reports: c1 10·1/2,
        // c2 5·1/2, c3 3, c4 8, c5 4·1/2 = 20.5 of 30
        assertEquals(20.5, a.cliGroupScore().get("rawPoints").asDouble(), 1e-9);
        assertEquals(30.0, a.cliGroupScore().get("maxPoints").asDouble(), 1e-9);
        assertEquals(2, a.cliGroupScore().get("machines").asInt());
        assertSamePoints(a.cliGroupScore(), a.viewerScore(), "viewer configurationScore");
        assertEquals(2, a.viewerScore().get("machines").asInt());

        // exceptions: the same ones, in the same order, with the same fields
        JsonNode exceptions = a.exceptions().get("value");
        assertEquals(4, a.exceptions().get("count").asInt());
        assertEquals(List.of("e1-global", "e2-group", "e3-device", "e4-expired"),
                texts(a.cliExceptions(), e -> e.get("id")));
        assertEquals(List.of("ACTIVE", "ACTIVE", "ACTIVE", "EXPIRED"),
                texts(a.cliExceptions(), e -> e.get("status")));
        assertEquals(List.of("GLOBAL", "GROUP", "DEVICE", "GLOBAL"), texts(a.cliExceptions(), e -> e.get("scope")));
        for (String f : List.of("id", "status", "controlId", "scope", "target", "justification", "expires",
                "created", "author", "cancelled")) {
            assertEquals(texts(a.cliExceptions(), e -> e.get(f)), texts(exceptions, e -> e.get(f)), f);
        }
        assertEquals(a.cliExceptions(), exceptions);

        // remediation activities
        JsonNode activities = a.remediations().get("value");
        assertEquals(2, a.remediations().get("count").asInt());
        assertEquals(List.of("1", "2"), texts(a.cliRemediations(), r -> r.get("id")));
        assertEquals(List.of("ACTIVE", "COMPLETED"), texts(a.cliRemediations(), r -> r.get("status")));
        assertEquals(List.of("2", "1"), texts(a.cliRemediations(), r -> r.get("targetDevices")));
        assertEquals(List.of("1", "0"), texts(a.cliRemediations(), r -> r.get("fixedDevices")));
        for (String f : List.of("id", "status", "controlId", "scope", "group", "priority", "due", "completion",
                "targetDevices", "fixedDevices")) {
            assertEquals(texts(a.cliRemediations(), r -> r.get(f)), texts(activities, r -> r.get(f)), f);
        }
        assertEquals(a.cliRemediations().get(0).get("devices"), activities.get(0).get("devices"));
        assertEquals(a.cliRemediations(), activities);

        // devices and their groups; each device's score as the CLI's fleet score lists it
        JsonNode machines = a.machines().get("value");
        assertEquals(List.of("d1", "d2", "d3"), texts(a.cliDevices(), d -> d.get("id")));
        assertEquals(List.of("web", "web", "db"), texts(a.cliDevices(), d -> d.get("groups").get(0)));
        a.cliDevices().forEach(d -> assertEquals(1, d.get("groups").size(), d.toString()));
        assertEquals(texts(a.cliDevices(), d -> d.get("id")), texts(machines, m -> m.get("id")));
        assertEquals(texts(a.cliDevices(), d -> d.get("groups").get(0)), texts(machines, m -> m.get("group")));
        assertEquals(texts(a.cliDevices(), d -> d.get("hostname")), texts(machines, m -> m.get("hostname")));
        assertEquals(texts(a.cliDevices(), d -> d.get("osPlatform")), texts(machines, m -> m.get("osPlatform")));
        JsonNode scored = a.cliScore().get("devices");
        assertEquals(machines.size(), scored.size());
        for (int i = 0; i < scored.size(); i++) {
            JsonNode d = scored.get(i);
            String id = d.get("device").get("id").asText();
            JsonNode m = null;
            for (JsonNode x : machines) {
                m = x.get("id").asText().equals(id) ? x : m;
            }
            assertSamePoints(d, m, "machine " + id);
            assertEquals(d.get("assessedAt").asText(), m.get("lastSeen").asText(), id);
        }

        // history: the same assessments, devices, times and figures
        JsonNode history = a.history().get("value");
        assertEquals(5, a.history().get("count").asInt());
        assertEquals(List.of("1", "2", "3", "4", "5"), texts(a.cliHistory(), h -> h.get("id")));
        assertEquals(List.of("d1", "d2", "d3", "d1", "d2"), texts(a.cliHistory(), h -> h.get("device").get("id")));
        assertEquals(texts(a.cliHistory(), h -> h.get("id")), texts(history, h -> h.get("assessmentId")));
        assertEquals(texts(a.cliHistory(), h -> h.get("device").get("id")), texts(history, h -> h.get("machineId")));
        assertEquals(texts(a.cliHistory(), h -> h.get("finished")), texts(history, h -> h.get("time")));
        for (int i = 0; i < history.size(); i++) {
            assertSamePoints(a.cliHistory().get(i), history.get(i), "assessment #" + (i + 1));
        }
        // #1 d1 FPNFF before any exception: c2 only, 5 of 27
        assertEquals(100.0 * 5 / 27, a.cliHistory().get(0).get("score").asDouble(), 1e-9);
        assertEquals(100.0 * 5 / 27, history.get(0).get("score").asDouble(), 1e-9);
    }

    // both give score, rawPoints and maxPoints unrounded (README: one vocabulary)
    @Test
    void theServerGivesTheFiguresUnroundedAsTheCliDoes() throws Exception {
        Answers a = fleet();
        for (String f : List.of("score", "rawPoints", "maxPoints")) {
            assertEquals(a.cliScore().get(f).asDouble(), a.score().get(f).asDouble(), 1e-9, f);
            assertEquals(a.cliGroupScore().get(f).asDouble(), a.viewerScore().get(f).asDouble(), 1e-9, f);
            for (int i = 0; i < a.cliHistory().size(); i++) {
                assertEquals(a.cliHistory().get(i).get(f).asDouble(),
                        a.history().get("value").get(i).get(f).asDouble(), 1e-9, "#" + (i + 1) + " " + f);
            }
        }
    }

    // without --at and without reports, `bulwark score` answers as of now, as the server does: e4-expired no longer
    // credits c2 (an answer as of the newest assessment would give 22 of 30)
    @Test
    void scoreWithoutAtAnswersAsOfNowAsTheServerDoes() throws Exception {
        Answers a = fleet();
        assertEquals(56.0 / 3, a.cliDefaultScore().get("rawPoints").asDouble(), 1e-9);
        assertEquals(30.0, a.cliDefaultScore().get("maxPoints").asDouble(), 1e-9);
        for (String f : List.of("score", "rawPoints", "maxPoints")) {
            assertEquals(a.cliDefaultScore().get(f).asDouble(), a.score().get(f).asDouble(), 1e-9, f);
        }
    }
}
