package org.bulwark.server.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.bulwark.benchmark.api.Benchmark;
import org.bulwark.benchmark.api.BenchmarkRegistry;
import org.bulwark.benchmark.api.Control;
import org.bulwark.collector.api.Category;
import org.bulwark.collector.api.PlatformFacts;
import org.bulwark.report.api.ReportException;
import org.bulwark.report.api.ReportReader;
import org.bulwark.report.api.ReportWriter;
import org.bulwark.report.api.ReportedUpload;
import org.bulwark.scoring.api.AssessedControl;
import org.bulwark.scoring.api.Assessment;
import org.bulwark.scoring.api.BenchmarkInfo;
import org.bulwark.scoring.api.ControlException;
import org.bulwark.scoring.api.ControlRef;
import org.bulwark.scoring.api.ControlResult;
import org.bulwark.scoring.api.ControlScore;
import org.bulwark.scoring.api.Device;
import org.bulwark.scoring.api.DeviceResults;
import org.bulwark.scoring.api.DeviceScore;
import org.bulwark.scoring.api.FleetScore;
import org.bulwark.scoring.api.Justification;
import org.bulwark.scoring.api.Points;
import org.bulwark.scoring.api.ResultState;
import org.bulwark.scoring.api.ScoringService;
import org.bulwark.server.api.FleetServer;
import org.bulwark.server.api.Role;
import org.bulwark.store.api.AssessmentStore;
import org.bulwark.store.api.AssessmentSummary;
import org.bulwark.store.api.Remediation;
import org.bulwark.store.api.StoreException;
import org.bulwark.store.api.StoredException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

/**
 * The REST API: routes, authentication, access scoping and the handlers. Every answer is JSON (CSV exports
 * excepted); every error is {@code {"error": {"code": …, "message": …}}} with a 4xx or 5xx status.
 *
 * <p>Access: every request but the OpenAPI document needs {@code Authorization: Bearer <token>}. A token sees only
 * the devices of its groups: lists, details, exports and aggregates (scores, recommendations) are computed over those
 * devices only. A device that exists outside the caller's groups is answered like one that does not exist (404).
 */
final class Api implements HttpHandler {

    static final String UPLOAD_ID = "Upload-Id";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<Role> READERS = EnumSet.of(Role.VIEWER, Role.REMEDIATION_HANDLER,
            Role.EXCEPTION_HANDLER, Role.ADMINISTRATOR);
    private static final Set<Role> UPLOADERS = EnumSet.of(Role.AGENT, Role.ADMINISTRATOR);
    private static final Set<Role> REMEDIATORS = EnumSet.of(Role.REMEDIATION_HANDLER, Role.ADMINISTRATOR);
    private static final Set<Role> EXCEPTORS = EnumSet.of(Role.EXCEPTION_HANDLER, Role.ADMINISTRATOR);
    private static final Set<Role> ADMINS = EnumSet.of(Role.ADMINISTRATOR);
    private static final int DEFAULT_TOP = 100;
    private static final int MAX_TOP = 10_000;
    private static final long DRAIN_BYTES = 64L * 1024 * 1024;

    /** An error answer. */
    static final class ApiError extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final int status;
        final String code;

        ApiError(int status, String code, String message) {
            super(message);
            this.status = status;
            this.code = code;
        }
    }

    private record Reply(int status, String contentType, byte[] body) {
        static Reply json(int status, JsonNode node) {
            try {
                return new Reply(status, "application/json; charset=utf-8", JSON.writeValueAsBytes(node));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** A request as handlers see it. */
    private record Call(HttpExchange exchange, Tokens.Token token, List<String> params, Map<String, String> query) {
        String param(int i) {
            return params.get(i);
        }
    }

    @FunctionalInterface
    private interface Handler {
        Reply handle(Call call) throws Exception;
    }

    /** A route: method, path template with {@code {name}} segments, the roles that may call it. */
    record Route(String method, String template, Pattern pattern, Set<Role> roles, Handler handler) {
    }

    private final AssessmentStore store;
    private final ReportReader reader;
    private final ReportWriter writer;
    private final ScoringService scoring;
    private final BenchmarkRegistry registry;
    private final Tokens tokens;
    private final GroupRules groups;
    private final UploadLog uploads;
    private final FleetState state;
    private final long maxUpload;
    private final List<Route> routes = new ArrayList<>();

    Api(AssessmentStore store, ReportReader reader, ReportWriter writer, ScoringService scoring, BenchmarkRegistry registry,
            Tokens tokens, GroupRules groups, UploadLog uploads, FleetState state, long maxUpload) {
        this.store = store;
        this.reader = reader;
        this.writer = writer;
        this.scoring = scoring;
        this.registry = registry;
        this.tokens = tokens;
        this.groups = groups;
        this.uploads = uploads;
        this.state = state;
        this.maxUpload = maxUpload;
        route("GET", "/api/openapi.json", null, this::openapi);
        route("POST", "/api/assessments", UPLOADERS, this::upload);
        route("GET", "/api/configurationScore", READERS, this::score);
        route("GET", "/api/configurationScore/categories", READERS, this::categories);
        route("GET", "/api/configurationScore/history", READERS, this::history);
        route("GET", "/api/recommendations", READERS, this::recommendations);
        route("GET", "/api/recommendations/{id}", READERS, this::recommendation);
        route("GET", "/api/recommendations/{id}/machines", READERS, this::recommendationMachines);
        route("GET", "/api/machines", READERS, this::machines);
        route("GET", "/api/machines/{id}", READERS, this::machine);
        route("GET", "/api/machines/{id}/assessments", READERS, this::machineAssessments);
        route("GET", "/api/export/assessmentsByMachine", READERS, this::export);
        route("GET", "/api/exceptions", READERS, this::exceptions);
        route("POST", "/api/exceptions", EXCEPTORS, this::createException);
        route("PATCH", "/api/exceptions/{id}", EXCEPTORS, this::updateException);
        route("POST", "/api/exceptions/{id}/cancel", EXCEPTORS, this::cancelException);
        route("GET", "/api/exceptions.csv", READERS, this::exceptionsCsv);
        route("GET", "/api/remediations", READERS, this::remediations);
        route("POST", "/api/remediations", REMEDIATORS, this::createRemediation);
        route("PATCH", "/api/remediations/{id}", REMEDIATORS, this::updateRemediation);
        route("POST", "/api/remediations/{id}/complete", REMEDIATORS, this::completeRemediation);
        route("POST", "/api/remediations/{id}/cancel", REMEDIATORS, this::cancelRemediation);
        route("GET", "/api/remediations.csv", READERS, this::remediationsCsv);
        route("GET", "/api/deviceGroups", READERS, this::deviceGroups);
        route("PUT", "/api/deviceGroups", ADMINS, this::putDeviceGroups);
    }

    List<Route> routes() {
        return List.copyOf(routes);
    }

    private void route(String method, String template, Set<Role> roles, Handler handler) {
        String regex = Pattern.quote(template).replaceAll("\\{[a-zA-Z]+\\}", "\\\\E([^/]+)\\\\Q");
        routes.add(new Route(method, template, Pattern.compile(regex), roles, handler));
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        Reply reply;
        try {
            reply = dispatch(exchange);
        } catch (ApiError e) {
            reply = error(e.status, e.code, e.getMessage());
        } catch (StoreException e) {
            reply = switch (e.reason()) {
                case INVALID_INPUT -> error(400, "invalid_input", e.getMessage());
                case NOT_FOUND -> error(404, "not_found", e.getMessage());
                default -> error(503, "store_unavailable", e.getMessage());
            };
        } catch (Exception e) {
            reply = error(500, "internal_error", String.valueOf(e));
        }
        try (exchange) {
            // Read what is left of the request (bounded) before answering: closing a socket with unread data
            // resets the connection, and the client would lose the answer (e.g. a 413 or 401 before the body).
            drain(exchange);
            exchange.getResponseHeaders().set("Content-Type", reply.contentType());
            exchange.sendResponseHeaders(reply.status(), reply.body().length == 0 ? -1 : reply.body().length);
            if (reply.body().length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(reply.body());
                }
            }
        }
    }

    private void drain(HttpExchange exchange) {
        long limit = Math.max(DRAIN_BYTES, 2 * maxUpload);
        byte[] chunk = new byte[64 * 1024];
        try {
            InputStream in = exchange.getRequestBody();
            long total = 0;
            int n;
            while (total <= limit && (n = in.read(chunk)) > 0) {
                total += n;
            }
            if (total > limit) {
                exchange.getResponseHeaders().set("Connection", "close");
            }
        } catch (IOException e) {
            // the client went away; the answer will fail too
        }
    }

    private Reply dispatch(HttpExchange exchange) throws Exception {
        String path = exchange.getRequestURI().getRawPath();
        boolean pathKnown = false;
        for (Route r : routes) {
            Matcher m = r.pattern().matcher(path);
            if (!m.matches()) {
                continue;
            }
            pathKnown = true;
            if (!r.method().equals(exchange.getRequestMethod())) {
                continue;
            }
            List<String> params = new ArrayList<>();
            for (int i = 1; i <= m.groupCount(); i++) {
                params.add(URLDecoder.decode(m.group(i), StandardCharsets.UTF_8));
            }
            Tokens.Token token = null;
            if (r.roles() != null) {
                String auth = exchange.getRequestHeaders().getFirst("Authorization");
                if (auth == null || !auth.regionMatches(true, 0, "Bearer ", 0, 7)) {
                    throw new ApiError(401, "unauthorized", "an API token is required: Authorization: Bearer <token>");
                }
                token = tokens.find(auth.substring(7).trim());
                if (token == null) {
                    throw new ApiError(401, "unauthorized", "unknown API token");
                }
                if (!r.roles().contains(token.role())) {
                    throw new ApiError(403, "forbidden", "role " + token.role() + " may not " + r.method() + " "
                            + r.template());
                }
            }
            return r.handler().handle(new Call(exchange, token, params, query(exchange)));
        }
        if (pathKnown) {
            throw new ApiError(405, "method_not_allowed", exchange.getRequestMethod() + " is not allowed on " + path);
        }
        throw new ApiError(404, "not_found", "no such endpoint: " + path);
    }

    private static Map<String, String> query(HttpExchange exchange) {
        Map<String, String> q = new HashMap<>();
        String raw = exchange.getRequestURI().getRawQuery();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                q.put(k, v);
            }
        }
        return q;
    }

    static Reply error(int status, String code, String message) {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode e = root.putObject("error");
        e.put("code", code);
        e.put("message", message);
        return Reply.json(status, root);
    }

    // ---------------------------------------------------------------- access

    /** The devices a token sees, by id. A device's group is the one the store keeps for it. */
    private Map<String, Device> visible(Tokens.Token token) {
        Map<String, Device> all = state.devices();
        if (token.allGroups()) {
            return all;
        }
        Map<String, Device> map = new HashMap<>();
        for (Device d : all.values()) {
            if (token.sees(groupOf(d))) {
                map.put(d.id(), d);
            }
        }
        return map;
    }

    static String groupOf(Device d) {
        return d.groups().isEmpty() ? FleetServer.UNGROUPED : d.groups().iterator().next();
    }

    private FleetState.Snapshot fleet(Tokens.Token token) throws StoreException {
        return state.snapshot(token);
    }

    private Device visibleDevice(Call call, String idOrName) {
        Map<String, Device> visible = visible(call.token());
        Device d = visible.get(idOrName);
        if (d == null) {
            for (Device v : visible.values()) {
                if (v.hostname().equals(idOrName)) {
                    return v;
                }
            }
            throw new ApiError(404, "not_found", "no machine '" + idOrName + "'");
        }
        return d;
    }

    private Map<String, Control> content() {
        Map<String, Control> map = new LinkedHashMap<>();
        for (Benchmark b : registry.benchmarks()) {
            for (Control c : b.controls()) {
                map.putIfAbsent(c.id(), c);
            }
        }
        return map;
    }

    // ---------------------------------------------------------------- upload

    private Reply upload(Call call) throws Exception {
        HttpExchange ex = call.exchange();
        String uploadId = ex.getRequestHeaders().getFirst(UPLOAD_ID);
        if (uploadId != null && (uploadId.isBlank() || uploadId.length() > 200)) {
            throw new ApiError(400, "invalid_upload_id", UPLOAD_ID + ": 1 to 200 characters");
        }
        Body body = readBody(ex);
        if (uploadId == null) {
            return stored(store(body, call.token()), false);
        }
        while (true) {
            CompletableFuture<Long> earlier = uploads.claim(uploadId);
            if (earlier == null) {
                break;
            }
            try {
                return stored(earlier.get(), true);
            } catch (ExecutionException e) {
                // the first attempt failed and released the id: claim it again and store this one
            }
        }
        try {
            AssessmentSummary s = store(body, call.token());
            uploads.stored(uploadId, s.id());
            return stored(s, false);
        } catch (Exception | Error e) {
            uploads.failed(uploadId, e instanceof Exception x ? x : new RuntimeException(e));
            throw e;
        }
    }

    private Reply stored(AssessmentSummary s, boolean duplicate) {
        ObjectNode o = JSON.createObjectNode();
        o.put("id", s.id());
        o.put("machineId", s.device().id());
        o.put("group", groupOf(s.device()));
        number(o, "score", s.score());
        o.put("duplicate", duplicate);
        return Reply.json(201, o);
    }

    private Reply stored(long id, boolean duplicate) {
        ObjectNode o = JSON.createObjectNode();
        o.put("id", id);
        o.put("duplicate", duplicate);
        return Reply.json(200, o);
    }

    /**
     * An upload's body: its JSON, and the gzip it was sent as ({@code null} when sent uncompressed), which the store
     * keeps as it is instead of compressing the JSON again.
     */
    private record Body(byte[] json, byte[] gzip) {
    }

    private Body readBody(HttpExchange ex) throws IOException {
        String length = ex.getRequestHeaders().getFirst("Content-Length");
        if (length != null) {
            try {
                if (Long.parseLong(length.trim()) > maxUpload) {
                    throw tooLarge();
                }
            } catch (NumberFormatException e) {
                throw new ApiError(400, "bad_request", "Content-Length is not a number");
            }
        }
        String encoding = ex.getRequestHeaders().getFirst("Content-Encoding");
        boolean gzip = encoding != null && encoding.trim().equalsIgnoreCase("gzip");
        if (encoding != null && !gzip && !encoding.trim().equalsIgnoreCase("identity")) {
            throw new ApiError(415, "unsupported_encoding", "Content-Encoding " + encoding
                    + " is not supported: send gzip or identity");
        }
        // not closed here: what is left of an oversized body is drained (bounded) before the answer
        byte[] body = readAtMost(ex.getRequestBody());
        if (!gzip) {
            return new Body(body, null);
        }
        // the limit holds for the body as sent and as inflated: a small bomb does not get past it
        try (InputStream in = new java.util.zip.GZIPInputStream(new ByteArrayInputStream(body), 64 * 1024)) {
            return new Body(readAtMost(in), body);
        } catch (java.util.zip.ZipException | java.io.EOFException e) {
            throw new ApiError(400, "invalid_encoding", "the body is not valid gzip: " + e.getMessage());
        }
    }

    /** @return what {@code in} holds, at most {@code maxUpload} bytes (413 beyond) */
    private byte[] readAtMost(InputStream in) throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        byte[] chunk = new byte[64 * 1024];
        int n;
        while ((n = in.read(chunk)) > 0) {
            buffer.write(chunk, 0, n);
            if (buffer.size() > maxUpload) {
                throw tooLarge();
            }
        }
        return buffer.toByteArray();
    }

    private ApiError tooLarge() {
        return new ApiError(413, "payload_too_large", "the upload is larger than " + maxUpload + " bytes");
    }

    private AssessmentSummary store(Body body, Tokens.Token token) throws StoreException {
        ReportedUpload report;
        try {
            report = reader.readUpload("upload", new ByteArrayInputStream(body.json()));
        } catch (ReportException e) {
            throw new ApiError(400, "invalid_report", e.getMessage());
        }
        List<Benchmark> installed = registry.benchmarks(); // once: the content may change while we read
        Map<String, Control> content = new HashMap<>();
        Map<String, Benchmark> benchmarkOf = new HashMap<>();
        for (Benchmark b : installed) {
            for (Control c : b.controls()) {
                if (content.putIfAbsent(c.id(), c) == null) {
                    benchmarkOf.put(c.id(), b);
                }
            }
        }
        Map<String, Benchmark> benchmarks = new LinkedHashMap<>();
        List<String> unknown = new ArrayList<>();
        List<AssessedControl> controls = new ArrayList<>();
        List<ControlRef> refs = new ArrayList<>();
        for (Map.Entry<String, ResultState> r : report.states().entrySet()) {
            Control c = content.get(r.getKey());
            if (c == null) {
                unknown.add(r.getKey());
                continue;
            }
            Benchmark b = benchmarkOf.get(c.id());
            ResultState state = r.getValue();
            controls.add(new AssessedControl(c, b.id(),
                    new ControlResult(c.id(), state, state == ResultState.PASS ? null : "reported by the agent",
                            List.of())));
            refs.add(new ControlRef(c.id(), c.title(), c.category(), c.weight()));
            benchmarks.putIfAbsent(b.id(), b);
        }
        if (!unknown.isEmpty()) {
            throw new ApiError(400, "unknown_controls", "controls: unknown to this server: "
                    + String.join(", ", unknown.subList(0, Math.min(5, unknown.size())))
                    + (unknown.size() > 5 ? " and " + (unknown.size() - 5) + " more" : ""));
        }
        Device reported = report.device();
        String group = groups.groupOf(reported.hostname(), reported.os(), reported.groups());
        if (!token.sees(group)) {
            // a token scoped to groups uploads only devices of those groups, as it reads only those
            throw new ApiError(403, "forbidden", "group: machine '" + reported.hostname() + "' belongs to device "
                    + "group '" + group + "', which this token may not upload to (its groups: "
                    + String.join(", ", new java.util.TreeSet<>(token.groups())) + ")");
        }
        Device device = new Device(reported.id(), reported.hostname(), reported.os(), Set.of(group));
        Instant finished = report.assessedAt();
        List<ControlException> exceptions = new ArrayList<>();
        for (ControlException e : state.exceptions()) { // at most a second old
            if (content.containsKey(e.controlId()) && e.covers(device) && e.activeAt(finished)) {
                exceptions.add(e);
            }
        }
        FleetScore score = scoring.score(refs, List.of(new DeviceResults(device, finished, report.states())),
                exceptions, finished);
        List<BenchmarkInfo> infos = new ArrayList<>();
        for (Benchmark b : benchmarks.values()) {
            infos.add(new BenchmarkInfo(b.id(), b.title(), b.version(), b.origin(), b.sha256(), b.controls().size()));
        }
        PlatformFacts platform = new PlatformFacts("", "", "", device.os(), "", device.hostname(), device.id());
        Assessment a = new Assessment(device, platform, "", true, finished, finished, infos, List.of(), controls,
                score, List.of(), exceptions, List.of());
        AssessmentSummary saved = body.gzip() != null ? store.saveCompressed(a, body.gzip())
                : store.save(a, new String(body.json(), StandardCharsets.UTF_8));
        state.stored(saved.id(), new DeviceResults(device, finished, report.states()), refs);
        return saved;
    }

    // ---------------------------------------------------------------- score

    private Reply openapi(Call call) throws IOException {
        try (InputStream in = Api.class.getResourceAsStream("/openapi/openapi.json")) {
            if (in == null) {
                throw new ApiError(500, "internal_error", "openapi.json is missing from the bundle");
            }
            return new Reply(200, "application/json; charset=utf-8", in.readAllBytes());
        }
    }

    private Reply score(Call call) throws StoreException {
        FleetState.Snapshot f = fleet(call.token());
        ObjectNode o = JSON.createObjectNode();
        points(o, f.score().points());
        o.put("time", f.time().toString());
        o.put("machines", f.score().devices().size());
        return Reply.json(200, o);
    }

    private Reply categories(Call call) throws StoreException {
        FleetState.Snapshot f = fleet(call.token());
        ArrayNode a = JSON.createArrayNode();
        for (Category c : Category.values()) {
            ObjectNode o = a.addObject();
            o.put("category", c.name());
            o.put("label", c.label());
            points(o, f.score().categories().getOrDefault(c, new Points(0, 0)));
        }
        ObjectNode root = JSON.createObjectNode();
        root.put("time", f.time().toString());
        root.set("value", a);
        return Reply.json(200, root);
    }

    private Reply history(Call call) throws StoreException {
        Map<String, Device> visible = visible(call.token());
        Instant since = instant(call.query(), "since");
        List<AssessmentSummary> mine = new ArrayList<>();
        for (AssessmentSummary s : store.history(null, since)) {
            if (visible.containsKey(s.device().id())) {
                mine.add(s);
            }
        }
        return page(call, mine, s -> {
            ObjectNode o = JSON.createObjectNode();
            o.put("assessmentId", s.id());
            o.put("machineId", s.device().id());
            o.put("time", s.finished().toString());
            points(o, s.points());
            return o;
        });
    }

    // ---------------------------------------------------------------- recommendations

    private List<ObjectNode> recommendationRows(FleetState.Snapshot f) {
        Map<String, Control> content = content();
        List<ObjectNode> rows = new ArrayList<>();
        for (ControlScore c : f.score().controls()) {
            if (c.exposed() == 0 && c.excepted() == 0) {
                continue;
            }
            Control control = content.get(c.controlId());
            ObjectNode o = JSON.createObjectNode();
            o.put("id", c.controlId());
            o.put("title", control == null ? c.controlId() : control.title());
            o.put("category", c.category().name());
            o.put("weight", c.weight());
            number(o, "impact", c.impact());
            o.put("exposedMachines", c.exposed());
            o.put("exceptedMachines", c.excepted());
            o.put("status", c.exposed() == 0 ? "EXCEPTION" : c.excepted() > 0 ? "PARTIAL_EXCEPTION" : "ACTIVE");
            o.put("remediationType", control == null ? null : control.remediation().type().name());
            o.put("remediation", control == null ? null : control.remediation().text());
            o.put("description", control == null ? null : control.description());
            rows.add(o);
        }
        return rows;
    }

    private Reply recommendations(Call call) throws StoreException {
        Map<String, String> q = call.query();
        List<ObjectNode> rows = recommendationRows(fleet(call.token()));
        Predicate<ObjectNode> keep = o -> true;
        if (q.containsKey("category")) {
            Category c = parse(() -> Category.parse(q.get("category")), "category");
            keep = keep.and(o -> o.get("category").asText().equals(c.name()));
        }
        if (q.containsKey("status")) {
            String s = norm(q.get("status"));
            if (!Set.of("ACTIVE", "EXCEPTION", "PARTIAL_EXCEPTION").contains(s)) {
                throw new ApiError(400, "invalid_parameter", "status: one of active, exception, partial-exception");
            }
            keep = keep.and(o -> o.get("status").asText().equals(s));
        }
        if (q.containsKey("remediationType")) {
            String t = norm(q.get("remediationType"));
            parse(() -> org.bulwark.benchmark.api.RemediationType.valueOf(t), "remediationType");
            keep = keep.and(o -> t.equals(o.path("remediationType").asText()));
        }
        if (q.containsKey("text")) {
            String t = q.get("text").toLowerCase(Locale.ROOT);
            keep = keep.and(o -> (o.get("id").asText() + "\n" + o.get("title").asText() + "\n"
                    + o.path("description").asText()).toLowerCase(Locale.ROOT).contains(t));
        }
        List<ObjectNode> kept = new ArrayList<>(rows.stream().filter(keep).toList());
        String orderBy = q.getOrDefault("orderBy", "impact desc");
        String[] parts = orderBy.trim().split("\\s+");
        Comparator<ObjectNode> order = switch (parts[0]) {
            case "impact" -> Comparator.comparingDouble(o -> o.get("impact").asDouble());
            case "title" -> Comparator.comparing(o -> o.get("title").asText());
            case "id" -> Comparator.comparing(o -> o.get("id").asText());
            case "exposedMachines" -> Comparator.comparingInt(o -> o.get("exposedMachines").asInt());
            case "weight" -> Comparator.comparingInt(o -> o.get("weight").asInt());
            default -> throw new ApiError(400, "invalid_parameter",
                    "orderBy: one of impact, title, id, exposedMachines, weight, with asc or desc");
        };
        boolean desc = parts.length > 1 ? parts[1].equalsIgnoreCase("desc")
                : !parts[0].equals("title") && !parts[0].equals("id");
        if (parts.length > 1 && !parts[1].equalsIgnoreCase("desc") && !parts[1].equalsIgnoreCase("asc")) {
            throw new ApiError(400, "invalid_parameter", "orderBy: direction must be asc or desc");
        }
        kept.sort((desc ? order.reversed() : order).thenComparing(o -> o.get("id").asText()));
        return page(call, kept, o -> o);
    }

    private Reply recommendation(Call call) throws StoreException {
        for (ObjectNode o : recommendationRows(fleet(call.token()))) {
            if (o.get("id").asText().equals(call.param(0))) {
                return Reply.json(200, o);
            }
        }
        throw new ApiError(404, "not_found", "no recommendation '" + call.param(0) + "' for your machines");
    }

    private Reply recommendationMachines(Call call) throws StoreException {
        String id = call.param(0);
        if (!content().containsKey(id)) {
            throw new ApiError(404, "not_found", "no control '" + id + "'");
        }
        FleetState.Snapshot f = fleet(call.token());
        List<DeviceResults> exposed = new ArrayList<>();
        for (DeviceResults d : f.devices()) {
            ResultState s = d.states().get(id);
            if (s != null && s.counted() && s != ResultState.PASS) {
                exposed.add(d);
            }
        }
        exposed.sort(Comparator.comparing(d -> d.device().id()));
        return page(call, exposed, d -> {
            ObjectNode o = machineJson(d.device(), f.device(d.device().id()), d.assessedAt());
            o.put("state", d.states().get(id).name());
            return o;
        });
    }

    // ---------------------------------------------------------------- machines

    private ObjectNode machineJson(Device d, DeviceScore score, Instant lastSeen) {
        ObjectNode o = JSON.createObjectNode();
        o.put("id", d.id());
        o.put("hostname", d.hostname());
        o.put("os", d.os());
        o.put("group", groupOf(d));
        o.put("lastSeen", lastSeen == null ? null : lastSeen.toString());
        if (score != null) {
            points(o, score.points());
        }
        return o;
    }

    private Reply machines(Call call) throws StoreException {
        FleetState.Snapshot f = fleet(call.token());
        return page(call, f.devices(), d -> machineJson(d.device(), f.device(d.device().id()), d.assessedAt()));
    }

    private Reply machine(Call call) throws StoreException {
        Device d = visibleDevice(call, call.param(0));
        FleetState.Snapshot f = fleet(call.token());
        for (DeviceResults r : f.devices()) {
            if (r.device().id().equals(d.id())) {
                return Reply.json(200, machineJson(r.device(), f.device(d.id()), r.assessedAt()));
            }
        }
        return Reply.json(200, machineJson(d, null, null));
    }

    private Reply machineAssessments(Call call) throws StoreException {
        Device d = visibleDevice(call, call.param(0));
        return page(call, store.history(d.id(), null), s -> {
            ObjectNode o = JSON.createObjectNode();
            o.put("id", s.id());
            o.put("time", s.finished().toString());
            points(o, s.points());
            o.put("complete", s.complete());
            o.put("passed", s.coverage().passed());
            o.put("failed", s.coverage().failed());
            return o;
        });
    }

    /**
     * One row per (machine, control) result, by machine id then control id. Paged without building every row:
     * at 10,000 machines of 300 results there are three million.
     */
    private Reply export(Call call) throws StoreException {
        FleetState.Snapshot f = fleet(call.token());
        int[] bounds = pageBounds(call);
        int top = bounds[0];
        int skip = bounds[1];
        List<ControlRef> controls = new ArrayList<>(f.controls());
        controls.sort(Comparator.comparing(ControlRef::id));
        long total = 0;
        for (DeviceResults d : f.devices()) {
            total += d.states().size(); // every result's control is among the snapshot's controls
        }
        ObjectNode root = JSON.createObjectNode();
        root.put("count", total);
        ArrayNode value = root.putArray("value");
        long i = 0;
        for (DeviceResults d : f.devices()) {
            if (i + d.states().size() <= skip) {
                i += d.states().size();
                continue;
            }
            if (i >= (long) skip + top) {
                break;
            }
            for (ControlRef c : controls) {
                ResultState s = d.states().get(c.id());
                if (s == null) {
                    continue;
                }
                if (i >= skip && i < (long) skip + top) {
                    ObjectNode o = value.addObject();
                    o.put("machineId", d.device().id());
                    o.put("hostname", d.device().hostname());
                    o.put("group", groupOf(d.device()));
                    o.put("controlId", c.id());
                    o.put("title", c.title());
                    o.put("category", c.category().name());
                    o.put("weight", c.weight());
                    o.put("state", s.name());
                    o.put("time", d.assessedAt().toString());
                }
                i++;
            }
        }
        if ((long) skip + top < total) {
            root.put("nextSkip", (long) skip + top);
        }
        return Reply.json(200, root);
    }

    // ---------------------------------------------------------------- exceptions

    private boolean sees(Tokens.Token token, Map<String, Device> visible, ControlException e) {
        return switch (e.scope()) {
            case DEVICE -> visible.containsKey(e.target());
            case GROUP -> token.sees(e.target());
            case GLOBAL -> true;
        };
    }

    private List<StoredException> visibleExceptions(Call call) throws StoreException {
        Map<String, Device> visible = visible(call.token());
        List<StoredException> list = new ArrayList<>();
        for (StoredException e : store.exceptions()) {
            if (sees(call.token(), visible, e.exception())) {
                list.add(e);
            }
        }
        return list;
    }

    private static ObjectNode exceptionJson(StoredException s) {
        ControlException e = s.exception();
        ObjectNode o = JSON.createObjectNode();
        o.put("id", e.id());
        o.put("controlId", e.controlId());
        o.put("scope", e.scope().name());
        o.put("target", e.target());
        o.put("justification", e.justification().name());
        o.put("author", e.author());
        o.put("created", e.created().toString());
        o.put("expires", e.expires() == null ? null : e.expires().toString());
        o.put("notes", e.notes());
        o.put("status", s.status(Instant.now()).name());
        o.put("cancelled", s.cancelled() == null ? null : s.cancelled().toString());
        o.put("cancelledBy", s.cancelledBy());
        o.put("updated", s.updated() == null ? null : s.updated().toString());
        o.put("updatedBy", s.updatedBy());
        return o;
    }

    private Reply exceptions(Call call) throws StoreException {
        return page(call, visibleExceptions(call), Api::exceptionJson);
    }

    private Reply createException(Call call) throws Exception {
        JsonNode body = jsonBody(call);
        Instant now = Instant.now();
        ControlException.Scope scope = parse(() -> ControlException.Scope.valueOf(norm(required(body, "scope"))),
                "scope");
        String target = scope == ControlException.Scope.GLOBAL ? null : required(body, "target");
        Map<String, Device> visible = visible(call.token());
        switch (scope) {
            case DEVICE -> {
                Device d = visible.get(target);
                if (d == null) {
                    throw new ApiError(400, "invalid_input", "target: no machine '" + target + "'");
                }
            }
            case GROUP -> {
                if (!call.token().sees(target)) {
                    throw new ApiError(403, "forbidden", "target: group '" + target + "' is not one of yours");
                }
            }
            case GLOBAL -> {
                if (!call.token().allGroups()) {
                    throw new ApiError(403, "forbidden", "scope: a global exception needs a token for every group");
                }
            }
        }
        String id = body.hasNonNull("id") ? body.get("id").asText() : "ex-" + java.util.UUID.randomUUID();
        ControlException e = parse(() -> new ControlException(id, required(body, "controlId"), scope, target,
                Justification.valueOf(norm(required(body, "justification"))), call.token().name(), now,
                body.hasNonNull("expires") ? Instant.parse(body.get("expires").asText()) : null,
                body.hasNonNull("notes") ? body.get("notes").asText() : null), "exception");
        StoredException stored = store.createException(e);
        state.exceptionsChanged();
        return Reply.json(201, exceptionJson(stored));
    }

    /** The fields a {@code PATCH /api/exceptions/{id}} body may have. */
    static final List<String> EXCEPTION_PATCH_FIELDS = List.of("expires", "notes", "justification");

    private Reply updateException(Call call) throws Exception {
        StoredException e = changeableException(call);
        JsonNode body = patchBody(call, EXCEPTION_PATCH_FIELDS);
        StoredException.Update update = new StoredException.Update(
                body.hasNonNull("expires") ? parse(() -> Instant.parse(text(body, "expires")), "expires") : null,
                body.has("expires") && body.get("expires").isNull(),
                body.has("notes") ? (body.get("notes").isNull() ? "" : text(body, "notes")) : null,
                body.has("justification")
                        ? parse(() -> Justification.valueOf(norm(text(body, "justification"))), "justification")
                        : null);
        StoredException updated = store.updateException(e.exception().id(), update, call.token().name(),
                Instant.now());
        state.exceptionsChanged();
        return Reply.json(200, exceptionJson(updated));
    }

    private StoredException visibleException(Call call) throws StoreException {
        for (StoredException e : visibleExceptions(call)) {
            if (e.exception().id().equals(call.param(0))) {
                return e;
            }
        }
        throw new ApiError(404, "not_found", "no exception '" + call.param(0) + "'");
    }

    /** @return the exception the call names, if the caller may change it: a global one needs every group */
    private StoredException changeableException(Call call) throws StoreException {
        StoredException e = visibleException(call);
        if (e.exception().scope() == ControlException.Scope.GLOBAL && !call.token().allGroups()) {
            throw new ApiError(403, "forbidden", "exception '" + e.exception().id()
                    + "' is global: changing it needs a token for every group");
        }
        return e;
    }

    private Reply cancelException(Call call) throws StoreException {
        StoredException e = changeableException(call);
        StoredException cancelled = store.cancelException(e.exception().id(), call.token().name(), Instant.now());
        state.exceptionsChanged();
        return Reply.json(200, exceptionJson(cancelled));
    }

    private Reply exceptionsCsv(Call call) throws Exception {
        List<List<String>> rows = new ArrayList<>();
        for (StoredException s : visibleExceptions(call)) {
            ControlException e = s.exception();
            rows.add(java.util.Arrays.asList(e.id(), e.controlId(), word(e.scope()), e.target(),
                    word(e.justification()), e.author(), e.created().toString(), text(e.expires()),
                    word(s.status(Instant.now())), e.notes(), text(s.updated()), s.updatedBy(), text(s.cancelled()),
                    s.cancelledBy()));
        }
        // as the activities' export (Remediation.CSV_COLUMNS): snake_case columns, lower-case words
        return csv(List.of("id", "control_id", "scope", "target", "justification", "author", "created", "expires",
                "status", "notes", "updated", "updated_by", "cancelled", "cancelled_by"), rows);
    }

    private static String word(Enum<?> e) {
        return e == null ? null : e.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    // ---------------------------------------------------------------- remediations

    private List<Remediation> visibleRemediations(Call call) throws StoreException {
        Map<String, Device> visible = visible(call.token());
        List<Remediation> list = new ArrayList<>();
        for (Remediation r : store.remediations()) {
            boolean sees = r.scope() == Remediation.Scope.GROUP ? call.token().sees(r.group())
                    : visible.keySet().containsAll(r.devices());
            if (sees) {
                list.add(r);
            }
        }
        return list;
    }

    private static ObjectNode remediationJson(Remediation r) {
        ObjectNode o = JSON.createObjectNode();
        o.put("id", r.id());
        o.put("title", r.title());
        o.put("controlId", r.controlId());
        o.put("category", r.category() == null ? null : r.category().name());
        o.put("scope", r.scope().name());
        r.devices().forEach(o.putArray("devices")::add);
        o.put("group", r.group());
        o.put("priority", r.priority().name());
        o.put("due", r.due() == null ? null : r.due().toString());
        o.put("notes", r.notes());
        o.put("requester", r.requester());
        o.put("created", r.created() == null ? null : r.created().toString());
        o.put("status", r.status().name());
        o.put("completion", r.completion() == null ? null : r.completion().name());
        o.put("completed", r.completed() == null ? null : r.completed().toString());
        o.put("targetDevices", r.targetDevices());
        o.put("fixedDevices", r.fixedDevices());
        o.put("cancelled", r.cancelled() == null ? null : r.cancelled().toString());
        o.put("cancelledBy", r.cancelledBy());
        o.put("updated", r.updated() == null ? null : r.updated().toString());
        o.put("updatedBy", r.updatedBy());
        return o;
    }

    private Reply remediations(Call call) throws StoreException {
        return page(call, visibleRemediations(call), Api::remediationJson);
    }

    private Reply createRemediation(Call call) throws Exception {
        JsonNode body = jsonBody(call);
        Remediation.Scope scope = parse(() -> Remediation.Scope.valueOf(norm(required(body, "scope"))), "scope");
        List<String> devices = new ArrayList<>();
        String group = null;
        Map<String, Device> visible = visible(call.token());
        if (scope == Remediation.Scope.DEVICES) {
            if (!body.path("devices").isArray() || body.get("devices").isEmpty()) {
                throw new ApiError(400, "invalid_input", "devices: a non-empty array of machine ids is required");
            }
            for (JsonNode d : body.get("devices")) {
                if (!visible.containsKey(d.asText())) {
                    throw new ApiError(400, "invalid_input", "devices: no machine '" + d.asText() + "'");
                }
                devices.add(d.asText());
            }
        } else {
            group = required(body, "group");
            if (!call.token().sees(group)) {
                throw new ApiError(403, "forbidden", "group: '" + group + "' is not one of yours");
            }
        }
        String g = group;
        Remediation.Request request = parse(() -> new Remediation.Request(required(body, "title"),
                required(body, "controlId"), scope, devices, g,
                body.hasNonNull("priority") ? Remediation.Priority.valueOf(norm(body.get("priority").asText()))
                        : Remediation.Priority.MEDIUM,
                body.hasNonNull("due") ? LocalDate.parse(body.get("due").asText()) : null,
                body.hasNonNull("notes") ? body.get("notes").asText() : null, call.token().name()), "remediation");
        return Reply.json(201, remediationJson(store.createRemediation(request, Instant.now())));
    }

    private Reply completeRemediation(Call call) throws StoreException {
        long id = visibleRemediation(call);
        return Reply.json(200, remediationJson(store.completeRemediation(id, Instant.now())));
    }

    /** The fields a {@code PATCH /api/remediations/{id}} body may have. */
    static final List<String> REMEDIATION_PATCH_FIELDS = List.of("title", "priority", "due", "notes");

    private Reply updateRemediation(Call call) throws Exception {
        long id = visibleRemediation(call);
        JsonNode body = patchBody(call, REMEDIATION_PATCH_FIELDS);
        Remediation.Update update = new Remediation.Update(body.has("title") ? text(body, "title") : null,
                body.has("priority") ? parse(() -> Remediation.Priority.valueOf(norm(text(body, "priority"))),
                        "priority") : null,
                body.hasNonNull("due") ? parse(() -> LocalDate.parse(text(body, "due")), "due") : null,
                body.has("notes") ? (body.get("notes").isNull() ? "" : text(body, "notes")) : null,
                body.has("due") && body.get("due").isNull());
        return Reply.json(200, remediationJson(store.updateRemediation(id, update, call.token().name(),
                Instant.now())));
    }

    private Reply cancelRemediation(Call call) throws StoreException {
        long id = visibleRemediation(call);
        return Reply.json(200, remediationJson(store.cancelRemediation(id, call.token().name(), Instant.now())));
    }

    /** @return the id of the activity named by the path, if the caller's token sees it; else 404 */
    private long visibleRemediation(Call call) throws StoreException {
        long id;
        try {
            id = Long.parseLong(call.param(0));
        } catch (NumberFormatException e) {
            throw new ApiError(404, "not_found", "no remediation activity '" + call.param(0) + "'");
        }
        for (Remediation r : visibleRemediations(call)) {
            if (r.id() == id) {
                return id;
            }
        }
        throw new ApiError(404, "not_found", "no remediation activity '" + id + "'");
    }

    private Reply remediationsCsv(Call call) throws Exception {
        List<List<String>> rows = new ArrayList<>();
        for (Remediation r : visibleRemediations(call)) {
            rows.add(r.csvRow());
        }
        return csv(Remediation.CSV_COLUMNS, rows); // the columns of the CLI's and the workbench's exports
    }

    /** A CSV answer, escaped as every CSV Bulwark writes ({@link ReportWriter#writeCsv}). */
    private Reply csv(List<String> columns, List<List<String>> rows) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writer.writeCsv(columns, rows, out);
        return new Reply(200, "text/csv; charset=utf-8", out.toByteArray());
    }

    private static String text(Instant t) {
        return t == null ? null : t.toString();
    }

    // ---------------------------------------------------------------- device groups

    private Reply deviceGroups(Call call) {
        List<GroupRules.Rule> rules = new ArrayList<>();
        for (GroupRules.Rule r : groups.rules()) {
            if (call.token().sees(r.name())) {
                rules.add(r);
            }
        }
        ObjectNode root = JSON.createObjectNode();
        root.set("value", GroupRules.toJson(rules));
        return Reply.json(200, root);
    }

    private Reply putDeviceGroups(Call call) throws IOException {
        JsonNode body = jsonBody(call);
        try {
            groups.replace(body);
        } catch (IllegalArgumentException e) {
            throw new ApiError(400, "invalid_input", e.getMessage());
        }
        return deviceGroups(call);
    }

    // ---------------------------------------------------------------- helpers

    private JsonNode jsonBody(Call call) throws IOException {
        byte[] body = readBody(call.exchange()).json();
        try {
            JsonNode node = JSON.readTree(body);
            if (node == null || node.isMissingNode()) {
                throw new ApiError(400, "invalid_json", "a JSON body is required");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new ApiError(400, "invalid_json", "malformed JSON at line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr() + ": " + e.getOriginalMessage());
        }
    }

    /** @return a PATCH body: a JSON object with only {@code allowed} fields (400 naming the first other one) */
    private JsonNode patchBody(Call call, List<String> allowed) throws IOException {
        JsonNode body = jsonBody(call);
        if (!body.isObject()) {
            throw new ApiError(400, "invalid_input", "a JSON object with any of " + String.join(", ", allowed)
                    + " is required");
        }
        for (java.util.Iterator<String> names = body.fieldNames(); names.hasNext();) {
            String name = names.next();
            if (!allowed.contains(name)) {
                throw new ApiError(400, "invalid_input", name + ": unknown field (allowed: "
                        + String.join(", ", allowed) + ")");
            }
        }
        return body;
    }

    /** @return a PATCH field's text: it must be a JSON string */
    private static String text(JsonNode body, String field) {
        JsonNode v = body.get(field);
        if (v == null || !v.isTextual()) {
            throw new ApiError(400, "invalid_input", field + ": a string is required");
        }
        return v.asText();
    }

    private static String required(JsonNode body, String field) {
        JsonNode v = body.get(field);
        if (v == null || v.isNull() || !v.isValueNode() || v.asText().isBlank()) {
            throw new ApiError(400, "invalid_input", field + ": required");
        }
        return v.asText();
    }

    private interface Parse<T> {
        T get();
    }

    private static <T> T parse(Parse<T> p, String field) {
        try {
            return p.get();
        } catch (ApiError e) {
            throw e;
        } catch (IllegalArgumentException | DateTimeParseException | NullPointerException e) {
            throw new ApiError(400, "invalid_input", field + ": " + e.getMessage());
        }
    }

    private static String norm(String s) {
        return s.trim().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
    }

    private static Instant instant(Map<String, String> q, String name) {
        if (!q.containsKey(name)) {
            return null;
        }
        return parse(() -> Instant.parse(q.get(name)), name);
    }

    private interface Row<T> {
        JsonNode json(T t);
    }

    /** Pages {@code items} with {@code $top} (default 100, at most 10,000) and {@code $skip}. */
    private static <T> Reply page(Call call, Collection<T> items, Row<T> row) {
        int[] bounds = pageBounds(call);
        int top = bounds[0];
        int skip = bounds[1];
        ObjectNode root = JSON.createObjectNode();
        root.put("count", items.size());
        ArrayNode value = root.putArray("value");
        int i = 0;
        for (T t : items) {
            if (i >= skip && i < (long) skip + top) {
                value.add(row.json(t));
            }
            i++;
        }
        if ((long) skip + top < items.size()) {
            root.put("nextSkip", (long) skip + top);
        }
        return Reply.json(200, root);
    }

    /** @return {@code $top} and {@code $skip}, checked */
    private static int[] pageBounds(Call call) {
        int top = intParam(call.query(), "$top", DEFAULT_TOP);
        int skip = intParam(call.query(), "$skip", 0);
        if (top < 0 || top > MAX_TOP || skip < 0) {
            throw new ApiError(400, "invalid_parameter", "$top must be 0 to " + MAX_TOP + ", $skip at least 0");
        }
        return new int[] { top, skip };
    }

    private static int intParam(Map<String, String> q, String name, int fallback) {
        String v = q.get(name);
        if (v == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new ApiError(400, "invalid_parameter", name + ": not an integer");
        }
    }

    private static void points(ObjectNode o, Points p) {
        number(o, "score", p.score());
        number(o, "rawPoints", p.earned());
        number(o, "maxPoints", p.possible());
    }

    private static void number(ObjectNode o, String field, double v) {
        if (Double.isNaN(v)) {
            o.putNull(field);
        } else {
            o.put(field, Math.round(v * 100) / 100.0);
        }
    }
}
