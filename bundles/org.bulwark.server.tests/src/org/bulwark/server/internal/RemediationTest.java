package org.bulwark.server.internal;

import static org.bulwark.server.internal.ServerFixture.error;
import static org.bulwark.server.internal.ServerFixture.ids;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.bulwark.operations.api.EntityCsv;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/** {@code /api/remediations}: activities created, listed, updated, completed, cancelled and exported in scope. */
class RemediationTest extends ServerTestBase {

    static final String CSV_HEADER = "id,title,control_id,category,scope,targets,priority,due,status,completion,"
            + "completed,target_devices,fixed_devices,requester,created,notes,updated,updated_by,cancelled,"
            + "cancelled_by\r\n";

    private static String past() {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        return "due: the due date 2020-01-01 is in the past (today is " + today
                + " UTC); leave it out for \"attention required\"";
    }

    @Test
    void remediationsAreCreatedListedCompletedAndScoped() throws Exception {
        String c0 = fleet.controls.get(0).id();
        JsonNode created = fleet.post("/api/remediations", fleet.remediatorWeb, "{\"title\":\"Fix it\",\"controlId\":\""
                + c0 + "\",\"scope\":\"devices\",\"devices\":[\"m-web\"],\"priority\":\"high\"}", 201);
        long id = created.get("id").asLong();
        assertEquals(List.of("attentionRequired", "cancelled", "cancelledBy", "category", "completed", "completion",
                "controlId", "created", "devices", "due", "fixedDevices", "group", "id", "notes", "priority",
                "requester", "scope", "status", "targetDevices", "title", "updated", "updatedBy"),
                List.copyOf(ServerFixture.fieldNames(created)));
        assertEquals("ACTIVE", created.get("status").asText());
        assertEquals("HIGH", created.get("priority").asText());
        assertEquals("DEVICES", created.get("scope").asText());
        assertEquals("m-web", created.get("devices").get(0).asText());
        assertEquals(1, created.get("targetDevices").asInt());
        assertEquals(0, created.get("fixedDevices").asInt());
        assertTrue(created.get("attentionRequired").asBoolean());
        assertEquals("devices: no machine 'm-db'", error(fleet.send("POST", "/api/remediations", fleet.remediatorWeb,
                "{\"title\":\"x\",\"controlId\":\"" + c0 + "\",\"scope\":\"devices\",\"devices\":[\"m-db\"]}"), 400,
                "invalid_input"));
        assertEquals("group: 'db' is not one of yours", error(fleet.send("POST", "/api/remediations",
                fleet.remediatorWeb, "{\"title\":\"x\",\"controlId\":\"" + c0 + "\",\"scope\":\"group\","
                        + "\"group\":\"db\"}"), 403, "forbidden"));
        assertEquals(past(), error(fleet.send("POST", "/api/remediations", fleet.remediatorWeb, "{\"title\":\"x\","
                + "\"controlId\":\"" + c0 + "\",\"scope\":\"devices\",\"devices\":[\"m-web\"],\"due\":\"2020-01-01\"}"),
                400, "invalid_input"));
        assertEquals(Set.of(String.valueOf(id)), ids(fleet.get("/api/remediations", fleet.viewerWeb), "id"));
        assertEquals(0, fleet.get("/api/remediations", fleet.viewerDb).get("count").asInt());
        String category = fleet.controls.get(0).category().name().toLowerCase(Locale.ROOT).replace('_', '-');
        assertEquals(CSV_HEADER + id + ",Fix it," + c0 + "," + category + ",devices,m-web,high,attention required,"
                + "active,,,1,0,remediator-web," + created.get("created").asText() + ",,,,,\r\n",
                fleet.send("GET", "/api/remediations.csv", fleet.viewerWeb, null).body());
        assertEquals(CSV_HEADER, fleet.send("GET", "/api/remediations.csv", fleet.viewerDb, null).body());
        assertEquals("role VIEWER may not POST /api/remediations/{id}/complete", error(fleet.send("POST",
                "/api/remediations/" + id + "/complete", fleet.viewerDb, null), 403, "forbidden"));
        JsonNode completed = fleet.post("/api/remediations/" + id + "/complete", fleet.remediatorWeb, null, 200);
        assertEquals("COMPLETED", completed.get("status").asText());
        assertEquals("MANUAL", completed.get("completion").asText());
        assertEquals("no remediation activity '999999'", error(fleet.send("POST", "/api/remediations/999999/complete",
                fleet.remediatorWeb, null), 404, "not_found"));
    }

    @Test
    void remediationsAreUpdatedAndCancelled() throws Exception {
        String c0 = fleet.controls.get(0).id();
        String remediator = fleet.remediatorWeb;
        JsonNode created = fleet.post("/api/remediations", remediator, "{\"title\":\"Fix it\",\"controlId\":\"" + c0
                + "\",\"scope\":\"devices\",\"devices\":[\"m-web\"],\"priority\":\"high\",\"notes\":\"soon\"}", 201);
        long id = created.get("id").asLong();
        String due = LocalDate.now(ZoneOffset.UTC).plusDays(30).toString();
        JsonNode updated = fleet.patch("/api/remediations/" + id, remediator, "{\"title\":\"Fix it now\","
                + "\"priority\":\"low\",\"due\":\"" + due + "\",\"notes\":\"after the freeze\"}");
        assertEquals(id, updated.get("id").asLong());
        assertEquals("Fix it now", updated.get("title").asText());
        assertEquals("LOW", updated.get("priority").asText());
        assertEquals(due, updated.get("due").asText());
        assertEquals(false, updated.get("attentionRequired").asBoolean());
        assertEquals("after the freeze", updated.get("notes").asText());
        assertEquals("ACTIVE", updated.get("status").asText());
        assertEquals("remediator-web", updated.get("requester").asText());
        assertEquals("remediator-web", updated.get("updatedBy").asText());
        assertEquals(1, updated.get("targetDevices").asInt());
        assertEquals(0, updated.get("fixedDevices").asInt());
        JsonNode notesOnly = fleet.patch("/api/remediations/" + id, fleet.admin, "{\"notes\":null}");
        assertEquals("Fix it now", notesOnly.get("title").asText());
        assertTrue(notesOnly.get("notes").isNull());
        assertEquals("admin", notesOnly.get("updatedBy").asText());
        assertEquals(due, notesOnly.get("due").asText());
        JsonNode noDue = fleet.patch("/api/remediations/" + id, fleet.admin, "{\"due\":null}");
        assertTrue(noDue.get("due").isNull(), "due removed: attention required");
        assertEquals("LOW", noDue.get("priority").asText());
        // who updated it and when is in the CSV export too, with the columns of the CLI's and the workbench's
        String csv = fleet.send("GET", "/api/remediations.csv", fleet.admin, null).body();
        assertEquals(CSV_HEADER, String.join(",", EntityCsv.ACTIVITY_COLUMNS) + "\r\n");
        String category = fleet.controls.get(0).category().name().toLowerCase(Locale.ROOT).replace('_', '-');
        assertEquals(CSV_HEADER + id + ",Fix it now," + c0 + "," + category + ",devices,m-web,low,attention required,"
                + "active,,,1,0,remediator-web," + created.get("created").asText() + ",,"
                + noDue.get("updated").asText() + ",admin,,\r\n", csv);

        assertEquals("role VIEWER may not PATCH /api/remediations/{id}", error(fleet.send("PATCH",
                "/api/remediations/" + id, fleet.viewerWeb, "{\"title\":\"x\"}"), 403, "forbidden"));
        assertEquals("role EXCEPTION_HANDLER may not PATCH /api/remediations/{id}", error(fleet.send("PATCH",
                "/api/remediations/" + id, fleet.excepterWeb, "{\"title\":\"x\"}"), 403, "forbidden"));
        assertEquals("role VIEWER may not POST /api/remediations/{id}/cancel", error(fleet.send("POST",
                "/api/remediations/" + id + "/cancel", fleet.viewerWeb, null), 403, "forbidden"));
        long db = fleet.post("/api/remediations", fleet.admin, "{\"title\":\"Fix db\",\"controlId\":\"" + c0
                + "\",\"scope\":\"devices\",\"devices\":[\"m-db\"]}", 201).get("id").asLong();
        assertEquals("no remediation activity '" + db + "'", error(fleet.send("PATCH", "/api/remediations/" + db,
                remediator, "{\"title\":\"x\"}"), 404, "not_found"));
        assertEquals("no remediation activity '" + db + "'", error(fleet.send("POST", "/api/remediations/" + db
                + "/cancel", remediator, null), 404, "not_found"));
        assertEquals("no remediation activity '999999'", error(fleet.send("POST", "/api/remediations/999999/cancel",
                remediator, null), 404, "not_found"));
        assertEquals("owner: unknown field (allowed: title, priority, due, notes)", error(fleet.send("PATCH",
                "/api/remediations/" + id, remediator, "{\"owner\":\"x\"}"), 400, "invalid_input"));
        assertEquals("priority: unknown value 'urgent' (expected one of high, medium, low)", error(fleet.send("PATCH",
                "/api/remediations/" + id, remediator, "{\"priority\":\"urgent\"}"), 400, "invalid_input"));
        assertEquals("due: 'soon' is not a date like 2026-12-01", error(fleet.send("PATCH", "/api/remediations/" + id,
                remediator, "{\"due\":\"soon\"}"), 400, "invalid_input"));
        assertEquals(past(), error(fleet.send("PATCH", "/api/remediations/" + id, remediator,
                "{\"due\":\"2020-01-01\"}"), 400, "invalid_input"));
        assertEquals("title: must be a non-empty string", error(fleet.send("PATCH", "/api/remediations/" + id,
                remediator, "{\"title\":\" \"}"), 400, "invalid_input"));
        assertEquals("must be a JSON object with any of title, priority, due, notes", error(fleet.send("PATCH",
                "/api/remediations/" + id, remediator, "[]"), 400, "invalid_input"));

        JsonNode cancelled = fleet.post("/api/remediations/" + id + "/cancel", remediator, null, 200);
        assertEquals("CANCELLED", cancelled.get("status").asText());
        assertEquals("remediator-web", cancelled.get("cancelledBy").asText());
        assertTrue(cancelled.get("cancelled").isTextual());
        assertTrue(cancelled.get("completion").isNull());
        assertEquals("Fix it now", cancelled.get("title").asText());
        String was = "remediation activity #" + id + " was cancelled at " + cancelled.get("cancelled").asText()
                + " by remediator-web and cannot be ";
        assertEquals(was + "cancelled", error(fleet.send("POST", "/api/remediations/" + id + "/cancel", remediator,
                null), 409, "conflict"));
        assertEquals(was + "updated", error(fleet.send("PATCH", "/api/remediations/" + id, remediator,
                "{\"title\":\"x\"}"), 409, "conflict"));
        assertEquals(was + "completed", error(fleet.send("POST", "/api/remediations/" + id + "/complete", remediator,
                null), 409, "conflict"));
        fleet.post("/api/remediations/" + db + "/cancel", fleet.admin, null, 200);
    }

    @Test
    void bodiesAreReadStrictly() throws Exception {
        String c0 = fleet.controls.get(0).id();
        String fields = "\"title\":\"Fix\",\"controlId\":\"" + c0 + "\",\"devices\":[\"m-web\"]";
        assertEquals("prority: unknown field (allowed: title, controlId, scope, devices, group, priority, due, notes)",
                error(fleet.send("POST", "/api/remediations", fleet.remediatorWeb, "{" + fields
                        + ",\"scope\":\"devices\",\"prority\":\"high\"}"), 400, "invalid_input"));
        String twice = error(fleet.send("POST", "/api/remediations", fleet.admin, "{" + fields
                + ",\"scope\":\"devices\",\"scope\":\"group\"}"), 400, "invalid_json");
        assertTrue(twice.matches("invalid JSON at line 1, column \\d+: Duplicate field 'scope'"), twice);
        String trailing = error(fleet.send("POST", "/api/remediations", fleet.remediatorWeb, "{" + fields
                + ",\"scope\":\"devices\"}]"), 400, "invalid_json");
        assertTrue(trailing.startsWith("invalid JSON at line 1, column "), trailing);
        assertEquals(0, fleet.get("/api/remediations", fleet.admin).get("count").asInt(), "nothing was stored");
    }
}
