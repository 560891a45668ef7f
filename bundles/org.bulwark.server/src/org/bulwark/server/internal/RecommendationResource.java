package org.bulwark.server.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;

import org.bulwark.benchmark.api.Benchmark;
import org.bulwark.benchmark.api.BenchmarkRegistry;
import org.bulwark.benchmark.api.Control;
import org.bulwark.benchmark.api.RemediationType;
import org.bulwark.collector.api.Category;
import org.bulwark.operations.api.EntityJson;
import org.bulwark.operations.api.RecommendationRow;
import org.bulwark.operations.api.RecommendationRows;
import org.bulwark.scoring.api.DeviceResults;
import org.bulwark.scoring.api.Recommendation;
import org.bulwark.scoring.api.ResultState;
import org.bulwark.store.api.DevicePlatform;
import org.bulwark.store.api.StoreException;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * {@code /api/recommendations} (filtered, sorted, paged), {@code …/{id}} and {@code …/{id}/machines}: the controls
 * that the caller's machines fail or have excepted, as {@link RecommendationRows} makes them (one status rule for
 * every front end), by impact.
 */
final class RecommendationResource implements Resource {

    /** The orders of {@code orderBy}, ascending; title and id sort ascending by default, the others descending. */
    private static final Map<String, Comparator<RecommendationRow>> ORDERS = orders();
    private static final int MAX_CACHED = 8;

    private static Map<String, Comparator<RecommendationRow>> orders() {
        Map<String, Comparator<RecommendationRow>> orders = new LinkedHashMap<>();
        orders.put("impact", Comparator.comparingDouble(RecommendationRow::impact));
        orders.put("title", Comparator.comparing(RecommendationRow::title));
        orders.put("id", Comparator.comparing(RecommendationRow::controlId));
        orders.put("exposedMachines", Comparator.comparingInt(r -> r.exposedDevices().size()));
        orders.put("weight", Comparator.comparingInt(RecommendationRow::weight));
        return Collections.unmodifiableMap(orders);
    }

    private final FleetState state;
    private final BenchmarkRegistry registry;
    private final RecommendationRows recommendations;
    private final EntityJson json;
    /** The rows of the latest snapshots asked for (one per scope at most a few): a snapshot is immutable. */
    private final AtomicReference<List<Cached>> cache = new AtomicReference<>(List.of());

    private record Cached(FleetState.Snapshot snapshot, List<Benchmark> content, List<RecommendationRow> rows) {
        boolean holds(FleetState.Snapshot f, List<Benchmark> installed) {
            if (snapshot != f || content.size() != installed.size()) {
                return false;
            }
            for (int i = 0; i < installed.size(); i++) {
                if (content.get(i) != installed.get(i)) {
                    return false;
                }
            }
            return true;
        }
    }

    RecommendationResource(FleetState state, BenchmarkRegistry registry, Operations operations) {
        this.state = state;
        this.registry = registry;
        this.recommendations = operations.recommendations();
        this.json = operations.json();
    }

    @Override
    public void register(Routes routes) {
        routes.add("GET", "/api/recommendations", BearerAuth.READERS, this::list);
        routes.add("GET", "/api/recommendations/{id}", BearerAuth.READERS, this::one);
        routes.add("GET", "/api/recommendations/{id}/machines", BearerAuth.READERS, this::machines);
    }

    /**
     * @return the rows of {@code f}, built once per snapshot and installed content: a fleet state's snapshot stays
     *         the same object until an upload, an exception change or time changes its figures
     */
    private List<RecommendationRow> rows(FleetState.Snapshot f) {
        List<Benchmark> content = registry.benchmarks();
        List<Cached> cached = cache.get();
        for (Cached c : cached) {
            if (c.holds(f, content)) {
                return c.rows();
            }
        }
        List<RecommendationRow> rows = List.copyOf(recommendations.rows(f.score(), f.devices(), f.exceptions(),
                f.controls(), content));
        List<Cached> next = new ArrayList<>(MAX_CACHED);
        next.add(new Cached(f, List.copyOf(content), rows));
        for (int i = 0; i < cached.size() && next.size() < MAX_CACHED; i++) {
            next.add(cached.get(i));
        }
        cache.set(List.copyOf(next));
        return rows;
    }

    /** @return a row in the vocabulary of {@link EntityJson}, with {@code null} for an impact that counts nothing */
    private Map<String, Object> json(RecommendationRow row) {
        Map<String, Object> o = json.recommendation(row);
        double impact = row.impact();
        o.put("impact", Double.isNaN(impact) ? null : impact);
        return o;
    }

    private Reply list(Request request) throws StoreException {
        Map<String, String> q = request.query();
        Predicate<RecommendationRow> keep = r -> true;
        if (q.containsKey("category")) {
            Category c = Fields.parse(() -> Category.parse(q.get("category")), "category");
            keep = keep.and(r -> r.category() == c);
        }
        if (q.containsKey("status")) {
            Recommendation.Status s = status(q.get("status"));
            keep = keep.and(r -> r.status() == s);
        }
        if (q.containsKey("remediationType")) {
            RemediationType t = Fields.parse(() -> RemediationType.valueOf(Fields.norm(q.get("remediationType"))),
                    "remediationType");
            keep = keep.and(r -> r.remediationType() == t);
        }
        if (q.containsKey("text")) {
            String t = q.get("text").toLowerCase(Locale.ROOT);
            keep = keep.and(r -> (r.controlId() + "\n" + r.title() + "\n"
                    + (r.description() == null ? "" : r.description())).toLowerCase(Locale.ROOT).contains(t));
        }
        Comparator<RecommendationRow> order = Paging.orderBy(q.getOrDefault("orderBy", "impact desc"), ORDERS,
                Set.of("title", "id"));
        List<RecommendationRow> kept = new ArrayList<>(rows(state.snapshot(request.principal())).stream()
                .filter(keep).toList());
        kept.sort(order.thenComparing(RecommendationRow::controlId));
        return Paging.page(request, kept, this::json);
    }

    private static Recommendation.Status status(String text) {
        try {
            return Recommendation.Status.valueOf(Fields.norm(text));
        } catch (IllegalArgumentException e) {
            throw ApiError.parameter("status: one of active, exception, partial-exception");
        }
    }

    private Reply one(Request request) throws StoreException {
        for (RecommendationRow r : rows(state.snapshot(request.principal()))) {
            if (r.controlId().equals(request.param(0))) {
                return Reply.json(200, json(r));
            }
        }
        throw ApiError.notFound("no recommendation '" + request.param(0) + "' for your machines");
    }

    private boolean installed(String controlId) {
        for (Benchmark b : registry.benchmarks()) {
            for (Control c : b.controls()) {
                if (c.id().equals(controlId)) {
                    return true;
                }
            }
        }
        return false;
    }

    private Reply machines(Request request) throws StoreException {
        String id = request.param(0);
        if (!installed(id)) {
            throw ApiError.notFound("no control '" + id + "'");
        }
        FleetState.Snapshot f = state.snapshot(request.principal());
        List<DeviceResults> exposed = new ArrayList<>();
        for (DeviceResults d : f.devices()) {
            ResultState s = d.states().get(id);
            if (s != null && s.counted() && s != ResultState.PASS) {
                exposed.add(d);
            }
        }
        exposed.sort(Comparator.comparing(d -> d.device().id()));
        Map<String, DevicePlatform> platforms = state.platforms();
        return Paging.page(request, exposed, d -> {
            ObjectNode o = ServerJson.machine(d.device(), ServerJson.osPlatform(json, platforms, d.device().id()),
                    f.device(d.device().id()), d.assessedAt());
            o.put("state", d.states().get(id).name());
            return o;
        });
    }
}
