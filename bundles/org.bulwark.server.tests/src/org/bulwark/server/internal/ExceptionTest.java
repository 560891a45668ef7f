package org.bulwark.server.internal;

import static org.bulwark.server.internal.ServerFixture.JSON;
import static org.bulwark.server.internal.ServerFixture.error;
import static org.bulwark.server.internal.ServerFixture.ids;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/** {@code /api/exceptions}: created, listed, updated, cancelled and exported within the caller's groups. */
class ExceptionTest extends ServerTestBase {

    static final String CSV_HEADER = "id,control_id,scope,target,justification,author,created,expires,status,notes,"
            + "updated,updated_by,cancelled,cancelled_by\r\n";

    @Test
    void exceptionsAreCreatedListedCancelledAndScoped() throws Exception {
        String c0 = fleet.controls.get(0).id();
        String body = "{\"id\":\"ex-web\",\"controlId\":\"" + c0 + "\",\"scope\":\"device\",\"target\":\"m-web\","
                + "\"justification\":\"alternate-mitigation\",\"notes\":\"=cmd\"}";
        JsonNode created = fleet.post("/api/exceptions", fleet.excepterWeb, body, 201);
        String at = created.get("created").asText();
        assertEquals(JSON.readTree("{\"id\":\"ex-web\",\"controlId\":\"" + c0 + "\",\"scope\":\"DEVICE\","
                + "\"target\":\"m-web\",\"justification\":\"ALTERNATE_MITIGATION\",\"author\":\"excepter-web\","
                + "\"created\":\"" + at + "\",\"expires\":null,\"notes\":\"=cmd\",\"status\":\"ACTIVE\","
                + "\"cancelled\":null,\"cancelledBy\":null,\"updated\":null,\"updatedBy\":null}"), created);
        // the exception gives credit: the web viewer's score rises to 100, and the recommendation is excepted
        assertEquals(100.0, fleet.get("/api/configurationScore", fleet.viewerWeb).get("score").asDouble());
        JsonNode excepted = fleet.get("/api/recommendations/" + c0, fleet.viewerWeb);
        assertEquals("EXCEPTION", excepted.get("status").asText());
        assertEquals(0, excepted.get("exposedMachines").asInt());
        assertEquals(1, excepted.get("exceptedMachines").asInt());
        // the db machine is not excepted: for the administrator the recommendation is partly excepted
        assertEquals("PARTIAL_EXCEPTION", fleet.get("/api/recommendations/" + c0, fleet.admin).get("status")
                .asText());
        // another group's machine is not a target it may use; nor is a global one
        assertEquals("target: no machine 'm-db'", error(fleet.send("POST", "/api/exceptions", fleet.excepterWeb,
                body.replace("ex-web", "ex-db").replace("m-web", "m-db")), 400, "invalid_input"));
        assertEquals("scope: a global exception needs a token for every group", error(fleet.send("POST",
                "/api/exceptions", fleet.excepterWeb, "{\"controlId\":\"" + c0 + "\",\"scope\":\"global\","
                        + "\"justification\":\"risk-accepted\"}"), 403, "forbidden"));
        assertEquals("justification: required", error(fleet.send("POST", "/api/exceptions", fleet.excepterWeb,
                "{\"controlId\":\"" + c0 + "\",\"scope\":\"device\",\"target\":\"m-web\"}"), 400, "invalid_input"));
        assertTrue(error(fleet.send("POST", "/api/exceptions", fleet.excepterWeb, "{oops"), 400, "invalid_json")
                .matches("invalid JSON at line 1, column \\d+: .+"));
        assertEquals("id 'ex-web' is taken", error(fleet.send("POST", "/api/exceptions", fleet.excepterWeb, body),
                409, "conflict"));
        assertEquals(Set.of("ex-web"), ids(fleet.get("/api/exceptions", fleet.viewerWeb), "id"));
        assertEquals(0, fleet.get("/api/exceptions", fleet.viewerDb).get("count").asInt());
        String row = "ex-web," + c0 + ",device,m-web,alternate-mitigation,excepter-web," + at + ",,active,'=cmd,,,,"
                + "\r\n";
        assertEquals(CSV_HEADER + row, fleet.send("GET", "/api/exceptions.csv", fleet.viewerWeb, null).body());
        assertEquals(CSV_HEADER, fleet.send("GET", "/api/exceptions.csv", fleet.viewerDb, null).body());
        assertEquals("role VIEWER may not POST /api/exceptions/{id}/cancel", error(fleet.send("POST",
                "/api/exceptions/ex-web/cancel", fleet.viewerDb, null), 403, "forbidden"));
        JsonNode cancelled = fleet.post("/api/exceptions/ex-web/cancel", fleet.excepterWeb, null, 200);
        assertEquals("CANCELLED", cancelled.get("status").asText());
        assertEquals("excepter-web", cancelled.get("cancelledBy").asText());
        assertEquals(fleet.expectedScore(0), fleet.get("/api/configurationScore", fleet.viewerWeb).get("score")
                .asDouble(), 1e-9);
        assertEquals("exception 'ex-web' was already cancelled at " + cancelled.get("cancelled").asText()
                + " by excepter-web", error(fleet.send("POST", "/api/exceptions/ex-web/cancel", fleet.excepterWeb,
                        null), 409, "conflict"));
    }

    @Test
    void exceptionsAreUpdatedAndScoresFollow() throws Exception {
        String c0 = fleet.controls.get(0).id();
        double base = fleet.expectedScore(0);
        assertEquals(base, fleet.get("/api/configurationScore", fleet.viewerWeb).get("score").asDouble(), 1e-9);
        JsonNode created = fleet.post("/api/exceptions", fleet.excepterWeb, "{\"id\":\"ex-upd\",\"controlId\":\"" + c0
                + "\",\"scope\":\"device\",\"target\":\"m-web\",\"justification\":\"alternate-mitigation\"}", 201);
        Instant createdAt = Instant.parse(created.get("created").asText());
        assertEquals(100.0, fleet.get("/api/configurationScore", fleet.viewerWeb).get("score").asDouble());

        JsonNode updated = fleet.patch("/api/exceptions/ex-upd", fleet.excepterWeb,
                "{\"notes\":\"proxy in front\",\"justification\":\"risk-accepted\"}");
        assertEquals("ex-upd", updated.get("id").asText());
        assertEquals("RISK_ACCEPTED", updated.get("justification").asText());
        assertEquals("proxy in front", updated.get("notes").asText());
        assertTrue(updated.get("expires").isNull());
        assertEquals("excepter-web", updated.get("author").asText());
        assertEquals("excepter-web", updated.get("updatedBy").asText());
        assertTrue(updated.get("updated").isTextual());
        assertEquals("ACTIVE", updated.get("status").asText());
        assertEquals(base, fleet.get("/api/configurationScore", fleet.viewerWeb).get("score").asDouble(),
                "a risk accepted gives no credit");

        assertEquals("ALTERNATE_MITIGATION", fleet.patch("/api/exceptions/ex-upd", fleet.admin,
                "{\"justification\":\"alternate-mitigation\"}").get("justification").asText());
        assertEquals(100.0, fleet.get("/api/configurationScore", fleet.viewerWeb).get("score").asDouble());
        // expired a microsecond after its creation: it no longer counts
        String expires = createdAt.plusNanos(1000).toString();
        JsonNode expired = fleet.patch("/api/exceptions/ex-upd", fleet.excepterWeb, "{\"expires\":\"" + expires
                + "\"}");
        assertEquals(expires, expired.get("expires").asText());
        assertEquals("EXPIRED", expired.get("status").asText());
        assertEquals("proxy in front", expired.get("notes").asText(), "unchanged");
        JsonNode listed = fleet.get("/api/exceptions", fleet.viewerWeb);
        assertEquals(1, listed.get("count").asInt());
        assertEquals(expired, listed.get("value").get(0), "as listed");
        assertEquals(base, fleet.get("/api/configurationScore", fleet.viewerWeb).get("score").asDouble(), 1e-9);
        // back to never expiring, notes removed
        JsonNode never = fleet.patch("/api/exceptions/ex-upd", fleet.excepterWeb, "{\"expires\":null,\"notes\":null}");
        assertTrue(never.get("expires").isNull());
        assertTrue(never.get("notes").isNull());
        assertEquals(100.0, fleet.get("/api/configurationScore", fleet.viewerWeb).get("score").asDouble());

        // wrong role, out of scope, bad fields
        assertEquals("role VIEWER may not PATCH /api/exceptions/{id}", error(fleet.send("PATCH",
                "/api/exceptions/ex-upd", fleet.viewerWeb, "{\"notes\":\"x\"}"), 403, "forbidden"));
        assertEquals("role REMEDIATION_HANDLER may not PATCH /api/exceptions/{id}", error(fleet.send("PATCH",
                "/api/exceptions/ex-upd", fleet.remediatorWeb, "{\"notes\":\"x\"}"), 403, "forbidden"));
        fleet.post("/api/exceptions", fleet.admin, "{\"id\":\"ex-upd-db\",\"controlId\":\"" + c0
                + "\",\"scope\":\"device\",\"target\":\"m-db\",\"justification\":\"risk-accepted\"}", 201);
        assertEquals("no exception 'ex-upd-db'", error(fleet.send("PATCH", "/api/exceptions/ex-upd-db",
                fleet.excepterWeb, "{\"notes\":\"x\"}"), 404, "not_found"));
        assertEquals("no exception 'nope'", error(fleet.send("PATCH", "/api/exceptions/nope", fleet.excepterWeb,
                "{\"notes\":\"x\"}"), 404, "not_found"));
        assertEquals("color: unknown field (allowed: expires, notes, justification)", error(fleet.send("PATCH",
                "/api/exceptions/ex-upd", fleet.excepterWeb, "{\"color\":\"red\"}"), 400, "invalid_input"));
        assertEquals("expires: 'tomorrow' is not an ISO-8601 instant like 2026-11-20T12:00:00Z", error(fleet.send(
                "PATCH", "/api/exceptions/ex-upd", fleet.excepterWeb, "{\"expires\":\"tomorrow\"}"), 400,
                "invalid_input"));
        assertEquals("justification: unknown value 'luck' (expected one of third-party-control, "
                + "alternate-mitigation, risk-accepted, planned-remediation)", error(fleet.send("PATCH",
                        "/api/exceptions/ex-upd", fleet.excepterWeb, "{\"justification\":\"luck\"}"), 400,
                        "invalid_input"));
        assertEquals("notes: must be a string or null", error(fleet.send("PATCH", "/api/exceptions/ex-upd",
                fleet.excepterWeb, "{\"notes\":5}"), 400, "invalid_input"));
        assertEquals("expires: exception 'ex-upd': it must expire after it is created (" + createdAt + ")",
                error(fleet.send("PATCH", "/api/exceptions/ex-upd", fleet.excepterWeb, "{\"expires\":\""
                        + createdAt.minusSeconds(1) + "\"}"), 400, "invalid_input"));
        assertEquals("nothing to update: give a new expiry, no expiry, notes or a justification", error(fleet.send(
                "PATCH", "/api/exceptions/ex-upd", fleet.excepterWeb, "{}"), 400, "invalid_input"));
        assertEquals(100.0, fleet.get("/api/configurationScore", fleet.viewerWeb).get("score").asDouble(),
                "nothing changed by bad input");
        JsonNode cancelled = fleet.post("/api/exceptions/ex-upd/cancel", fleet.excepterWeb, null, 200);
        assertEquals("exception 'ex-upd' was cancelled at " + cancelled.get("cancelled").asText() + " by "
                + "excepter-web; a cancelled exception cannot be updated", error(fleet.send("PATCH",
                        "/api/exceptions/ex-upd", fleet.excepterWeb, "{\"notes\":\"x\"}"), 409, "conflict"));
        fleet.post("/api/exceptions/ex-upd-db/cancel", fleet.admin, null, 200);
        assertEquals(base, fleet.get("/api/configurationScore", fleet.viewerWeb).get("score").asDouble(), 1e-9);
    }

    @Test
    void bodiesAreReadStrictly() throws Exception {
        String c0 = fleet.controls.get(0).id();
        String fields = "\"controlId\":\"" + c0 + "\",\"target\":\"m-web\",\"justification\":\"risk-accepted\"";
        // a typo of a field is not ignored: the exception would never expire
        assertEquals("expire: unknown field (allowed: id, controlId, scope, target, justification, expires, notes)",
                error(fleet.send("POST", "/api/exceptions", fleet.excepterWeb, "{" + fields + ",\"scope\":\"device\","
                        + "\"expire\":\"2030-01-01T00:00:00Z\"}"), 400, "invalid_input"));
        // a key given twice is not decided by the last one
        String twice = error(fleet.send("POST", "/api/exceptions", fleet.admin, "{" + fields
                + ",\"scope\":\"device\",\"scope\":\"global\"}"), 400, "invalid_json");
        assertTrue(twice.matches("invalid JSON at line 1, column \\d+: Duplicate field 'scope'"), twice);
        // nothing may follow the document
        String trailing = error(fleet.send("POST", "/api/exceptions", fleet.excepterWeb, "{" + fields
                + ",\"scope\":\"device\"} {}"), 400, "invalid_json");
        assertTrue(trailing.matches("(?s).*\\bafter\\b.*"), trailing);
        assertEquals(0, fleet.get("/api/exceptions", fleet.admin).get("count").asInt(), "nothing was stored");
        // the same for an update
        fleet.post("/api/exceptions", fleet.excepterWeb, "{\"id\":\"ex-strict\"," + fields + ",\"scope\":\"device\"}",
                201);
        String notesTwice = error(fleet.send("PATCH", "/api/exceptions/ex-strict", fleet.excepterWeb,
                "{\"notes\":\"a\",\"notes\":\"b\"}"), 400, "invalid_json");
        assertTrue(notesTwice.matches("invalid JSON at line 1, column \\d+: Duplicate field 'notes'"), notesTwice);
        String after = error(fleet.send("PATCH", "/api/exceptions/ex-strict", fleet.excepterWeb,
                "{\"notes\":\"a\"}x"), 400, "invalid_json");
        assertTrue(after.startsWith("invalid JSON at line 1, column "), after);
        assertTrue(fleet.get("/api/exceptions", fleet.admin).get("value").get(0).get("notes").isNull(),
                "nothing was updated");
    }
}
