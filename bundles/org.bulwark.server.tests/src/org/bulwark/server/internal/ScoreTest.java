package org.bulwark.server.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.bulwark.collector.api.Category;
import org.bulwark.scoring.api.FleetScore;
import org.bulwark.scoring.api.Points;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/** {@code /api/configurationScore}, {@code …/categories} and {@code …/history}, over the caller's groups only. */
class ScoreTest extends ServerTestBase {

    @Test
    void scoresAreComputedOverTheCallersGroupsOnly() throws Exception {
        FleetScore everything = fleet.standardScore(List.of("m-web", "m-db", "m-other"), List.of());
        FleetScore webOnly = fleet.standardScore(List.of("m-web"), List.of());
        JsonNode all = fleet.get("/api/configurationScore", fleet.admin);
        assertEquals(3, all.get("machines").asInt());
        assertEquals(everything.points().score(), all.get("score").asDouble(), 1e-9);
        assertEquals(everything.points().earned(), all.get("rawPoints").asDouble(), 1e-9);
        assertEquals(everything.points().possible(), all.get("maxPoints").asDouble(), 1e-9);
        JsonNode web = fleet.get("/api/configurationScore", fleet.viewerWeb);
        assertEquals(1, web.get("machines").asInt());
        assertEquals(fleet.expectedScore(0), web.get("score").asDouble(), 1e-9);
        assertEquals(webOnly.points().possible(), web.get("maxPoints").asDouble(), 1e-9);
        assertEquals(List.of("machines", "maxPoints", "rawPoints", "score", "time"),
                List.copyOf(ServerFixture.fieldNames(web)));
        JsonNode machine = fleet.get("/api/machines/m-web", fleet.viewerWeb);
        assertEquals(machine.get("score").asDouble(), web.get("score").asDouble(), 1e-9);
        assertEquals(machine.get("maxPoints").asDouble(), web.get("maxPoints").asDouble(), 1e-9);
        // db and other fail more: the fleet of all three scores lower than web alone
        assertTrue(all.get("score").asDouble() < web.get("score").asDouble(), all + " vs " + web);
        JsonNode cats = fleet.get("/api/configurationScore/categories", fleet.viewerWeb);
        assertEquals(Category.values().length, cats.get("value").size());
        double sum = 0;
        int i = 0;
        for (JsonNode c : cats.get("value")) {
            Category category = Category.values()[i++];
            Points expected = webOnly.categories().getOrDefault(category, new Points(0, 0));
            assertEquals(category.name(), c.get("category").asText());
            assertEquals(category.label(), c.get("label").asText());
            assertEquals(expected.possible(), c.get("maxPoints").asDouble(), 1e-9, category.name());
            assertEquals(expected.earned(), c.get("rawPoints").asDouble(), 1e-9, category.name());
            sum += c.get("maxPoints").asDouble();
        }
        assertEquals(web.get("maxPoints").asDouble(), sum, 1e-6);
        JsonNode history = fleet.get("/api/configurationScore/history", fleet.viewerDb);
        assertEquals(1, history.get("count").asInt());
        assertEquals(List.of("m-db"), ServerFixture.list(history, "machineId"));
        assertEquals(fleet.expectedScore(0, 1), history.get("value").get(0).get("score").asDouble(), 1e-9);
        assertEquals(fleet.now.toString(), history.get("value").get(0).get("time").asText());
        // since: after the fleet's assessments, nothing
        assertEquals(0, fleet.get("/api/configurationScore/history?since=" + fleet.now.plusSeconds(1),
                fleet.admin).get("count").asInt());
        assertEquals(3, fleet.get("/api/configurationScore/history?since=" + fleet.now, fleet.admin)
                .get("count").asInt());
        assertEquals("since: Text 'yesterday' could not be parsed at index 0", ServerFixture.error(fleet.send("GET",
                "/api/configurationScore/history?since=yesterday", fleet.admin, null), 400, "invalid_input"));
    }
}
