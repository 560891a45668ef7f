package org.bulwark.server.internal;

import static org.bulwark.server.internal.ServerFixture.error;
import static org.bulwark.server.internal.ServerFixture.ids;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/** {@code /api/machines}, {@code …/{id}} and {@code …/{id}/assessments}, within the caller's groups. */
class MachineTest extends ServerTestBase {

    @Test
    void machinesOutsideTheGroupsAreNotFound() throws Exception {
        assertEquals(Set.of("m-web"), ids(fleet.get("/api/machines", fleet.viewerWeb), "id"));
        assertEquals(Set.of("m-db"), ids(fleet.get("/api/machines", fleet.viewerDb), "id"));
        assertEquals(List.of("m-db", "m-other", "m-web"), ServerFixture.list(fleet.get("/api/machines", fleet.admin),
                "id"));
        assertEquals("web", fleet.get("/api/machines/m-web", fleet.admin).get("group").asText());
        assertEquals("db", fleet.get("/api/machines/m-db", fleet.admin).get("group").asText());
        assertEquals("Ungrouped", fleet.get("/api/machines/m-other", fleet.admin).get("group").asText());
        assertEquals("no machine 'm-db'", error(fleet.send("GET", "/api/machines/m-db", fleet.viewerWeb, null), 404,
                "not_found"));
        assertEquals("no machine 'db-1'", error(fleet.send("GET", "/api/machines/db-1", fleet.viewerWeb, null), 404,
                "not_found"));
        assertEquals("no machine 'm-db'", error(fleet.send("GET", "/api/machines/m-db/assessments", fleet.viewerWeb,
                null), 404, "not_found"));
        assertEquals("no machine 'nothing'", error(fleet.send("GET", "/api/machines/nothing", fleet.admin, null),
                404, "not_found"));
        JsonNode assessments = fleet.get("/api/machines/m-db/assessments", fleet.viewerDb);
        assertEquals(1, assessments.get("count").asInt());
        JsonNode a = assessments.get("value").get(0);
        assertEquals(fleet.expectedScore(0, 1), a.get("score").asDouble(), 1e-9);
        assertEquals(18, a.get("passed").asInt());
        assertEquals(2, a.get("failed").asInt());
        assertEquals(true, a.get("complete").asBoolean());
        assertEquals(fleet.now.toString(), a.get("time").asText());
        // by host name too
        JsonNode byName = fleet.get("/api/machines/web-1", fleet.viewerWeb);
        assertEquals("web-1", byName.get("hostname").asText());
        assertEquals(List.of("group", "hostname", "id", "lastSeen", "maxPoints", "os", "osPlatform", "rawPoints", "score"),
                List.copyOf(ServerFixture.fieldNames(byName)));
        assertEquals("m-web", byName.get("id").asText());
        assertEquals("Debian GNU/Linux 12", byName.get("os").asText());
        assertEquals(fleet.now.toString(), byName.get("lastSeen").asText());
        assertEquals(fleet.expectedScore(0), byName.get("score").asDouble(), 1e-9);
    }

    @Test
    void machinesArePaged() throws Exception {
        JsonNode page = fleet.get("/api/machines?$top=2&$skip=1", fleet.admin);
        assertEquals(3, page.get("count").asInt());
        assertEquals(List.of("m-other", "m-web"), ServerFixture.list(page, "id"));
        assertEquals(false, page.has("nextSkip"));
        JsonNode first = fleet.get("/api/machines?$top=1", fleet.admin);
        assertEquals(List.of("m-db"), ServerFixture.list(first, "id"));
        assertEquals(1, first.get("nextSkip").asInt());
        assertEquals("$top must be 0 to 10000, $skip at least 0", error(fleet.send("GET", "/api/machines?$top=10001",
                fleet.admin, null), 400, "invalid_parameter"));
        assertEquals("$skip: not an integer", error(fleet.send("GET", "/api/machines?$skip=x", fleet.admin, null),
                400, "invalid_parameter"));
    }

    @Test
    void aMachinesChangeTimelineIsItsConsecutiveDiffsNewestFirst() throws Exception {
        // m-web failed control 0; now it fails control 1, then the same again
        assertEquals(201, fleet.upload(fleet.agent, fleet.report("m-web", "web-1", "Debian GNU/Linux 12", 1), null)
                .statusCode());
        assertEquals(201, fleet.upload(fleet.agent, fleet.report("m-web", "web-1", "Debian GNU/Linux 12", 1), null)
                .statusCode());
        JsonNode timeline = fleet.get("/api/machines/m-web/changes", fleet.viewerWeb);
        assertEquals(2, timeline.get("count").asInt());
        JsonNode newest = timeline.get("value").get(0);
        JsonNode older = timeline.get("value").get(1);
        assertEquals(older.get("to").get("id"), newest.get("from").get("id"));
        assertEquals(0, newest.get("changes").size(), "nothing changed between the last two");
        assertEquals(0.0, newest.get("scoreDelta").asDouble(), 1e-12);
        Set<String> changes = new java.util.TreeSet<>();
        for (JsonNode c : older.get("changes")) {
            changes.add(c.get("kind").asText() + " " + c.get("controlId").asText() + " " + c.get("before").asText()
                    + "->" + c.get("after").asText());
        }
        assertEquals(new java.util.TreeSet<>(Set.of("RESULT_CHANGED " + fleet.controls.get(0).id() + " FAIL->PASS",
                "RESULT_CHANGED " + fleet.controls.get(1).id() + " PASS->FAIL")), changes);
        assertEquals(1, fleet.get("/api/machines/m-web/changes?$top=1", fleet.viewerWeb).get("value").size());
        assertEquals(0, fleet.get("/api/machines/m-db/changes", fleet.viewerDb).get("count").asInt(),
                "one assessment: no change yet");
        assertEquals("no machine 'm-web'", error(fleet.send("GET", "/api/machines/m-web/changes", fleet.viewerDb,
                null), 404, "not_found"));
    }
}
