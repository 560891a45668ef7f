package org.bulwark.server.internal;

import static org.bulwark.server.internal.ServerFixture.error;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.bulwark.server.api.Role;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/** Every route: tokens, roles, scoping across groups, and the OpenAPI document. */
class AccessTest extends ServerTestBase {

    static final Set<String> PUBLIC = Set.of("/api/openapi.json", "/api/health", "/api/health/ready");

    @Test
    void noTokenWrongTokenAndWrongRole() throws Exception {
        for (String path : List.of("/api/configurationScore", "/api/recommendations", "/api/machines",
                "/api/exceptions", "/api/remediations", "/api/export/assessmentsByMachine")) {
            assertEquals("an API token is required: Authorization: Bearer <token>",
                    error(fleet.send("GET", path, null, null), 401, "unauthorized"));
            assertEquals("unknown API token", error(fleet.send("GET", path, "bwk_nope", null), 401, "unauthorized"));
            assertEquals("role AGENT may not GET " + path, error(fleet.send("GET", path, fleet.agent, null), 403,
                    "forbidden"));
        }
        assertEquals("role VIEWER may not POST /api/exceptions", error(fleet.send("POST", "/api/exceptions",
                fleet.viewerWeb, "{}"), 403, "forbidden"));
        assertEquals("role REMEDIATION_HANDLER may not POST /api/exceptions", error(fleet.send("POST",
                "/api/exceptions", fleet.remediatorWeb, "{}"), 403, "forbidden"));
        assertEquals("role VIEWER may not POST /api/remediations", error(fleet.send("POST", "/api/remediations",
                fleet.viewerWeb, "{}"), 403, "forbidden"));
        assertEquals("role EXCEPTION_HANDLER may not POST /api/remediations", error(fleet.send("POST",
                "/api/remediations", fleet.excepterWeb, "{}"), 403, "forbidden"));
        assertEquals("role VIEWER may not PUT /api/deviceGroups", error(fleet.send("PUT", "/api/deviceGroups",
                fleet.viewerWeb, "[]"), 403, "forbidden"));
        assertEquals("DELETE is not allowed on /api/machines", error(fleet.send("DELETE", "/api/machines",
                fleet.admin, null), 405, "method_not_allowed"));
        assertEquals("no such endpoint: /api/nothing", error(fleet.send("GET", "/api/nothing", fleet.admin, null),
                404, "not_found"));
    }

    /** A concrete path for a route template: machine {@code machine}, the first control, unknown others. */
    String concrete(String template, String machine) {
        String control = fleet.controls.get(0).id();
        return template.replace("/api/machines/{id}", "/api/machines/" + machine)
                .replace("/api/recommendations/{id}", "/api/recommendations/" + control)
                .replace("/api/exceptions/{id}", "/api/exceptions/no-such-exception")
                .replace("/api/remediations/{id}", "/api/remediations/999999");
    }

    @Test
    void everyEndpointRefusesMissingTokensAndWrongRolesAndLeaksNothingAcrossGroups() throws Exception {
        Map<Role, String> everywhere = new EnumMap<>(Role.class);
        for (Role r : Role.values()) {
            everywhere.put(r, fleet.token("all-" + r.name(), r, "*"));
        }
        String adminAll = everywhere.get(Role.ADMINISTRATOR);
        // data of other groups the db viewer must never see, and a global exception
        String c0 = fleet.controls.get(0).id();
        fleet.post("/api/exceptions", adminAll, "{\"id\":\"ex-m-web\",\"controlId\":\"" + c0 + "\","
                + "\"scope\":\"device\",\"target\":\"m-web\",\"justification\":\"risk-accepted\"}", 201);
        fleet.post("/api/exceptions", adminAll, "{\"id\":\"ex-global\",\"controlId\":\"" + fleet.controls.get(1).id()
                + "\",\"scope\":\"global\",\"justification\":\"risk-accepted\"}", 201);
        fleet.post("/api/remediations", adminAll, "{\"title\":\"fix m-web\",\"controlId\":\"" + c0 + "\","
                + "\"scope\":\"devices\",\"devices\":[\"m-web\"]}", 201);
        int before = fleet.stored();

        List<Router.Route> routes = ServerComponent.routes(fleet.running);
        assertEquals(35, routes.size(), "every route is checked");
        Set<String> open = new TreeSet<>();
        for (Router.Route route : routes) {
            String path = concrete(route.template(), "m-db");
            String body = route.method().equals("GET") ? null : "{}";
            if (route.roles() == null) {
                open.add(route.template());
                continue;
            }
            String what = route.method() + " " + route.template();
            assertEquals("an API token is required: Authorization: Bearer <token>",
                    error(fleet.send(route.method(), path, null, body), 401, "unauthorized"), what);
            assertEquals("unknown API token", error(fleet.send(route.method(), path, "bwk_nope", body), 401,
                    "unauthorized"), what);
            for (Role r : Role.values()) {
                if (!route.roles().contains(r)) {
                    assertEquals("role " + r + " may not " + route.method() + " " + route.template(),
                            error(fleet.send(route.method(), path, everywhere.get(r), body), 403, "forbidden"), what);
                }
            }
            if (!route.method().equals("GET")) {
                continue;
            }
            // the db viewer: an answer, and nothing of m-web (web group) or m-other (Ungrouped) in it
            HttpResponse<String> mine = fleet.send("GET", path, fleet.viewerDb, null);
            assertEquals(200, mine.statusCode(), what + ": " + mine.body());
            for (String foreign : List.of("m-web", "web-1", "fix m-web", "m-other", "other-1")) {
                assertFalse(mine.body().contains(foreign), what + ": " + foreign + " in " + mine.body());
            }
            if (route.template().startsWith("/api/machines/{id}")) {
                for (String other : List.of("m-web", "web-1", "m-other")) {
                    assertEquals("no machine '" + other + "'", error(fleet.send("GET", concrete(route.template(),
                            other), fleet.viewerDb, null), 404, "not_found"), what);
                }
            }
        }
        assertEquals(PUBLIC, open, "only the OpenAPI document and the health checks are public");
        // the lists the admin sees do hold that data: the checks above could have failed
        assertEquals(List.of("ex-m-web", "ex-global"), ServerFixture.list(fleet.get("/api/exceptions", adminAll),
                "id"));
        assertTrue(fleet.send("GET", "/api/remediations.csv", adminAll, null).body().contains(",fix m-web,"));
        assertEquals(60, fleet.get("/api/export/assessmentsByMachine", adminAll).get("count").asInt());
        // a token of one group changes no global exception: it counts for every group
        assertEquals("exception 'ex-global' is global: changing it needs a token for every group",
                error(fleet.send("PATCH", "/api/exceptions/ex-global", fleet.excepterWeb, "{\"notes\":\"mine\"}"), 403,
                        "forbidden"));
        assertEquals("exception 'ex-global' is global: changing it needs a token for every group",
                error(fleet.send("POST", "/api/exceptions/ex-global/cancel", fleet.excepterWeb, null), 403,
                        "forbidden"));
        assertEquals("ACTIVE", fleet.get("/api/exceptions", adminAll).get("value").get(1).get("status").asText());
        assertEquals(before, fleet.stored(), "no request of this test stored anything");
    }

    @Test
    void theOpenApiDocumentMatchesTheEndpoints() throws Exception {
        JsonNode doc = fleet.get("/api/openapi.json", null);
        Set<String> documented = new TreeSet<>();
        doc.get("paths").fields().forEachRemaining(p -> p.getValue().fieldNames()
                .forEachRemaining(m -> documented.add(m.toUpperCase() + " " + p.getKey())));
        assertEquals(new TreeSet<>(ServerComponent.templates(fleet.running)), documented);
        // every documented GET answers (path parameters filled with real ids), never 404 or 405
        String c0 = fleet.controls.get(0).id();
        for (String op : documented) {
            if (!op.startsWith("GET ")) {
                continue;
            }
            String path = op.substring(4).replace("/recommendations/{id}", "/recommendations/" + c0)
                    .replace("{id}", "m-web");
            HttpResponse<String> r = fleet.send("GET", path, fleet.admin, null);
            assertEquals(200, r.statusCode(), op + ": " + r.body());
        }
        // the fields of an activity as documented are those the server sends
        JsonNode schema = doc.get("components").get("schemas").get("Remediation").get("properties");
        JsonNode created = fleet.post("/api/remediations", fleet.admin, "{\"title\":\"t\",\"controlId\":\"" + c0
                + "\",\"scope\":\"group\",\"group\":\"web\"}", 201);
        assertEquals(ServerFixture.fieldNames(schema), ServerFixture.fieldNames(created));
        JsonNode exception = doc.get("components").get("schemas").get("Exception").get("properties");
        JsonNode ex = fleet.post("/api/exceptions", fleet.admin, "{\"controlId\":\"" + c0
                + "\",\"scope\":\"global\",\"justification\":\"risk-accepted\"}", 201);
        assertEquals(ServerFixture.fieldNames(exception), ServerFixture.fieldNames(ex));
        assertTrue(ex.get("id").asText().matches("ex-[0-9a-f]{8}"), ex.get("id").asText());
    }
}
