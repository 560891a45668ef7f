package org.bulwark.server.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManagerFactory;

import org.bulwark.benchmark.api.Benchmark;
import org.bulwark.benchmark.api.BenchmarkRegistry;
import org.bulwark.benchmark.api.Control;
import org.bulwark.collector.api.PlatformFacts;
import org.bulwark.report.api.ReportFormat;
import org.bulwark.report.api.ReportWriter;
import org.bulwark.scoring.api.AssessedControl;
import org.bulwark.scoring.api.Assessment;
import org.bulwark.scoring.api.ControlRef;
import org.bulwark.scoring.api.ControlResult;
import org.bulwark.scoring.api.Device;
import org.bulwark.scoring.api.DeviceResults;
import org.bulwark.scoring.api.FleetScore;
import org.bulwark.scoring.api.ResultState;
import org.bulwark.scoring.api.ScoringService;
import org.bulwark.server.api.FleetServer;
import org.bulwark.server.api.Role;
import org.bulwark.store.api.AssessmentStore;
import org.bulwark.store.api.AssessmentStoreFactory;
import org.bulwark.store.api.FleetResults;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * HTTP-level tests against a started server on an ephemeral loopback port, with the real report reader, scoring,
 * installed content (the Linux baseline) and an H2 store. Three machines: {@code m-web} (group web),
 * {@code m-db} (group db) and {@code m-other} (Ungrouped). Tokens are scoped to those groups.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ServerTest {

    static final ObjectMapper JSON = new ObjectMapper();

    Path dir;
    AssessmentStore store;
    FleetServer server;
    FleetServer.Running running;
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    String base;
    List<Control> controls;
    ReportWriter writer;
    ScoringService scoring;
    String admin;
    String agent;
    String viewerWeb;
    String viewerDb;
    String remediatorWeb;
    String excepterWeb;
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(60);

    /** @return the store's JDBC URL for a fresh store */
    String storeUrl(Path dir) throws Exception {
        return "jdbc:h2:file:" + dir.toAbsolutePath().resolve("store");
    }

    static <T> T service(Class<T> type) throws InterruptedException {
        BundleContext context = FrameworkUtil.getBundle(ServerTest.class).getBundleContext();
        ServiceTracker<T, T> tracker = new ServiceTracker<>(context, type, null);
        tracker.open();
        T s = tracker.waitForService(20_000);
        assertNotNull(s, type.getSimpleName() + " service");
        return s;
    }

    @BeforeAll
    void start() throws Exception {
        dir = Files.createTempDirectory("bulwark-server-test");
        Files.writeString(dir.resolve(GroupRules.FILE), "[{\"name\":\"web\",\"rank\":10,\"hostname\":\"web-*\"},"
                + "{\"name\":\"db\",\"rank\":5,\"os\":\"debian\"}]");
        server = service(FleetServer.class);
        writer = service(ReportWriter.class);
        scoring = service(ScoringService.class);
        controls = new ArrayList<>();
        for (Benchmark b : service(BenchmarkRegistry.class).benchmarks()) {
            controls.addAll(b.controls());
        }
        assertTrue(controls.size() >= 20, "the Linux baseline is installed");
        controls = controls.subList(0, 20);
        store = service(AssessmentStoreFactory.class).open(storeUrl(dir));
        running = server.start(store, new FleetServer.Settings("127.0.0.1", 0, dir, 256 * 1024, 4));
        base = "http://127.0.0.1:" + running.port();
        admin = server.createToken(dir, "admin", Role.ADMINISTRATOR, Set.of("*"));
        agent = server.createToken(dir, "agent", Role.AGENT, Set.of("*"));
        viewerWeb = server.createToken(dir, "viewer-web", Role.VIEWER, Set.of("web"));
        viewerDb = server.createToken(dir, "viewer-db", Role.VIEWER, Set.of("db"));
        remediatorWeb = server.createToken(dir, "remediator-web", Role.REMEDIATION_HANDLER, Set.of("web"));
        excepterWeb = server.createToken(dir, "excepter-web", Role.EXCEPTION_HANDLER, Set.of("web"));
        // web: control 0 fails; db: controls 0 and 1 fail; other: control 2 fails (Debian web-1 is in web: rank)
        assertEquals(201, upload(agent, report("m-web", "web-1", "Debian GNU/Linux 12", 0), "u-web").statusCode());
        assertEquals(201, upload(agent, report("m-db", "db-1", "Debian GNU/Linux 12", 0, 1), "u-db").statusCode());
        assertEquals(201, upload(agent, report("m-other", "other-1", "Alpine Linux", 2), null).statusCode());
    }

    @AfterAll
    void stop() {
        if (running != null) {
            running.stop(5);
        }
        if (store != null) {
            store.close();
        }
    }

    // ------------------------------------------------------------------ helpers

    /** A JSON report of {@code controls} where the listed indexes FAIL and the rest PASS. */
    byte[] report(String id, String host, String os, int... failing) throws IOException {
        return document(ReportFormat.JSON, id, host, os, failing);
    }

    /** The same as an agent's upload document ({@code bulwark assess --upload} sends it). */
    byte[] uploadDocument(String id, String host, String os, int... failing) throws IOException {
        return document(ReportFormat.UPLOAD, id, host, os, failing);
    }

    private byte[] document(ReportFormat format, String id, String host, String os, int... failing)
            throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writer.write(assessment(id, host, os, failing), format, out, null);
        return out.toByteArray();
    }

    /** An assessment of {@code controls} where the listed indexes FAIL and the rest PASS. */
    Assessment assessment(String id, String host, String os, int... failing) {
        Set<Integer> fail = new HashSet<>();
        for (int i : failing) {
            fail.add(i);
        }
        Device device = new Device(id, host, os, Set.of());
        List<AssessedControl> assessed = new ArrayList<>();
        List<ControlRef> refs = new ArrayList<>();
        Map<String, ResultState> states = new LinkedHashMap<>();
        for (int i = 0; i < controls.size(); i++) {
            Control c = controls.get(i);
            ResultState s = fail.contains(i) ? ResultState.FAIL : ResultState.PASS;
            assessed.add(new AssessedControl(c, "test", new ControlResult(c.id(), s,
                    s == ResultState.PASS ? null : "found bad", List.of())));
            refs.add(new ControlRef(c.id(), c.title(), c.category(), c.weight()));
            states.put(c.id(), s);
        }
        FleetScore score = scoring.score(refs, List.of(new DeviceResults(device, now, states)), List.of(), now);
        return new Assessment(device, new PlatformFacts("linux", "debian", "12", os, "amd64", host, id), "/", true,
                now.minusSeconds(5), now, List.of(), List.of(), assessed, score, List.of(), List.of(), List.of());
    }

    /** The score of a device failing the listed indexes of {@code controls}, as the API gives it (2 decimals). */
    double expectedScore(int... failing) {
        double weights = 0;
        double failed = 0;
        Set<Integer> fail = new HashSet<>();
        for (int i : failing) {
            fail.add(i);
        }
        for (int i = 0; i < controls.size(); i++) {
            weights += controls.get(i).weight();
            failed += fail.contains(i) ? controls.get(i).weight() : 0;
        }
        return Math.round(100 * 100 * (weights - failed) / weights) / 100.0;
    }

    HttpResponse<String> upload(String token, byte[] body, String uploadId) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + "/api/assessments"))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).header("Content-Type", "application/json");
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        if (uploadId != null) {
            b.header("Upload-Id", uploadId);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> send(String method, String path, String token, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    JsonNode get(String path, String token) throws Exception {
        HttpResponse<String> r = send("GET", path, token, null);
        assertEquals(200, r.statusCode(), path + ": " + r.body());
        return JSON.readTree(r.body());
    }

    JsonNode post(String path, String token, String body, int expected) throws Exception {
        HttpResponse<String> r = send("POST", path, token, body);
        assertEquals(expected, r.statusCode(), path + ": " + r.body());
        return JSON.readTree(r.body());
    }

    /** Asserts a JSON error with {@code status}; returns its message. */
    String error(HttpResponse<String> r, int status) throws IOException {
        assertEquals(status, r.statusCode(), r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        JsonNode e = JSON.readTree(r.body()).get("error");
        assertNotNull(e, r.body());
        assertFalse(e.get("code").asText().isEmpty());
        return e.get("message").asText();
    }

    Set<String> ids(JsonNode page, String field) {
        Set<String> ids = new TreeSet<>();
        page.get("value").forEach(v -> ids.add(v.get(field).asText()));
        return ids;
    }

    int stored() throws Exception {
        return store.history(null, null).size();
    }

    // ------------------------------------------------------------------ uploads

    @Test
    void anUploadIdSentTwiceIsStoredOnce() throws Exception {
        int before = stored();
        byte[] body = report("m-web", "web-1", "Debian GNU/Linux 12", 0);
        HttpResponse<String> first = upload(agent, body, "dup-1");
        assertEquals(201, first.statusCode(), first.body());
        HttpResponse<String> again = upload(agent, body, "dup-1");
        assertEquals(200, again.statusCode(), again.body());
        assertTrue(JSON.readTree(again.body()).get("duplicate").asBoolean());
        assertEquals(JSON.readTree(first.body()).get("id").asLong(), JSON.readTree(again.body()).get("id").asLong());
        assertEquals(before + 1, stored());
    }

    @Test
    void badUploadsAre4xxJsonErrorsAndStoreNothing() throws Exception {
        int before = stored();
        byte[] good = report("m-bad", "web-9", "Debian", 0);
        assertTrue(error(upload(null, good, null), 401).contains("token"));
        error(upload("bwk_wrong", good, null), 401);
        error(upload(viewerWeb, good, null), 403);
        assertTrue(error(upload(agent, "{not json".getBytes(StandardCharsets.UTF_8), null), 400).length() > 0);
        // a report that breaks the schema: the device id is missing; the error names the field
        ObjectNode broken = (ObjectNode) JSON.readTree(good);
        ((ObjectNode) broken.get("device")).remove("id");
        String message = error(upload(agent, JSON.writeValueAsBytes(broken), null), 400);
        assertTrue(message.contains("id"), message);
        // a control this server does not know
        String unknown = new String(good, StandardCharsets.UTF_8).replace(controls.get(3).id(), "no.such.control");
        assertTrue(error(upload(agent, unknown.getBytes(StandardCharsets.UTF_8), null), 400)
                .contains("no.such.control"));
        // larger than the limit (256 KiB here)
        byte[] huge = new byte[300 * 1024];
        java.util.Arrays.fill(huge, (byte) ' ');
        error(upload(agent, huge, "too-big"), 413);
        assertEquals(before, stored());
        // still serving
        assertEquals(3, get("/api/machines", admin).get("count").asInt());
        // the failed upload id was not taken
        assertEquals(201, upload(agent, report("m-web", "web-1", "Debian GNU/Linux 12", 0), "too-big").statusCode());
    }

    @Test
    void uploadDocumentsAndFullReportsScoreTheSame() throws Exception {
        // m-db fails controls 0 and 1 in setUp's full report; the same results as an upload document
        HttpResponse<String> doc = upload(agent, uploadDocument("m-db", "db-1", "Debian GNU/Linux 12", 0, 1), null);
        assertEquals(201, doc.statusCode(), doc.body());
        HttpResponse<String> full = upload(agent, report("m-db", "db-1", "Debian GNU/Linux 12", 0, 1), null);
        assertEquals(201, full.statusCode(), full.body());
        double expected = expectedScore(0, 1);
        assertEquals(expected, JSON.readTree(doc.body()).get("score").asDouble());
        assertEquals(expected, JSON.readTree(full.body()).get("score").asDouble());

        // an upload document is checked field by field: the error names the field and its line and column
        int before = stored();
        String withScore = new String(uploadDocument("m-db", "db-1", "Debian GNU/Linux 12", 0), StandardCharsets.UTF_8)
                .replace("\"results\":", "\"score\":{},\"results\":");
        String message = error(upload(agent, withScore.getBytes(StandardCharsets.UTF_8), null), 400);
        assertTrue(message.matches("upload:1:\\d+: score: unknown field \\(an upload has upload, generator, .*"),
                message);
        String withTitle = new String(uploadDocument("m-db", "db-1", "Debian GNU/Linux 12", 0), StandardCharsets.UTF_8)
                .replaceFirst("\"state\":", "\"title\":\"x\",\"state\":");
        message = error(upload(agent, withTitle.getBytes(StandardCharsets.UTF_8), null), 400);
        assertTrue(message.contains(": results[0].title: unknown field"), message);
        assertEquals(before, stored());
    }

    @Test
    void assessmentsOtherProcessesStoreIntoTheSameDatabaseAreSeen() throws Exception {
        // its own server, on a store that a second store (another process's, as far as the server knows) shares
        Path d2 = Files.createTempDirectory("bulwark-server-shared");
        String url = storeUrl(d2);
        String saved = base;
        try (AssessmentStore s2 = service(AssessmentStoreFactory.class).open(url);
                AssessmentStore other = service(AssessmentStoreFactory.class).open(url)) {
            other.save(assessment("m-first", "web-1", "Debian GNU/Linux 12", 0), "{}");
            FleetServer.Running r2 = server.start(s2, new FleetServer.Settings("127.0.0.1", 0, d2, 256 * 1024, 4));
            try {
                base = "http://127.0.0.1:" + r2.port();
                String adminAll = server.createToken(d2, "admin", Role.ADMINISTRATOR, Set.of("*"));
                assertEquals(1, get("/api/configurationScore", adminAll).get("machines").asInt());
                // stored by the other process while the server runs
                other.save(assessment("m-second", "db-1", "Alpine Linux", 0, 1), "{}");
                JsonNode m = null;
                for (int i = 0; i < 50 && m == null; i++) {
                    HttpResponse<String> r = send("GET", "/api/machines/m-second", adminAll, null);
                    if (r.statusCode() == 200) {
                        m = JSON.readTree(r.body());
                    } else {
                        assertEquals(404, r.statusCode(), r.body());
                        Thread.sleep(100);
                    }
                }
                assertNotNull(m, "the other process's assessment is seen within 5 s (a look every second)");
                assertEquals(expectedScore(0, 1), m.get("score").asDouble());
                assertEquals(2, get("/api/configurationScore", adminAll).get("machines").asInt());
                assertEquals(Set.of("m-first", "m-second"), ids(get("/api/machines", adminAll), "id"));
            } finally {
                r2.stop(5);
                base = saved;
            }
        }
    }

    @Test
    void anAssessmentCommittedAfterAHigherOneIsFoundAgain() throws Exception {
        Path d2 = Files.createTempDirectory("bulwark-server-gap");
        try (AssessmentStore s2 = service(AssessmentStoreFactory.class).open(storeUrl(d2))) {
            s2.save(assessment("m-0", "web-0", "Debian GNU/Linux 12"), "{}");
            FleetState state = new FleetState(s2, scoring);
            state.load();
            // two assessments of other processes; this process learns of the later one first (its own upload,
            // committed before the other's lower id)
            long lower = s2.save(assessment("m-late", "web-late", "Debian GNU/Linux 12", 3), "{}").id();
            long higher = s2.save(assessment("m-own", "web-own", "Debian GNU/Linux 12"), "{}").id();
            assertEquals(lower + 1, higher);
            FleetResults all = s2.latestResults();
            int own = all.assessmentIds().indexOf(higher);
            state.stored(higher, all.devices().get(own), all.controls());
            // the lower id is below the highest seen now: only looking for it again finds it
            state.catchUp();
            assertEquals(Set.of("m-0", "m-late", "m-own"), state.devices().keySet());
            FleetState.Snapshot everything = state.snapshot(new Tokens.Token("t", "admin", Role.ADMINISTRATOR,
                    Set.of("*")));
            assertEquals(3, everything.devices().size());
            assertEquals(Map.of(controls.get(3).id(), ResultState.FAIL), failing(everything, "m-late"));
        }
    }

    private static Map<String, ResultState> failing(FleetState.Snapshot s, String deviceId) {
        Map<String, ResultState> out = new LinkedHashMap<>();
        for (DeviceResults d : s.devices()) {
            if (d.device().id().equals(deviceId)) {
                d.states().forEach((control, state) -> {
                    if (state != ResultState.PASS) {
                        out.put(control, state);
                    }
                });
            }
        }
        return out;
    }

    HttpResponse<String> uploadEncoded(byte[] body, String encoding) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base + "/api/assessments"))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).header("Content-Type", "application/json")
                .header("Content-Encoding", encoding).header("Authorization", "Bearer " + agent).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (java.util.zip.GZIPOutputStream z = new java.util.zip.GZIPOutputStream(out)) {
            z.write(data);
        }
        return out.toByteArray();
    }

    @Test
    void gzipUploadsAreInflatedWithinTheLimitAndBadEncodingsRefused() throws Exception {
        int before = stored();
        byte[] report = uploadDocument("m-web", "web-1", "Debian GNU/Linux 12", 0);
        HttpResponse<String> ok = uploadEncoded(gzip(report), "gzip");
        assertEquals(201, ok.statusCode(), ok.body());
        assertEquals("m-web", JSON.readTree(ok.body()).get("machineId").asText());
        long id = JSON.readTree(ok.body()).get("id").asLong();
        // kept as the agent sent it
        assertEquals(new String(report, StandardCharsets.UTF_8), store.assessment(id).orElseThrow().reportJson());
        // a small body that inflates beyond the limit (256 KiB here)
        byte[] bomb = new byte[1024 * 1024];
        java.util.Arrays.fill(bomb, (byte) ' ');
        byte[] small = gzip(bomb);
        assertTrue(small.length < 4096, "compressed: " + small.length);
        assertTrue(error(uploadEncoded(small, "gzip"), 413).contains("larger than 262144 bytes"));
        assertTrue(error(uploadEncoded(report, "gzip"), 400).startsWith("the body is not valid gzip"));
        assertEquals("Content-Encoding br is not supported: send gzip or identity",
                error(uploadEncoded(report, "br"), 415));
        assertEquals(before + 1, stored());
    }

    // ------------------------------------------------------------------ scores and scoping

    @Test
    void scoresAreComputedOverTheCallersGroupsOnly() throws Exception {
        JsonNode all = get("/api/configurationScore", admin);
        assertEquals(3, all.get("machines").asInt());
        JsonNode web = get("/api/configurationScore", viewerWeb);
        assertEquals(1, web.get("machines").asInt());
        JsonNode machine = get("/api/machines/m-web", viewerWeb);
        assertEquals(machine.get("score").asDouble(), web.get("score").asDouble(), 1e-9);
        assertEquals(machine.get("maxPoints").asDouble(), web.get("maxPoints").asDouble(), 1e-9);
        // db and other fail more: the fleet of all three scores lower than web alone
        assertTrue(all.get("score").asDouble() < web.get("score").asDouble(), all + " vs " + web);
        JsonNode cats = get("/api/configurationScore/categories", viewerWeb);
        double sum = 0;
        for (JsonNode c : cats.get("value")) {
            sum += c.get("maxPoints").asDouble();
        }
        assertEquals(web.get("maxPoints").asDouble(), sum, 1e-6);
        JsonNode history = get("/api/configurationScore/history", viewerDb);
        for (JsonNode h : history.get("value")) {
            assertEquals("m-db", h.get("machineId").asText());
        }
        assertTrue(history.get("count").asInt() >= 1);
    }

    @Test
    void machinesOutsideTheGroupsAreNotFound() throws Exception {
        assertEquals(Set.of("m-web"), ids(get("/api/machines", viewerWeb), "id"));
        assertEquals(Set.of("m-db"), ids(get("/api/machines", viewerDb), "id"));
        assertEquals(Set.of("m-db", "m-other", "m-web"), ids(get("/api/machines", admin), "id"));
        assertEquals("web", get("/api/machines/m-web", admin).get("group").asText());
        assertEquals("db", get("/api/machines/m-db", admin).get("group").asText());
        assertEquals("Ungrouped", get("/api/machines/m-other", admin).get("group").asText());
        error(send("GET", "/api/machines/m-db", viewerWeb, null), 404);
        error(send("GET", "/api/machines/db-1", viewerWeb, null), 404);
        error(send("GET", "/api/machines/m-db/assessments", viewerWeb, null), 404);
        error(send("GET", "/api/machines/nothing", admin, null), 404);
        JsonNode assessments = get("/api/machines/m-db/assessments", viewerDb);
        assertTrue(assessments.get("count").asInt() >= 1);
        assertEquals("web-1", get("/api/machines/web-1", viewerWeb).get("hostname").asText());
    }

    @Test
    void noTokenWrongTokenAndWrongRole() throws Exception {
        for (String path : List.of("/api/configurationScore", "/api/recommendations", "/api/machines",
                "/api/exceptions", "/api/remediations", "/api/export/assessmentsByMachine")) {
            error(send("GET", path, null, null), 401);
            error(send("GET", path, "bwk_nope", null), 401);
            error(send("GET", path, agent, null), 403);
        }
        error(send("POST", "/api/exceptions", viewerWeb, "{}"), 403);
        error(send("POST", "/api/exceptions", remediatorWeb, "{}"), 403);
        error(send("POST", "/api/remediations", viewerWeb, "{}"), 403);
        error(send("POST", "/api/remediations", excepterWeb, "{}"), 403);
        error(send("PUT", "/api/deviceGroups", viewerWeb, "[]"), 403);
        error(send("DELETE", "/api/machines", admin, null), 405);
        error(send("GET", "/api/nothing", admin, null), 404);
    }

    /** A concrete path for a route template: machine ids of the web group, the first control, unknown others. */
    String concrete(String template, String machine) {
        String control = controls.get(0).id();
        return template.replace("/api/machines/{id}", "/api/machines/" + machine)
                .replace("/api/recommendations/{id}", "/api/recommendations/" + control)
                .replace("/api/exceptions/{id}", "/api/exceptions/no-such-exception")
                .replace("/api/remediations/{id}", "/api/remediations/999999");
    }

    @Test
    void everyEndpointRefusesMissingTokensAndWrongRolesAndLeaksNothingAcrossGroups() throws Exception {
        // its own server: exceptions and activities of both groups would change the other tests' figures
        Path d2 = Files.createTempDirectory("bulwark-server-access");
        Files.writeString(d2.resolve(GroupRules.FILE), "[{\"name\":\"web\",\"rank\":10,\"hostname\":\"web-*\"},"
                + "{\"name\":\"db\",\"rank\":5,\"os\":\"debian\"}]");
        String saved = base;
        try (AssessmentStore s2 = service(AssessmentStoreFactory.class).open(storeUrl(d2))) {
            FleetServer.Running r2 = server.start(s2, new FleetServer.Settings("127.0.0.1", 0, d2, 256 * 1024, 4));
            try {
                base = "http://127.0.0.1:" + r2.port();
                Map<Role, String> everywhere = new java.util.EnumMap<>(Role.class);
                for (Role r : Role.values()) {
                    everywhere.put(r, server.createToken(d2, "all-" + r.name(), r, Set.of("*")));
                }
                String dbViewer = server.createToken(d2, "viewer-db", Role.VIEWER, Set.of("db"));
                String webExcepter = server.createToken(d2, "excepter-web", Role.EXCEPTION_HANDLER, Set.of("web"));
                String agentAll = everywhere.get(Role.AGENT);
                String adminAll = everywhere.get(Role.ADMINISTRATOR);
                assertEquals(201, upload(agentAll, report("m-web", "web-1", "Debian GNU/Linux 12", 0), null)
                        .statusCode());
                assertEquals(201, upload(agentAll, report("m-db", "db-1", "Debian GNU/Linux 12", 0, 1), null)
                        .statusCode());
                // data of the web group the db viewer must never see, and a global exception
                String c0 = controls.get(0).id();
                post("/api/exceptions", adminAll, "{\"id\":\"ex-m-web\",\"controlId\":\"" + c0 + "\","
                        + "\"scope\":\"device\",\"target\":\"m-web\",\"justification\":\"risk-accepted\"}", 201);
                post("/api/exceptions", adminAll, "{\"id\":\"ex-global\",\"controlId\":\"" + controls.get(1).id()
                        + "\",\"scope\":\"global\",\"justification\":\"risk-accepted\"}", 201);
                post("/api/remediations", adminAll, "{\"title\":\"fix m-web\",\"controlId\":\"" + c0 + "\","
                        + "\"scope\":\"devices\",\"devices\":[\"m-web\"]}", 201);
                int before = s2.history(null, null).size();

                List<Router.Route> routes = ServerComponent.routes(r2);
                assertEquals(25, routes.size(), "every route is checked");
                for (Router.Route route : routes) {
                    String path = concrete(route.template(), "m-db");
                    String body = route.method().equals("GET") ? null : "{}";
                    if (route.roles() == null) {
                        assertEquals("/api/openapi.json", route.template(), "only the OpenAPI document is public");
                        continue;
                    }
                    String what = route.method() + " " + route.template();
                    assertTrue(error(send(route.method(), path, null, body), 401).contains("token"), what);
                    assertEquals("unknown API token", error(send(route.method(), path, "bwk_nope", body), 401), what);
                    for (Role r : Role.values()) {
                        if (!route.roles().contains(r)) {
                            assertEquals("role " + r + " may not " + route.method() + " " + route.template(),
                                    error(send(route.method(), path, everywhere.get(r), body), 403), what);
                        }
                    }
                    if (!route.method().equals("GET")) {
                        continue;
                    }
                    // the db viewer: an answer, and nothing of m-web (web group) in it
                    HttpResponse<String> mine = send("GET", path, dbViewer, null);
                    assertEquals(200, mine.statusCode(), what + ": " + mine.body());
                    assertFalse(mine.body().contains("m-web") || mine.body().contains("web-1")
                            || mine.body().contains("fix m-web"), what + ": " + mine.body());
                    if (route.template().startsWith("/api/machines/{id}")) {
                        error(send("GET", concrete(route.template(), "m-web"), dbViewer, null), 404);
                        error(send("GET", concrete(route.template(), "web-1"), dbViewer, null), 404);
                    }
                }
                // the lists the admin sees do hold that data: the checks above could have failed
                assertTrue(send("GET", "/api/exceptions", adminAll, null).body().contains("ex-m-web"));
                assertTrue(send("GET", "/api/remediations.csv", adminAll, null).body().contains("fix m-web"));
                assertTrue(send("GET", "/api/export/assessmentsByMachine", adminAll, null).body().contains("m-web"));
                // a token of one group changes no global exception: it counts for every group
                assertEquals("exception 'ex-global' is global: changing it needs a token for every group",
                        error(send("PATCH", "/api/exceptions/ex-global", webExcepter, "{\"notes\":\"mine\"}"), 403));
                error(send("POST", "/api/exceptions/ex-global/cancel", webExcepter, null), 403);
                assertEquals("ACTIVE", get("/api/exceptions", adminAll).get("value").get(1).get("status").asText());
                assertEquals(before, s2.history(null, null).size(), "no request of this test stored anything");
            } finally {
                base = saved;
                r2.stop(2);
            }
        }
    }

    // ------------------------------------------------------------------ recommendations and export

    @Test
    void recommendationsFilterSortPageAndStayInScope() throws Exception {
        String c0 = controls.get(0).id();
        String c1 = controls.get(1).id();
        String c2 = controls.get(2).id();
        assertEquals(Set.of(c0, c1, c2), ids(get("/api/recommendations", admin), "id"));
        assertEquals(Set.of(c0), ids(get("/api/recommendations", viewerWeb), "id"));
        assertEquals(Set.of(c0, c1), ids(get("/api/recommendations", viewerDb), "id"));
        JsonNode r0 = get("/api/recommendations/" + c0, viewerWeb);
        assertEquals(1, r0.get("exposedMachines").asInt());
        assertEquals(2, get("/api/recommendations/" + c0, admin).get("exposedMachines").asInt());
        error(send("GET", "/api/recommendations/" + c1, viewerWeb, null), 404);
        assertEquals(Set.of("m-web"), ids(get("/api/recommendations/" + c0 + "/machines", viewerWeb), "id"));
        assertEquals(Set.of("m-db", "m-web"), ids(get("/api/recommendations/" + c0 + "/machines", admin), "id"));
        // filters
        String cat = controls.get(0).category().name();
        for (JsonNode r : get("/api/recommendations?category=" + cat.toLowerCase().replace('_', '-'), admin)
                .get("value")) {
            assertEquals(cat, r.get("category").asText());
        }
        assertEquals(3, get("/api/recommendations?status=active", admin).get("count").asInt());
        assertEquals(0, get("/api/recommendations?status=exception", admin).get("count").asInt());
        assertEquals(Set.of(c1), ids(get("/api/recommendations?text="
                + java.net.URLEncoder.encode(controls.get(1).title(), StandardCharsets.UTF_8), admin), "id"));
        String type = controls.get(2).remediation().type().name();
        assertTrue(ids(get("/api/recommendations?remediationType=" + type, admin), "id").contains(c2));
        // sorting and paging
        JsonNode byTitle = get("/api/recommendations?orderBy=title%20asc", admin);
        List<String> titles = new ArrayList<>();
        byTitle.get("value").forEach(v -> titles.add(v.get("title").asText()));
        List<String> sorted = new ArrayList<>(titles);
        sorted.sort(null);
        assertEquals(sorted, titles);
        JsonNode byImpact = get("/api/recommendations", admin).get("value");
        for (int i = 1; i < byImpact.size(); i++) {
            assertTrue(byImpact.get(i - 1).get("impact").asDouble() >= byImpact.get(i).get("impact").asDouble());
        }
        JsonNode page = get("/api/recommendations?$top=2&$skip=1", admin);
        assertEquals(3, page.get("count").asInt());
        assertEquals(2, page.get("value").size());
        assertEquals(byImpact.get(1).get("id"), page.get("value").get(0).get("id"));
        // bad parameters
        assertTrue(error(send("GET", "/api/recommendations?category=nope", admin, null), 400).contains("category"));
        assertTrue(error(send("GET", "/api/recommendations?status=nope", admin, null), 400).contains("status"));
        assertTrue(error(send("GET", "/api/recommendations?orderBy=nope", admin, null), 400).contains("orderBy"));
        assertTrue(error(send("GET", "/api/recommendations?$top=x", admin, null), 400).contains("$top"));
    }

    @Test
    void exportListsEveryResultOfTheCallersMachines() throws Exception {
        JsonNode web = get("/api/export/assessmentsByMachine?$top=10000", viewerWeb);
        assertEquals(controls.size(), web.get("count").asInt());
        assertEquals(Set.of("m-web"), ids(web, "machineId"));
        JsonNode all = get("/api/export/assessmentsByMachine?$top=7", admin);
        assertEquals(3 * controls.size(), all.get("count").asInt());
        assertEquals(7, all.get("value").size());
        assertEquals(7, all.get("nextSkip").asInt());
        int failing = 0;
        JsonNode rows = get("/api/export/assessmentsByMachine?$top=10000", admin).get("value");
        for (Iterator<JsonNode> it = rows.elements(); it.hasNext();) {
            failing += it.next().get("state").asText().equals("FAIL") ? 1 : 0;
        }
        assertEquals(4, failing);
    }

    // ------------------------------------------------------------------ exceptions and remediations

    @Test
    void exceptionsAreCreatedListedCancelledAndScoped() throws Exception {
        String c0 = controls.get(0).id();
        String body = "{\"id\":\"ex-web\",\"controlId\":\"" + c0 + "\",\"scope\":\"device\",\"target\":\"m-web\","
                + "\"justification\":\"alternate-mitigation\",\"notes\":\"=cmd\"}";
        JsonNode created = post("/api/exceptions", excepterWeb, body, 201);
        assertEquals("ACTIVE", created.get("status").asText());
        assertEquals("excepter-web", created.get("author").asText());
        // the exception gives credit: the web viewer's score rises to 100, and the recommendation is excepted
        assertEquals(100.0, get("/api/configurationScore", viewerWeb).get("score").asDouble(), 1e-9);
        assertEquals("EXCEPTION", get("/api/recommendations/" + c0, viewerWeb).get("status").asText());
        // another group's machine is not a target it may use; nor is a global one
        assertTrue(error(send("POST", "/api/exceptions", excepterWeb, body.replace("ex-web", "ex-db")
                .replace("m-web", "m-db")), 400).contains("target"));
        error(send("POST", "/api/exceptions", excepterWeb, "{\"controlId\":\"" + c0
                + "\",\"scope\":\"global\",\"justification\":\"risk-accepted\"}"), 403);
        assertTrue(error(send("POST", "/api/exceptions", excepterWeb, "{\"controlId\":\"" + c0
                + "\",\"scope\":\"device\",\"target\":\"m-web\"}"), 400).contains("justification"));
        assertTrue(error(send("POST", "/api/exceptions", excepterWeb, "{oops"), 400).contains("JSON"));
        assertTrue(ids(get("/api/exceptions", viewerWeb), "id").contains("ex-web"));
        assertFalse(ids(get("/api/exceptions", viewerDb), "id").contains("ex-web"));
        String csv = send("GET", "/api/exceptions.csv", viewerWeb, null).body();
        assertTrue(csv.startsWith("id,control_id,scope,target,justification,author,created,expires,status,notes,"
                + "updated,updated_by,cancelled,cancelled_by\r\n"), csv);
        assertTrue(csv.contains("'=cmd"), csv);
        assertFalse(send("GET", "/api/exceptions.csv", viewerDb, null).body().contains("ex-web"));
        error(send("POST", "/api/exceptions/ex-web/cancel", viewerDb, null), 403);
        JsonNode cancelled = post("/api/exceptions/ex-web/cancel", excepterWeb, null, 200);
        assertEquals("CANCELLED", cancelled.get("status").asText());
        assertTrue(get("/api/configurationScore", viewerWeb).get("score").asDouble() < 100.0);
        error(send("POST", "/api/exceptions/ex-web/cancel", excepterWeb, null), 409);
    }

    @Test
    void remediationsAreCreatedListedCompletedAndScoped() throws Exception {
        String c0 = controls.get(0).id();
        JsonNode created = post("/api/remediations", remediatorWeb, "{\"title\":\"Fix it\",\"controlId\":\"" + c0
                + "\",\"scope\":\"devices\",\"devices\":[\"m-web\"],\"priority\":\"high\"}", 201);
        long id = created.get("id").asLong();
        assertEquals("ACTIVE", created.get("status").asText());
        assertEquals(1, created.get("targetDevices").asInt());
        assertTrue(error(send("POST", "/api/remediations", remediatorWeb, "{\"title\":\"x\",\"controlId\":\"" + c0
                + "\",\"scope\":\"devices\",\"devices\":[\"m-db\"]}"), 400).contains("m-db"));
        error(send("POST", "/api/remediations", remediatorWeb, "{\"title\":\"x\",\"controlId\":\"" + c0
                + "\",\"scope\":\"group\",\"group\":\"db\"}"), 403);
        assertTrue(error(send("POST", "/api/remediations", remediatorWeb, "{\"title\":\"x\",\"controlId\":\"" + c0
                + "\",\"scope\":\"devices\",\"devices\":[\"m-web\"],\"due\":\"2020-01-01\"}"), 400).length() > 0);
        assertTrue(ids(get("/api/remediations", viewerWeb), "id").contains(String.valueOf(id)));
        assertFalse(ids(get("/api/remediations", viewerDb), "id").contains(String.valueOf(id)));
        String csv = send("GET", "/api/remediations.csv", viewerWeb, null).body();
        assertTrue(csv.contains("Fix it"), csv);
        error(send("POST", "/api/remediations/" + id + "/complete", viewerDb, null), 403);
        assertEquals("COMPLETED", post("/api/remediations/" + id + "/complete", remediatorWeb, null, 200)
                .get("status").asText());
        error(send("POST", "/api/remediations/999999/complete", remediatorWeb, null), 404);
    }

    JsonNode patch(String path, String token, String body) throws Exception {
        HttpResponse<String> r = send("PATCH", path, token, body);
        assertEquals(200, r.statusCode(), path + ": " + r.body());
        return JSON.readTree(r.body());
    }

    /**
     * @return the web viewer's score when m-web (failing control 0 only) gets no credit for it, as the API gives
     *         it: rounded to two decimals
     */
    double webScoreWithoutCredit() {
        double possible = 0;
        for (Control c : controls) {
            possible += c.weight();
        }
        return Math.round(100.0 * (possible - controls.get(0).weight()) / possible * 100) / 100.0;
    }

    @Test
    void exceptionsAreUpdatedAndScoresFollow() throws Exception {
        String c0 = controls.get(0).id();
        double base = webScoreWithoutCredit();
        assertEquals(base, get("/api/configurationScore", viewerWeb).get("score").asDouble(), 1e-9);
        JsonNode created = post("/api/exceptions", excepterWeb, "{\"id\":\"ex-upd\",\"controlId\":\"" + c0
                + "\",\"scope\":\"device\",\"target\":\"m-web\",\"justification\":\"alternate-mitigation\"}", 201);
        Instant createdAt = Instant.parse(created.get("created").asText());
        assertEquals(100.0, get("/api/configurationScore", viewerWeb).get("score").asDouble(), 1e-9);

        JsonNode updated = patch("/api/exceptions/ex-upd", excepterWeb,
                "{\"notes\":\"proxy in front\",\"justification\":\"risk-accepted\"}");
        assertEquals("ex-upd", updated.get("id").asText());
        assertEquals("RISK_ACCEPTED", updated.get("justification").asText());
        assertEquals("proxy in front", updated.get("notes").asText());
        assertTrue(updated.get("expires").isNull());
        assertEquals("excepter-web", updated.get("author").asText());
        assertEquals("excepter-web", updated.get("updatedBy").asText());
        assertFalse(updated.get("updated").isNull());
        assertEquals("ACTIVE", updated.get("status").asText());
        assertEquals(base, get("/api/configurationScore", viewerWeb).get("score").asDouble(), 1e-9,
                "a risk accepted gives no credit");

        assertEquals("ALTERNATE_MITIGATION", patch("/api/exceptions/ex-upd", admin,
                "{\"justification\":\"alternate-mitigation\"}").get("justification").asText());
        assertEquals(100.0, get("/api/configurationScore", viewerWeb).get("score").asDouble(), 1e-9);
        // expired a microsecond after its creation: it no longer counts
        String expires = createdAt.plusNanos(1000).toString();
        JsonNode expired = patch("/api/exceptions/ex-upd", excepterWeb, "{\"expires\":\"" + expires + "\"}");
        assertEquals(expires, expired.get("expires").asText());
        assertEquals("EXPIRED", expired.get("status").asText());
        assertEquals("proxy in front", expired.get("notes").asText(), "unchanged");
        for (JsonNode e : get("/api/exceptions", viewerWeb).get("value")) {
            if (e.get("id").asText().equals("ex-upd")) {
                assertEquals(expires, e.get("expires").asText(), "as listed");
                assertEquals("excepter-web", e.get("updatedBy").asText());
            }
        }
        assertEquals(base, get("/api/configurationScore", viewerWeb).get("score").asDouble(), 1e-9);
        // back to never expiring, notes removed
        JsonNode never = patch("/api/exceptions/ex-upd", excepterWeb, "{\"expires\":null,\"notes\":null}");
        assertTrue(never.get("expires").isNull());
        assertTrue(never.get("notes").isNull());
        assertEquals(100.0, get("/api/configurationScore", viewerWeb).get("score").asDouble(), 1e-9);

        // wrong role, out of scope, bad fields
        error(send("PATCH", "/api/exceptions/ex-upd", viewerWeb, "{\"notes\":\"x\"}"), 403);
        error(send("PATCH", "/api/exceptions/ex-upd", remediatorWeb, "{\"notes\":\"x\"}"), 403);
        post("/api/exceptions", admin, "{\"id\":\"ex-upd-db\",\"controlId\":\"" + c0
                + "\",\"scope\":\"device\",\"target\":\"m-db\",\"justification\":\"risk-accepted\"}", 201);
        error(send("PATCH", "/api/exceptions/ex-upd-db", excepterWeb, "{\"notes\":\"x\"}"), 404);
        error(send("PATCH", "/api/exceptions/nope", excepterWeb, "{\"notes\":\"x\"}"), 404);
        assertEquals("color: unknown field (allowed: expires, notes, justification)",
                error(send("PATCH", "/api/exceptions/ex-upd", excepterWeb, "{\"color\":\"red\"}"), 400));
        assertTrue(error(send("PATCH", "/api/exceptions/ex-upd", excepterWeb, "{\"expires\":\"tomorrow\"}"), 400)
                .startsWith("expires: "));
        assertTrue(error(send("PATCH", "/api/exceptions/ex-upd", excepterWeb, "{\"justification\":\"luck\"}"),
                400).startsWith("justification: "));
        assertEquals("notes: must be a string or null",
                error(send("PATCH", "/api/exceptions/ex-upd", excepterWeb, "{\"notes\":5}"), 400));
        assertTrue(error(send("PATCH", "/api/exceptions/ex-upd", excepterWeb, "{\"expires\":\""
                + createdAt.minusSeconds(1) + "\"}"), 400).contains("it must expire after it is created"));
        assertTrue(error(send("PATCH", "/api/exceptions/ex-upd", excepterWeb, "{}"), 400)
                .contains("nothing to update"));
        assertEquals(100.0, get("/api/configurationScore", viewerWeb).get("score").asDouble(), 1e-9,
                "nothing changed by bad input");
        post("/api/exceptions/ex-upd/cancel", excepterWeb, null, 200);
        assertTrue(error(send("PATCH", "/api/exceptions/ex-upd", excepterWeb, "{\"notes\":\"x\"}"), 409)
                .contains("a cancelled exception cannot be updated"));
        post("/api/exceptions/ex-upd-db/cancel", admin, null, 200);
        assertEquals(base, get("/api/configurationScore", viewerWeb).get("score").asDouble(), 1e-9);
    }

    @Test
    void remediationsAreUpdatedAndCancelled() throws Exception {
        String c0 = controls.get(0).id();
        JsonNode created = post("/api/remediations", remediatorWeb, "{\"title\":\"Fix it\",\"controlId\":\"" + c0
                + "\",\"scope\":\"devices\",\"devices\":[\"m-web\"],\"priority\":\"high\",\"notes\":\"soon\"}", 201);
        long id = created.get("id").asLong();
        String due = java.time.LocalDate.now(java.time.ZoneOffset.UTC).plusDays(30).toString();
        JsonNode updated = patch("/api/remediations/" + id, remediatorWeb, "{\"title\":\"Fix it now\","
                + "\"priority\":\"low\",\"due\":\"" + due + "\",\"notes\":\"after the freeze\"}");
        assertEquals(id, updated.get("id").asLong());
        assertEquals("Fix it now", updated.get("title").asText());
        assertEquals("LOW", updated.get("priority").asText());
        assertEquals(due, updated.get("due").asText());
        assertEquals("after the freeze", updated.get("notes").asText());
        assertEquals("ACTIVE", updated.get("status").asText());
        assertEquals("remediator-web", updated.get("requester").asText());
        assertEquals("remediator-web", updated.get("updatedBy").asText());
        assertEquals(1, updated.get("targetDevices").asInt());
        assertEquals(0, updated.get("fixedDevices").asInt());
        JsonNode notesOnly = patch("/api/remediations/" + id, admin, "{\"notes\":null}");
        assertEquals("Fix it now", notesOnly.get("title").asText());
        assertTrue(notesOnly.get("notes").isNull());
        assertEquals("admin", notesOnly.get("updatedBy").asText());
        assertEquals(due, notesOnly.get("due").asText());
        JsonNode noDue = patch("/api/remediations/" + id, admin, "{\"due\":null}");
        assertTrue(noDue.get("due").isNull(), "due removed: attention required");
        assertEquals("LOW", noDue.get("priority").asText());
        // who updated it and when is in the CSV export too
        String csv = send("GET", "/api/remediations.csv", admin, null).body();
        // the same columns and cells as the CLI's and the workbench's exports
        assertTrue(csv.startsWith(String.join(",", org.bulwark.store.api.Remediation.CSV_COLUMNS) + "\r\n"), csv);
        assertTrue(csv.startsWith("id,title,control_id,category,scope,targets,priority,due,status,completion,completed,"
                + "target_devices,fixed_devices,requester,created,notes,updated,updated_by,cancelled,cancelled_by\r\n"),
                csv);
        assertTrue(csv.contains("\r\n" + id + ",Fix it now,"), csv);
        assertTrue(csv.contains(",low,attention required,active,,,"), csv);
        assertTrue(csv.contains("," + noDue.get("updated").asText() + ",admin,,\r\n"), csv);

        error(send("PATCH", "/api/remediations/" + id, viewerWeb, "{\"title\":\"x\"}"), 403);
        error(send("PATCH", "/api/remediations/" + id, excepterWeb, "{\"title\":\"x\"}"), 403);
        error(send("POST", "/api/remediations/" + id + "/cancel", viewerWeb, null), 403);
        long db = post("/api/remediations", admin, "{\"title\":\"Fix db\",\"controlId\":\"" + c0
                + "\",\"scope\":\"devices\",\"devices\":[\"m-db\"]}", 201).get("id").asLong();
        error(send("PATCH", "/api/remediations/" + db, remediatorWeb, "{\"title\":\"x\"}"), 404);
        error(send("POST", "/api/remediations/" + db + "/cancel", remediatorWeb, null), 404);
        error(send("POST", "/api/remediations/999999/cancel", remediatorWeb, null), 404);
        assertEquals("owner: unknown field (allowed: title, priority, due, notes)",
                error(send("PATCH", "/api/remediations/" + id, remediatorWeb, "{\"owner\":\"x\"}"), 400));
        assertTrue(error(send("PATCH", "/api/remediations/" + id, remediatorWeb, "{\"priority\":\"urgent\"}"),
                400).startsWith("priority: "));
        assertTrue(error(send("PATCH", "/api/remediations/" + id, remediatorWeb, "{\"due\":\"soon\"}"), 400)
                .startsWith("due: "));
        assertTrue(error(send("PATCH", "/api/remediations/" + id, remediatorWeb, "{\"due\":\"2020-01-01\"}"), 400)
                .contains("the due date 2020-01-01 is in the past"));
        assertTrue(error(send("PATCH", "/api/remediations/" + id, remediatorWeb, "{\"title\":\" \"}"), 400)
                .contains("title: must be a non-empty string"));
        assertEquals("must be a JSON object with any of title, priority, due, notes",
                error(send("PATCH", "/api/remediations/" + id, remediatorWeb, "[]"), 400));

        JsonNode cancelled = post("/api/remediations/" + id + "/cancel", remediatorWeb, null, 200);
        assertEquals("CANCELLED", cancelled.get("status").asText());
        assertEquals("remediator-web", cancelled.get("cancelledBy").asText());
        assertFalse(cancelled.get("cancelled").isNull());
        assertTrue(cancelled.get("completion").isNull());
        assertEquals("Fix it now", cancelled.get("title").asText());
        assertTrue(error(send("POST", "/api/remediations/" + id + "/cancel", remediatorWeb, null), 409)
                .contains("and cannot be cancelled"));
        assertTrue(error(send("PATCH", "/api/remediations/" + id, remediatorWeb, "{\"title\":\"x\"}"), 409)
                .contains("and cannot be updated"));
        assertTrue(error(send("POST", "/api/remediations/" + id + "/complete", remediatorWeb, null), 409)
                .contains("and cannot be completed"));
        post("/api/remediations/" + db + "/cancel", admin, null, 200);
    }

    // ------------------------------------------------------------------ device groups and OpenAPI

    @Test
    void deviceGroupRulesAreReadAndValidated() throws Exception {
        JsonNode rules = get("/api/deviceGroups", admin).get("value");
        assertEquals("web", rules.get(0).get("name").asText());
        assertEquals(Set.of("web"), ids(get("/api/deviceGroups", viewerWeb), "name"));
        assertTrue(error(send("PUT", "/api/deviceGroups", admin, "[{\"name\":\"x\"}]"), 400).contains("rank"));
        assertEquals("web", get("/api/deviceGroups", admin).get("value").get(0).get("name").asText());
    }

    @Test
    void theOpenApiDocumentMatchesTheEndpoints() throws Exception {
        JsonNode doc = get("/api/openapi.json", null);
        Set<String> documented = new TreeSet<>();
        doc.get("paths").fields().forEachRemaining(p -> p.getValue().fieldNames()
                .forEachRemaining(m -> documented.add(m.toUpperCase() + " " + p.getKey())));
        Set<String> real = new TreeSet<>(ServerComponent.templates(running));
        assertEquals(real, documented);
        // every documented GET answers (path parameters filled with real ids), never 404 or 405
        String c0 = controls.get(0).id();
        for (String op : documented) {
            if (!op.startsWith("GET ")) {
                continue;
            }
            String path = op.substring(4).replace("/recommendations/{id}", "/recommendations/" + c0)
                    .replace("{id}", "m-web");
            HttpResponse<String> r = send("GET", path, admin, null);
            assertEquals(200, r.statusCode(), op + ": " + r.body());
        }
    }

    @Test
    void keepsServingWhileClientsMisbehave() throws Exception {
        // a client that sends half a request and goes away, then one that claims a huge body
        try (java.net.Socket s = new java.net.Socket("127.0.0.1", running.port())) {
            s.getOutputStream().write("POST /api/assessments HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n{"
                    .getBytes(StandardCharsets.US_ASCII));
        }
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/api/assessments"))
                .header("Authorization", "Bearer " + agent)
                .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[1024 * 1024])).build(),
                HttpResponse.BodyHandlers.ofString());
        error(r, 413);
        assertEquals(3, get("/api/machines", admin).get("count").asInt());
    }

    @Test
    void stoppingDuringUploadsLosesNoAcknowledgedUpload() throws Exception {
        Path d2 = Files.createTempDirectory("bulwark-server-stop");
        try (AssessmentStore s2 = service(AssessmentStoreFactory.class).open(storeUrl(d2))) {
            FleetServer.Running r2 = server.start(s2, new FleetServer.Settings("127.0.0.1", 0, d2, 256 * 1024, 4));
            String token = server.createToken(d2, "agent", Role.AGENT, Set.of("*"));
            int n = 40;
            List<byte[]> bodies = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                bodies.add(report("stop-" + i, "stop-host-" + i, "Debian GNU/Linux 12", i % 20));
            }
            java.util.concurrent.ExecutorService clients = java.util.concurrent.Executors.newFixedThreadPool(8);
            List<java.util.concurrent.Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                byte[] body = bodies.get(i);
                answers.add(clients.submit(() -> {
                    try {
                        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + r2.port()
                                + "/api/assessments")).timeout(Duration.ofSeconds(30))
                                .header("Authorization", "Bearer " + token)
                                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                                HttpResponse.BodyHandlers.discarding()).statusCode();
                    } catch (IOException e) {
                        return -1;
                    }
                }));
            }
            Thread.sleep(300);
            r2.stop(5);
            Set<String> acknowledged = new TreeSet<>();
            for (int i = 0; i < n; i++) {
                int status = answers.get(i).get();
                assertTrue(status == 201 || status == -1 || status >= 500, "upload " + i + ": " + status);
                if (status == 201) {
                    acknowledged.add("stop-" + i);
                }
            }
            clients.shutdown();
            Set<String> stored = new TreeSet<>();
            s2.devices().forEach(d -> stored.add(d.id()));
            assertFalse(acknowledged.isEmpty(), "some uploads were acknowledged before the stop");
            assertTrue(stored.containsAll(acknowledged), "acknowledged " + acknowledged + ", stored " + stored);
        }
    }

    // ------------------------------------------------------------------ agents and their groups

    @Test
    void agentTokensUploadOnlyDevicesOfTheirGroups() throws Exception {
        String agentWeb = server.createToken(dir, "agent-web", Role.AGENT, Set.of("web"));
        int before = stored();
        // web-1 is in group web by the host name rule: accepted
        HttpResponse<String> ok = upload(agentWeb, report("m-web", "web-1", "Debian GNU/Linux 12", 0), null);
        assertEquals(201, ok.statusCode(), ok.body());
        assertEquals("web", JSON.readTree(ok.body()).get("group").asText());
        // db-1 runs Debian: group db; other-1 matches no rule: Ungrouped. Both refused, nothing stored
        String message = error(upload(agentWeb, report("m-db", "db-1", "Debian GNU/Linux 12", 0, 1), "g-db"), 403);
        assertEquals("group: machine 'db-1' belongs to device group 'db', which this token may not upload to "
                + "(its groups: web)", message);
        assertTrue(error(upload(agentWeb, report("m-new", "other-2", "Alpine Linux", 2), null), 403)
                .contains("'Ungrouped'"));
        assertEquals(before + 1, stored());
        assertEquals(3, get("/api/machines", admin).get("count").asInt());
        // the refused upload id was not taken: the right token stores it
        assertEquals(201, upload(agent, report("m-db", "db-1", "Debian GNU/Linux 12", 0, 1), "g-db").statusCode());
    }

    // ------------------------------------------------------------------ token list and revocation

    @Test
    void tokensAreListedWithPublicIdsAndNeverTheirSecrets() throws Exception {
        Path d = Files.createTempDirectory("bulwark-tokens");
        assertEquals(List.of(), server.listTokens(d));
        // a token written before ids and creation times were recorded
        String oldHash = Tokens.hash("bwk_old");
        Files.writeString(d.resolve(Tokens.FILE), "[{\"name\":\"legacy\",\"role\":\"VIEWER\",\"groups\":[\"web\"],"
                + "\"sha256\":\"" + oldHash + "\"}]");
        Instant before = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        FleetServer.NewToken alice = server.issueToken(d, "alice", Role.ADMINISTRATOR, Set.of("*"));
        FleetServer.NewToken agents = server.issueToken(d, "agents", Role.AGENT, new java.util.LinkedHashSet<>(
                List.of("web", "db")));
        List<FleetServer.TokenInfo> list = server.listTokens(d);
        assertEquals(List.of(
                new FleetServer.TokenInfo("tok_" + oldHash.substring(0, 8), "legacy", Role.VIEWER, Set.of("web"),
                        null),
                alice.info(), agents.info()), list);
        assertTrue(alice.info().id().matches("tok_[0-9a-f]{8}"), alice.info().id());
        assertEquals("alice", alice.info().name());
        assertEquals(List.of("web", "db"), new ArrayList<>(agents.info().groups()));
        assertFalse(alice.info().created().isBefore(before));
        assertFalse(alice.info().created().isAfter(Instant.now()));
        String file = Files.readString(d.resolve(Tokens.FILE));
        assertFalse(file.contains(alice.secret()) || file.contains(agents.secret()), file);
        assertFalse(alice.toString().contains(alice.secret()));
        // the old token still authenticates, with its derived id
        assertEquals("tok_" + oldHash.substring(0, 8), new Tokens(d).find("bwk_old").id());
        assertNull(new Tokens(d).find("bwk_nope"));
    }

    @Test
    void aRevokedTokenIsRefusedByTheRunningServerAtOnce() throws Exception {
        String doomed = server.createToken(dir, "doomed", Role.VIEWER, Set.of("*"));
        assertEquals(3, get("/api/machines", doomed).get("count").asInt());
        // revoked and asked again within the same modification-time tick of tokens.json: refused
        FleetServer.TokenInfo revoked = server.revokeToken(dir, "doomed");
        assertEquals("doomed", revoked.name());
        assertEquals("unknown API token", error(send("GET", "/api/machines", doomed, null), 401));
        assertFalse(server.listTokens(dir).stream().anyMatch(t -> t.id().equals(revoked.id())));
        // the others still work
        assertEquals(3, get("/api/machines", admin).get("count").asInt());
        // by id
        FleetServer.NewToken byId = server.issueToken(dir, "by-id", Role.VIEWER, Set.of("web"));
        assertEquals(1, get("/api/machines", byId.secret()).get("count").asInt());
        assertEquals(byId.info(), server.revokeToken(dir, byId.info().id()));
        error(send("GET", "/api/machines", byId.secret(), null), 401);
    }

    @Test
    void revokingAnUnknownOrAmbiguousTokenIsAClearError() throws Exception {
        Path d = Files.createTempDirectory("bulwark-revoke");
        FleetServer.NewToken one = server.issueToken(d, "twin", Role.VIEWER, Set.of("*"));
        FleetServer.NewToken two = server.issueToken(d, "twin", Role.VIEWER, Set.of("*"));
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> server.revokeToken(d, "nobody"));
        assertEquals("no token with id or name 'nobody' in " + d.resolve("tokens.json")
                + " (bulwark token list shows them)", unknown.getMessage());
        IllegalArgumentException ambiguous = assertThrows(IllegalArgumentException.class,
                () -> server.revokeToken(d, "twin"));
        assertEquals("2 tokens are named 'twin'; revoke one by id: " + one.info().id() + ", " + two.info().id(),
                ambiguous.getMessage());
        assertEquals(2, server.listTokens(d).size());
        server.revokeToken(d, two.info().id());
        assertEquals(List.of(one.info()), server.listTokens(d));
    }

    // ------------------------------------------------------------------ TLS

    static final String STORE_PASSWORD = "keystore-secret";

    /** Runs the JDK's keytool; fails the test with its output when it fails. */
    static void keytool(String... args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), "keytool: " + output);
    }

    /** A PKCS12 keystore with a self-signed key for 127.0.0.1 and localhost. */
    static Path selfSigned(Path d) throws Exception {
        Path ks = d.resolve("server.p12");
        keytool("-genkeypair", "-alias", "bulwark", "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "2",
                "-dname", "CN=localhost", "-ext", "SAN=ip:127.0.0.1,dns:localhost", "-storetype", "PKCS12",
                "-keystore", ks.toString(), "-storepass", STORE_PASSWORD, "-keypass", STORE_PASSWORD);
        return ks;
    }

    /** An SSL context that trusts only the certificate of {@code keystore}. */
    static SSLContext trusting(Path keystore) throws Exception {
        KeyStore server = KeyStore.getInstance(keystore.toFile(), STORE_PASSWORD.toCharArray());
        Certificate cert = server.getCertificate("bulwark");
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("server", cert);
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, tmf.getTrustManagers(), null);
        return context;
    }

    @Test
    void servesHttpsWithTheKeystoresKeyAndOnlyHttps() throws Exception {
        Path d = Files.createTempDirectory("bulwark-tls");
        Path ks = selfSigned(d);
        FleetServer.Tls tls = new FleetServer.Tls(ks, STORE_PASSWORD.toCharArray());
        server.checkTls(tls);
        try (FleetServer.Running https = server.start(store,
                new FleetServer.Settings("127.0.0.1", 0, d, 256 * 1024, 2, tls))) {
            String token = server.createToken(d, "admin", Role.ADMINISTRATOR, Set.of("*"));
            URI machines = URI.create("https://127.0.0.1:" + https.port() + "/api/machines");
            HttpClient client = HttpClient.newBuilder().sslContext(trusting(ks))
                    .connectTimeout(Duration.ofSeconds(5)).build();
            HttpResponse<String> r = client.send(HttpRequest.newBuilder(machines).timeout(Duration.ofSeconds(30))
                    .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, r.statusCode(), r.body());
            assertEquals(3, JSON.readTree(r.body()).get("count").asInt());
            assertEquals("TLSv1.3", r.sslSession().orElseThrow().getProtocol());
            // a TLS 1.2 client is served too
            SSLParameters only12 = new SSLParameters();
            only12.setProtocols(new String[] { "TLSv1.2" });
            HttpResponse<String> r12 = HttpClient.newBuilder().sslContext(trusting(ks)).sslParameters(only12)
                    .build().send(HttpRequest.newBuilder(machines).timeout(Duration.ofSeconds(30))
                            .header("Authorization", "Bearer " + token).build(),
                            HttpResponse.BodyHandlers.ofString());
            assertEquals(200, r12.statusCode());
            assertEquals("TLSv1.2", r12.sslSession().orElseThrow().getProtocol());
            // a client that does not trust the certificate, and plain HTTP on the TLS port: no answer
            assertThrows(IOException.class, () -> http.send(HttpRequest.newBuilder(machines)
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString()));
            assertThrows(IOException.class, () -> http.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + https.port() + "/api/openapi.json"))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString()));
        }
    }

    @Test
    void aKeystoreThatCannotBeUsedIsRefusedNamingTheFile() throws Exception {
        Path d = Files.createTempDirectory("bulwark-tls-bad");
        Path ks = selfSigned(d);
        FleetServer.Settings wrong = new FleetServer.Settings("127.0.0.1", 0, d, 1024, 1,
                new FleetServer.Tls(ks, "not-the-password".toCharArray()));
        IOException e = assertThrows(IOException.class, () -> server.start(store, wrong));
        assertEquals("TLS keystore " + ks + ": wrong password", e.getMessage());
        assertFalse(Files.exists(d.resolve("uploads.log")), "nothing was started");
        Path missing = d.resolve("missing.p12");
        assertEquals("TLS keystore " + missing + " does not exist", assertThrows(IOException.class,
                () -> server.checkTls(new FleetServer.Tls(missing, new char[0]))).getMessage());
        // a keystore with a certificate but no private key
        KeyStore certsOnly = KeyStore.getInstance("PKCS12");
        certsOnly.load(null, null);
        certsOnly.setCertificateEntry("cert", KeyStore.getInstance(ks.toFile(), STORE_PASSWORD.toCharArray())
                .getCertificate("bulwark"));
        Path noKey = d.resolve("no-key.p12");
        try (java.io.OutputStream out = Files.newOutputStream(noKey)) {
            certsOnly.store(out, STORE_PASSWORD.toCharArray());
        }
        assertTrue(assertThrows(IOException.class, () -> server.checkTls(new FleetServer.Tls(noKey,
                STORE_PASSWORD.toCharArray()))).getMessage().startsWith("TLS keystore " + noKey
                        + " holds no private key"));
        Path garbage = Files.writeString(d.resolve("garbage.p12"), "not a keystore");
        assertTrue(assertThrows(IOException.class, () -> server.checkTls(new FleetServer.Tls(garbage,
                STORE_PASSWORD.toCharArray()))).getMessage().startsWith("TLS keystore " + garbage + " "));
    }
}
