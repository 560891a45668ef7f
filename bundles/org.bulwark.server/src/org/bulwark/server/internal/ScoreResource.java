package org.bulwark.server.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.bulwark.collector.api.Category;
import org.bulwark.scoring.api.Device;
import org.bulwark.scoring.api.Points;
import org.bulwark.store.api.AssessmentStore;
import org.bulwark.store.api.AssessmentSummary;
import org.bulwark.store.api.StoreException;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * {@code /api/configurationScore}, {@code …/categories} and {@code …/history}: the caller's fleet score, by category,
 * and every stored assessment of its machines over time.
 */
final class ScoreResource implements Resource {

    private final FleetState state;
    private final AssessmentStore store;

    ScoreResource(FleetState state, AssessmentStore store) {
        this.state = state;
        this.store = store;
    }

    @Override
    public void register(Routes routes) {
        routes.add("GET", "/api/configurationScore", BearerAuth.READERS, this::score);
        routes.add("GET", "/api/configurationScore/categories", BearerAuth.READERS, this::categories);
        routes.add("GET", "/api/configurationScore/history", BearerAuth.READERS, this::history);
    }

    private Reply score(Request request) throws StoreException {
        FleetState.Snapshot f = state.snapshot(request.principal());
        ObjectNode o = ServerJson.JSON.createObjectNode();
        ServerJson.points(o, f.score().points());
        o.put("time", f.time().toString());
        o.put("machines", f.score().devices().size());
        return Reply.json(200, o);
    }

    private Reply categories(Request request) throws StoreException {
        FleetState.Snapshot f = state.snapshot(request.principal());
        ArrayNode a = ServerJson.JSON.createArrayNode();
        for (Category c : Category.values()) {
            ObjectNode o = a.addObject();
            o.put("category", c.name());
            o.put("label", c.label());
            ServerJson.points(o, f.score().categories().getOrDefault(c, new Points(0, 0)));
        }
        ObjectNode root = ServerJson.JSON.createObjectNode();
        root.put("time", f.time().toString());
        root.set("value", a);
        return Reply.json(200, root);
    }

    private Reply history(Request request) throws StoreException {
        Map<String, Device> visible = Scope.of(state, request.principal()).devices();
        Instant since = Fields.instant(request.query(), "since");
        List<AssessmentSummary> mine = new ArrayList<>();
        for (AssessmentSummary s : store.history(null, since)) {
            if (visible.containsKey(s.device().id())) {
                mine.add(s);
            }
        }
        return Paging.page(request, mine, s -> {
            ObjectNode o = ServerJson.JSON.createObjectNode();
            o.put("assessmentId", s.id());
            o.put("machineId", s.device().id());
            o.put("time", s.finished().toString());
            ServerJson.points(o, s.points());
            if (s.exposure().isPresent()) {
                o.put("exposureScore", s.exposure().get());
            } else {
                o.putNull("exposureScore");
            }
            return o;
        });
    }
}
