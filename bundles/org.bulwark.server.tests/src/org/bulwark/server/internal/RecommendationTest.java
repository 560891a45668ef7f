package org.bulwark.server.internal;

import static org.bulwark.server.internal.ServerFixture.error;
import static org.bulwark.server.internal.ServerFixture.ids;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.bulwark.benchmark.api.Control;
import org.bulwark.scoring.api.ControlScore;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/** {@code /api/recommendations}, {@code …/{id}} and {@code …/{id}/machines}, within the caller's groups. */
class RecommendationTest extends ServerTestBase {

    @Test
    void recommendationsFilterSortPageAndStayInScope() throws Exception {
        List<Control> controls = fleet.controls;
        String c0 = controls.get(0).id();
        String c1 = controls.get(1).id();
        String c2 = controls.get(2).id();
        assertEquals(Set.of(c0, c1, c2), ids(fleet.get("/api/recommendations", fleet.admin), "id"));
        assertEquals(Set.of(c0), ids(fleet.get("/api/recommendations", fleet.viewerWeb), "id"));
        assertEquals(Set.of(c0, c1), ids(fleet.get("/api/recommendations", fleet.viewerDb), "id"));
        JsonNode r0 = fleet.get("/api/recommendations/" + c0, fleet.viewerWeb);
        assertEquals(List.of("category", "description", "exceptedMachines", "exposedMachines", "id", "impact",
                "remediation", "remediationType", "status", "title", "weight"),
                List.copyOf(ServerFixture.fieldNames(r0)));
        assertEquals(1, r0.get("exposedMachines").asInt());
        assertEquals(0, r0.get("exceptedMachines").asInt());
        assertEquals("ACTIVE", r0.get("status").asText());
        assertEquals(controls.get(0).title(), r0.get("title").asText());
        assertEquals(controls.get(0).category().name(), r0.get("category").asText());
        assertEquals(controls.get(0).weight(), r0.get("weight").asInt());
        assertEquals(controls.get(0).remediation().type().name(), r0.get("remediationType").asText());
        assertEquals(2, fleet.get("/api/recommendations/" + c0, fleet.admin).get("exposedMachines").asInt());
        assertEquals("no recommendation '" + c1 + "' for your machines",
                error(fleet.send("GET", "/api/recommendations/" + c1, fleet.viewerWeb, null), 404, "not_found"));
        assertEquals(List.of("m-web"), ServerFixture.list(fleet.get("/api/recommendations/" + c0 + "/machines",
                fleet.viewerWeb), "id"));
        JsonNode exposed = fleet.get("/api/recommendations/" + c0 + "/machines", fleet.admin);
        assertEquals(List.of("m-db", "m-web"), ServerFixture.list(exposed, "id"));
        assertEquals(List.of("FAIL", "FAIL"), ServerFixture.list(exposed, "state"));
        assertEquals("no control 'nope'", error(fleet.send("GET", "/api/recommendations/nope/machines",
                fleet.admin, null), 404, "not_found"));
        // filters
        String cat = controls.get(0).category().name();
        Set<String> ofCategory = new TreeSet<>();
        Set<String> ofType = new TreeSet<>();
        String type = controls.get(2).remediation().type().name();
        for (Control c : controls.subList(0, 3)) {
            if (c.category().name().equals(cat)) {
                ofCategory.add(c.id());
            }
            if (c.remediation().type().name().equals(type)) {
                ofType.add(c.id());
            }
        }
        assertEquals(ofCategory, ids(fleet.get("/api/recommendations?category=" + cat.toLowerCase().replace('_', '-'),
                fleet.admin), "id"));
        assertEquals(3, fleet.get("/api/recommendations?status=active", fleet.admin).get("count").asInt());
        assertEquals(0, fleet.get("/api/recommendations?status=exception", fleet.admin).get("count").asInt());
        assertEquals(Set.of(c1), ids(fleet.get("/api/recommendations?text="
                + URLEncoder.encode(controls.get(1).title(), StandardCharsets.UTF_8), fleet.admin), "id"));
        assertEquals(ofType, ids(fleet.get("/api/recommendations?remediationType=" + type, fleet.admin), "id"));
        // sorting and paging
        List<String> titles = ServerFixture.list(fleet.get("/api/recommendations?orderBy=title%20asc", fleet.admin),
                "title");
        List<String> sorted = new ArrayList<>(titles);
        sorted.sort(null);
        assertEquals(sorted, titles);
        List<ControlScore> scores = new ArrayList<>(fleet.standardScore(List.of("m-web", "m-db", "m-other"),
                List.of()).controls());
        scores.removeIf(c -> c.exposed() == 0);
        scores.sort(Comparator.comparingDouble(ControlScore::impact).reversed().thenComparing(ControlScore::controlId));
        List<String> byImpactIds = new ArrayList<>();
        List<Double> impacts = new ArrayList<>();
        scores.forEach(c -> {
            byImpactIds.add(c.controlId());
            impacts.add(c.impact());
        });
        JsonNode byImpact = fleet.get("/api/recommendations", fleet.admin);
        assertEquals(byImpactIds, ServerFixture.list(byImpact, "id"));
        List<Double> shown = new ArrayList<>();
        byImpact.get("value").forEach(v -> shown.add(v.get("impact").asDouble()));
        assertEquals(impacts, shown);
        JsonNode page = fleet.get("/api/recommendations?$top=2&$skip=1", fleet.admin);
        assertEquals(3, page.get("count").asInt());
        assertEquals(byImpactIds.subList(1, 3), ServerFixture.list(page, "id"));
        assertFalse(page.has("nextSkip"));
        // bad parameters
        assertTrue(error(fleet.send("GET", "/api/recommendations?category=nope", fleet.admin, null), 400,
                "invalid_input").startsWith("category: "));
        assertEquals("status: one of active, exception, partial-exception", error(fleet.send("GET",
                "/api/recommendations?status=nope", fleet.admin, null), 400, "invalid_parameter"));
        assertEquals("orderBy: one of impact, title, id, exposedMachines, weight, with asc or desc",
                error(fleet.send("GET", "/api/recommendations?orderBy=nope", fleet.admin, null), 400,
                        "invalid_parameter"));
        assertEquals("orderBy: direction must be asc or desc", error(fleet.send("GET",
                "/api/recommendations?orderBy=title%20up", fleet.admin, null), 400, "invalid_parameter"));
        assertEquals("$top: not an integer", error(fleet.send("GET", "/api/recommendations?$top=x", fleet.admin,
                null), 400, "invalid_parameter"));
    }
}
