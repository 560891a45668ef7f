package org.bulwark.server.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import org.bulwark.benchmark.api.Benchmark;
import org.bulwark.benchmark.api.BenchmarkRegistry;
import org.bulwark.benchmark.api.Control;
import org.bulwark.benchmark.api.RemediationType;
import org.bulwark.collector.api.Category;
import org.bulwark.scoring.api.ControlScore;
import org.bulwark.scoring.api.DeviceResults;
import org.bulwark.scoring.api.ResultState;
import org.bulwark.store.api.StoreException;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * {@code /api/recommendations} (filtered, sorted, paged), {@code …/{id}} and {@code …/{id}/machines}: the controls
 * that the caller's machines fail or have excepted, by impact.
 */
final class RecommendationResource implements Resource {

    /** One recommendation: a control some of the caller's machines fail or have excepted. */
    private record Row(ControlScore score, Control control, String status) {
        String id() {
            return score.controlId();
        }

        String title() {
            return control == null ? score.controlId() : control.title();
        }

        String description() {
            return control == null ? null : control.description();
        }

        RemediationType remediationType() {
            return control == null ? null : control.remediation().type();
        }
    }

    /** The orders of {@code orderBy}, ascending; title and id sort ascending by default, the others descending. */
    private static final Map<String, Comparator<Row>> ORDERS = orders();

    private static Map<String, Comparator<Row>> orders() {
        Map<String, Comparator<Row>> orders = new LinkedHashMap<>();
        orders.put("impact", Comparator.comparingDouble(r -> r.score().impact()));
        orders.put("title", Comparator.comparing(Row::title));
        orders.put("id", Comparator.comparing(Row::id));
        orders.put("exposedMachines", Comparator.comparingInt(r -> r.score().exposed()));
        orders.put("weight", Comparator.comparingInt(r -> r.score().weight()));
        return Collections.unmodifiableMap(orders);
    }

    private final FleetState state;
    private final BenchmarkRegistry registry;

    RecommendationResource(FleetState state, BenchmarkRegistry registry) {
        this.state = state;
        this.registry = registry;
    }

    @Override
    public void register(Routes routes) {
        routes.add("GET", "/api/recommendations", BearerAuth.READERS, this::list);
        routes.add("GET", "/api/recommendations/{id}", BearerAuth.READERS, this::one);
        routes.add("GET", "/api/recommendations/{id}/machines", BearerAuth.READERS, this::machines);
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

    private List<Row> rows(FleetState.Snapshot f) {
        Map<String, Control> content = content();
        List<Row> rows = new ArrayList<>();
        for (ControlScore c : f.score().controls()) {
            if (c.exposed() == 0 && c.excepted() == 0) {
                continue;
            }
            String status = c.exposed() == 0 ? "EXCEPTION" : c.excepted() > 0 ? "PARTIAL_EXCEPTION" : "ACTIVE";
            rows.add(new Row(c, content.get(c.controlId()), status));
        }
        return rows;
    }

    private static ObjectNode json(Row r) {
        ObjectNode o = ServerJson.JSON.createObjectNode();
        o.put("id", r.id());
        o.put("title", r.title());
        o.put("category", r.score().category().name());
        o.put("weight", r.score().weight());
        ServerJson.number(o, "impact", r.score().impact());
        o.put("exposedMachines", r.score().exposed());
        o.put("exceptedMachines", r.score().excepted());
        o.put("status", r.status());
        o.put("remediationType", r.remediationType() == null ? null : r.remediationType().name());
        o.put("remediation", r.control() == null ? null : r.control().remediation().text());
        o.put("description", r.description());
        return o;
    }

    private Reply list(Request request) throws StoreException {
        Map<String, String> q = request.query();
        Predicate<Row> keep = r -> true;
        if (q.containsKey("category")) {
            Category c = Fields.parse(() -> Category.parse(q.get("category")), "category");
            keep = keep.and(r -> r.score().category() == c);
        }
        if (q.containsKey("status")) {
            String s = Fields.norm(q.get("status"));
            if (!Set.of("ACTIVE", "EXCEPTION", "PARTIAL_EXCEPTION").contains(s)) {
                throw ApiError.parameter("status: one of active, exception, partial-exception");
            }
            keep = keep.and(r -> r.status().equals(s));
        }
        if (q.containsKey("remediationType")) {
            RemediationType t = Fields.parse(() -> RemediationType.valueOf(Fields.norm(q.get("remediationType"))),
                    "remediationType");
            keep = keep.and(r -> r.remediationType() == t);
        }
        if (q.containsKey("text")) {
            String t = q.get("text").toLowerCase(Locale.ROOT);
            keep = keep.and(r -> (r.id() + "\n" + r.title() + "\n" + (r.description() == null ? "" : r.description()))
                    .toLowerCase(Locale.ROOT).contains(t));
        }
        Comparator<Row> order = Paging.orderBy(q.getOrDefault("orderBy", "impact desc"), ORDERS,
                Set.of("title", "id"));
        List<Row> kept = new ArrayList<>(rows(state.snapshot(request.principal())).stream().filter(keep).toList());
        kept.sort(order.thenComparing(Row::id));
        return Paging.page(request, kept, RecommendationResource::json);
    }

    private Reply one(Request request) throws StoreException {
        for (Row r : rows(state.snapshot(request.principal()))) {
            if (r.id().equals(request.param(0))) {
                return Reply.json(200, json(r));
            }
        }
        throw ApiError.notFound("no recommendation '" + request.param(0) + "' for your machines");
    }

    private Reply machines(Request request) throws StoreException {
        String id = request.param(0);
        if (!content().containsKey(id)) {
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
        return Paging.page(request, exposed, d -> {
            ObjectNode o = ServerJson.machine(d.device(), f.device(d.device().id()), d.assessedAt());
            o.put("state", d.states().get(id).name());
            return o;
        });
    }
}
