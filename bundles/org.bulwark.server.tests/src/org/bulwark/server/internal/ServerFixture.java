package org.bulwark.server.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.GZIPOutputStream;

import org.bulwark.benchmark.api.Benchmark;
import org.bulwark.benchmark.api.BenchmarkRegistry;
import org.bulwark.benchmark.api.Control;
import org.bulwark.collector.api.PlatformFacts;
import org.bulwark.report.api.ReportFormat;
import org.bulwark.report.api.ReportWriter;
import org.bulwark.scoring.api.AssessedControl;
import org.bulwark.scoring.api.Assessment;
import org.bulwark.scoring.api.ControlException;
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
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * One server for one test: a fresh data directory and store, the real services of the test runtime (report reader
 * and writer, scoring, the installed Linux baseline, the operations layer), a free loopback port, and HTTP helpers.
 * The {@linkplain #standard standard fleet} has two group rules (web: host {@code web-*}, rank 10; db: OS
 * {@code debian}, rank 5), six tokens and three machines: {@code m-web} (web, fails control 0), {@code m-db} (db,
 * fails 0 and 1) and {@code m-other} (Ungrouped, fails 2), over the first 20 controls of the baseline.
 */
final class ServerFixture implements AutoCloseable {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String GROUP_RULES = "[{\"name\":\"web\",\"rank\":10,\"hostname\":\"web-*\"},"
            + "{\"name\":\"db\",\"rank\":5,\"os\":\"debian\"}]";
    static final long MAX_UPLOAD = 256 * 1024;

    /** Where a fixture's store lives: H2 in its directory, or a fresh PostgreSQL schema. */
    @FunctionalInterface
    interface StoreUrl {
        String of(Path dir) throws Exception;
    }

    final Path dir;
    final AssessmentStore store;
    final FleetServer server;
    final FleetServer.Running running;
    final String base;
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    final List<Control> controls;
    final ReportWriter writer;
    final ScoringService scoring;
    /** When every assessment of the fixture finished. */
    final Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(60);
    String admin;
    String agent;
    String viewerWeb;
    String viewerDb;
    String remediatorWeb;
    String excepterWeb;

    /** What is done before the server starts, with the fixture's store open and its content known. */
    @FunctionalInterface
    interface BeforeStart {
        void run(ServerFixture f) throws Exception;
    }

    private ServerFixture(StoreUrl url, String groupRules, int threads, BeforeStart before) throws Exception {
        this(Files.createTempDirectory("bulwark-server-test"), url, groupRules, threads, before);
    }

    private ServerFixture(Path dir, StoreUrl url, String groupRules, int threads, BeforeStart before)
            throws Exception {
        this.dir = dir;
        if (groupRules != null) {
            Files.writeString(dir.resolve(GroupRules.FILE), groupRules);
        }
        server = service(FleetServer.class);
        writer = service(ReportWriter.class);
        scoring = service(ScoringService.class);
        List<Control> all = new ArrayList<>();
        for (Benchmark b : service(BenchmarkRegistry.class).benchmarks()) {
            all.addAll(b.controls());
        }
        assertTrue(all.size() >= 20, "the Linux baseline is installed: " + all.size() + " controls");
        controls = List.copyOf(all.subList(0, 20));
        store = service(AssessmentStoreFactory.class).open(url.of(dir));
        before.run(this);
        running = server.start(store, new FleetServer.Settings("127.0.0.1", 0, dir, MAX_UPLOAD, threads));
        base = "http://127.0.0.1:" + running.port();
    }

    /** @return a server on an empty store with no group rules and no tokens */
    static ServerFixture empty(StoreUrl url) throws Exception {
        return new ServerFixture(url, null, 4, f -> { });
    }

    /** @return a server on a store with what {@code before} put into it, no group rules and no tokens */
    static ServerFixture empty(StoreUrl url, BeforeStart before) throws Exception {
        return new ServerFixture(url, null, 4, before);
    }

    /** @return a server on an empty store with the group rules and tokens of the standard fleet, no machines */
    static ServerFixture withTokens(StoreUrl url, int threads) throws Exception {
        ServerFixture f = new ServerFixture(url, GROUP_RULES, threads, x -> { });
        f.admin = f.token("admin", Role.ADMINISTRATOR, "*");
        f.agent = f.token("agent", Role.AGENT, "*");
        f.viewerWeb = f.token("viewer-web", Role.VIEWER, "web");
        f.viewerDb = f.token("viewer-db", Role.VIEWER, "db");
        f.remediatorWeb = f.token("remediator-web", Role.REMEDIATION_HANDLER, "web");
        f.excepterWeb = f.token("excepter-web", Role.EXCEPTION_HANDLER, "web");
        return f;
    }

    /** @return as {@link #withTokens} with 4 threads, but with data directory (and H2 store) {@code dir} */
    static ServerFixture withTokensIn(Path dir, StoreUrl url) throws Exception {
        ServerFixture f = new ServerFixture(dir, url, GROUP_RULES, 4, x -> { });
        f.admin = f.token("admin", Role.ADMINISTRATOR, "*");
        f.agent = f.token("agent", Role.AGENT, "*");
        return f;
    }

    /** @return the standard fleet (see the class comment) */
    static ServerFixture standard(StoreUrl url) throws Exception {
        ServerFixture f = withTokens(url, 4);
        // web-1 runs Debian but the host name rule (rank 10) puts it into web
        assertEquals(201, f.upload(f.agent, f.report("m-web", "web-1", "Debian GNU/Linux 12", 0), "u-web")
                .statusCode());
        assertEquals(201, f.upload(f.agent, f.report("m-db", "db-1", "Debian GNU/Linux 12", 0, 1), "u-db")
                .statusCode());
        assertEquals(201, f.upload(f.agent, f.report("m-other", "other-1", "Alpine Linux", 2), null).statusCode());
        return f;
    }

    static String h2(Path dir) {
        return "jdbc:h2:file:" + dir.toAbsolutePath().resolve("store");
    }

    static <T> T service(Class<T> type) throws InterruptedException {
        BundleContext context = FrameworkUtil.getBundle(ServerFixture.class).getBundleContext();
        ServiceTracker<T, T> tracker = new ServiceTracker<>(context, type, null);
        tracker.open();
        T s = tracker.waitForService(20_000);
        assertNotNull(s, type.getSimpleName() + " service");
        return s;
    }

    String token(String name, Role role, String... groups) throws IOException {
        return server.createToken(dir, name, role, new java.util.LinkedHashSet<>(List.of(groups)));
    }

    @Override
    public void close() {
        running.stop(2);
        store.close();
    }

    // ------------------------------------------------------------------ documents

    /** A JSON report of {@link #controls} where the listed indexes FAIL and the rest PASS. */
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

    /** An assessment of {@link #controls} where the listed indexes FAIL and the rest PASS. */
    Assessment assessment(String id, String host, String os, int... failing) {
        Device device = new Device(id, host, os, Set.of());
        DeviceResults results = results(device, failing);
        List<AssessedControl> assessed = new ArrayList<>();
        for (Control c : controls) {
            ResultState s = results.states().get(c.id());
            assessed.add(new AssessedControl(c, "test", new ControlResult(c.id(), s,
                    s == ResultState.PASS ? null : "found bad", List.of())));
        }
        FleetScore score = scoring.score(refs(), List.of(results), List.of(), now);
        return new Assessment(device, new PlatformFacts("linux", "debian", "12", os, "amd64", host, id), "/", true,
                now.minusSeconds(5), now, List.of(), List.of(), assessed, score, List.of(), List.of(), List.of());
    }

    /** @return {@code device}'s results at {@link #now}: the listed indexes FAIL, the rest PASS */
    DeviceResults results(Device device, int... failing) {
        Set<Integer> fail = new HashSet<>();
        for (int i : failing) {
            fail.add(i);
        }
        Map<String, ResultState> states = new LinkedHashMap<>();
        for (int i = 0; i < controls.size(); i++) {
            states.put(controls.get(i).id(), fail.contains(i) ? ResultState.FAIL : ResultState.PASS);
        }
        return new DeviceResults(device, now, states);
    }

    List<ControlRef> refs() {
        List<ControlRef> refs = new ArrayList<>();
        for (Control c : controls) {
            refs.add(new ControlRef(c.id(), c.title(), c.category(), c.weight()));
        }
        return refs;
    }

    /** The score of a device failing the listed indexes of {@link #controls}, as the API gives it (unrounded). */
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
        return 100 * (weights - failed) / weights;
    }

    /** @return the standard fleet's score as the scoring service computes it from the same results */
    FleetScore standardScore(List<String> machines, List<ControlException> exceptions) {
        List<DeviceResults> devices = new ArrayList<>();
        for (String m : machines) {
            devices.add(switch (m) {
                case "m-web" -> results(new Device("m-web", "web-1", "Debian GNU/Linux 12", Set.of("web")), 0);
                case "m-db" -> results(new Device("m-db", "db-1", "Debian GNU/Linux 12", Set.of("db")), 0, 1);
                default -> results(new Device("m-other", "other-1", "Alpine Linux", Set.of("Ungrouped")), 2);
            });
        }
        return scoring.score(refs(), devices, exceptions, Instant.now());
    }

    static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream z = new GZIPOutputStream(out)) {
            z.write(data);
        }
        return out.toByteArray();
    }

    // ------------------------------------------------------------------ HTTP

    HttpResponse<String> upload(String token, byte[] body, String uploadId) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + "/api/assessments"))
                .timeout(Duration.ofSeconds(30)).POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .header("Content-Type", "application/json");
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        if (uploadId != null) {
            b.header("Upload-Id", uploadId);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> uploadEncoded(byte[] body, String encoding) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base + "/api/assessments")).timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).header("Content-Type", "application/json")
                .header("Content-Encoding", encoding).header("Authorization", "Bearer " + agent).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> send(String method, String path, String token, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    JsonNode get(String path, String token) throws Exception {
        return call("GET", path, token, null, 200);
    }

    JsonNode post(String path, String token, String body, int expected) throws Exception {
        return call("POST", path, token, body, expected);
    }

    JsonNode patch(String path, String token, String body) throws Exception {
        return call("PATCH", path, token, body, 200);
    }

    JsonNode call(String method, String path, String token, String body, int expected) throws Exception {
        HttpResponse<String> r = send(method, path, token, body);
        assertEquals(expected, r.statusCode(), method + " " + path + ": " + r.body());
        return JSON.readTree(r.body());
    }

    /** Asserts a JSON error with {@code status}; returns its message. */
    static String error(HttpResponse<String> r, int status) throws IOException {
        return errorNode(r, status).get("message").asText();
    }

    /** Asserts a JSON error with {@code status} and {@code code}; returns its message. */
    static String error(HttpResponse<String> r, int status, String code) throws IOException {
        JsonNode e = errorNode(r, status);
        assertEquals(code, e.get("code").asText(), r.body());
        return e.get("message").asText();
    }

    private static JsonNode errorNode(HttpResponse<String> r, int status) throws IOException {
        assertEquals(status, r.statusCode(), r.body());
        assertEquals("application/json; charset=utf-8", r.headers().firstValue("Content-Type").orElse(""));
        JsonNode root = JSON.readTree(r.body());
        assertEquals(Set.of("error"), fieldNames(root), r.body());
        assertEquals(Set.of("code", "message"), fieldNames(root.get("error")), r.body());
        return root.get("error");
    }

    static Set<String> fieldNames(JsonNode o) {
        Set<String> names = new TreeSet<>();
        o.fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** @return the values of {@code field} in a page's items, in page order */
    static List<String> list(JsonNode page, String field) {
        List<String> values = new ArrayList<>();
        page.get("value").forEach(v -> values.add(v.get(field).asText()));
        return values;
    }

    /** @return the values of {@code field} in a page's items, sorted */
    static Set<String> ids(JsonNode page, String field) {
        return new TreeSet<>(list(page, field));
    }

    int stored() throws Exception {
        return store.history(null, null).size();
    }
}
