package org.bulwark.server.internal;

import static org.bulwark.server.internal.ServerFixture.ids;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/** {@code GET /api/export/assessmentsByMachine}: every latest result of the caller's machines, paged. */
class ExportTest extends ServerTestBase {

    @Test
    void exportListsEveryResultOfTheCallersMachines() throws Exception {
        int n = fleet.controls.size();
        JsonNode web = fleet.get("/api/export/assessmentsByMachine?$top=10000", fleet.viewerWeb);
        assertEquals(n, web.get("count").asInt());
        assertEquals(Set.of("m-web"), ids(web, "machineId"));
        assertFalse(web.has("nextSkip"));
        JsonNode all = fleet.get("/api/export/assessmentsByMachine?$top=7", fleet.admin);
        assertEquals(3 * n, all.get("count").asInt());
        assertEquals(7, all.get("value").size());
        assertEquals(7, all.get("nextSkip").asInt());
        JsonNode rows = fleet.get("/api/export/assessmentsByMachine?$top=10000", fleet.admin).get("value");
        List<String> failing = new ArrayList<>();
        rows.forEach(r -> {
            if (r.get("state").asText().equals("FAIL")) {
                failing.add(r.get("machineId").asText() + " " + r.get("controlId").asText());
            }
        });
        List<String> expected = new ArrayList<>(List.of("m-db " + fleet.controls.get(0).id(),
                "m-db " + fleet.controls.get(1).id(), "m-other " + fleet.controls.get(2).id(),
                "m-web " + fleet.controls.get(0).id()));
        List<String> inOrder = new ArrayList<>(failing);
        assertEquals(expected.size(), failing.size());
        expected.sort(null);
        inOrder.sort(null);
        assertEquals(expected, inOrder);
        // by machine, then control id; the row's fields
        JsonNode first = rows.get(0);
        assertEquals("m-db", first.get("machineId").asText());
        assertEquals(List.of("category", "controlId", "group", "hostname", "machineId", "state", "time", "title",
                "weight"), List.copyOf(ServerFixture.fieldNames(first)));
        assertEquals("db", first.get("group").asText());
        assertEquals(fleet.now.toString(), first.get("time").asText());
        // a page in the middle: the rows it holds are those of the whole list
        JsonNode middle = fleet.get("/api/export/assessmentsByMachine?$top=5&$skip=18", fleet.admin);
        for (int i = 0; i < 5; i++) {
            assertEquals(rows.get(18 + i), middle.get("value").get(i));
        }
        assertEquals(23, middle.get("nextSkip").asInt());
    }
}
