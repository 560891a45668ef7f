package org.bulwark.server.internal;

import static org.bulwark.server.internal.ServerFixture.JSON;
import static org.bulwark.server.internal.ServerFixture.error;
import static org.bulwark.server.internal.ServerFixture.ids;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

import org.bulwark.server.api.Role;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/** {@code /api/deviceGroups}: the rules the caller sees; an administrator replaces them, atomically. */
class DeviceGroupTest extends ServerTestBase {

    static final String RULES = "[{\"name\":\"web\",\"rank\":10,\"hostname\":\"web-*\",\"os\":null,\"tags\":[]},"
            + "{\"name\":\"db\",\"rank\":5,\"hostname\":null,\"os\":\"debian\",\"tags\":[]}]";

    @Test
    void deviceGroupRulesAreReadAndValidated() throws Exception {
        assertEquals(JSON.readTree("{\"value\":" + RULES + "}"), fleet.get("/api/deviceGroups", fleet.admin));
        assertEquals(Set.of("web"), ids(fleet.get("/api/deviceGroups", fleet.viewerWeb), "name"));
        assertEquals("[0].rank: required integer", error(fleet.send("PUT", "/api/deviceGroups", fleet.admin,
                "[{\"name\":\"x\"}]"), 400, "invalid_input"));
        assertEquals("role VIEWER may not PUT /api/deviceGroups", error(fleet.send("PUT", "/api/deviceGroups",
                fleet.viewerWeb, "[]"), 403, "forbidden"));
        assertEquals(JSON.readTree("{\"value\":" + RULES + "}"), fleet.get("/api/deviceGroups", fleet.admin),
                "unchanged by bad input");
    }

    @Test
    void rulesAreReadStrictlySoThatATypoMakesNoCatchAllRule() throws Exception {
        String put = "PUT";
        // with the typo ignored, hostname would be null and the rule would match every machine
        assertEquals("[0].hostnme: unknown field (a rule has hostname, name, os, rank, tags)", error(fleet.send(put,
                "/api/deviceGroups", fleet.admin, "[{\"name\":\"db\",\"rank\":99,\"hostnme\":\"db-*\"}]"), 400,
                "invalid_input"));
        assertTrue(error(fleet.send(put, "/api/deviceGroups", fleet.admin, "[{\"name\":\"db\",\"rank\":9,"
                + "\"hostname\":\"db-*\",\"hostname\":null}]"), 400, "invalid_json").contains("Duplicate field "
                + "'hostname'"));
        assertTrue(error(fleet.send(put, "/api/deviceGroups", fleet.admin, "[] []"), 400, "invalid_json")
                .contains("Trailing token"));
        assertEquals("[0].hostname: expected a string of at most 400 characters", error(fleet.send(put,
                "/api/deviceGroups", fleet.admin, "[{\"name\":\"db\",\"rank\":9,\"hostname\":7}]"), 400,
                "invalid_input"));
        assertEquals("[0].tags[0]: expected a string of at most 400 characters", error(fleet.send(put,
                "/api/deviceGroups", fleet.admin, "[{\"name\":\"db\",\"rank\":9,\"tags\":[\"" + "t".repeat(401)
                        + "\"]}]"), 400, "invalid_input"));
        assertEquals(JSON.readTree("{\"value\":" + RULES + "}"), fleet.get("/api/deviceGroups", fleet.admin),
                "unchanged by bad input");
    }

    @Test
    void anAdministratorOfSomeGroupsMayNotReplaceTheRules() throws Exception {
        String adminWeb = fleet.token("admin-web", Role.ADMINISTRATOR, "web");
        assertEquals("device group rules decide the group of every machine: replacing them needs an administrator "
                + "token for all groups, not one of groups web", error(fleet.send("PUT", "/api/deviceGroups", adminWeb,
                        "[{\"name\":\"web\",\"rank\":100,\"hostname\":\"*\"}]"), 403, "forbidden"));
        assertEquals(JSON.readTree("{\"value\":" + RULES + "}"), fleet.get("/api/deviceGroups", fleet.admin));
        assertEquals(JSON.readTree(ServerFixture.GROUP_RULES),
                JSON.readTree(Files.readString(fleet.dir.resolve(GroupRules.FILE))));
    }

    @Test
    void replacedRulesAreSavedAndDecideTheNextUploads() throws Exception {
        String rules = "[{\"name\":\"alpine\",\"rank\":1,\"os\":\"alpine\",\"tags\":[\"edge\"]}]";
        JsonNode put = fleet.call("PUT", "/api/deviceGroups", fleet.admin, rules, 200);
        JsonNode expected = JSON.readTree("{\"value\":[{\"name\":\"alpine\",\"rank\":1,\"hostname\":null,"
                + "\"os\":\"alpine\",\"tags\":[\"edge\"]}]}");
        assertEquals(expected, put);
        assertEquals(expected.get("value"), JSON.readTree(Files.readString(fleet.dir.resolve(GroupRules.FILE))));
        // an upload from web-1 now matches no rule: Ungrouped
        assertEquals("Ungrouped", JSON.readTree(fleet.upload(fleet.agent, fleet.report("m-web", "web-1",
                "Debian GNU/Linux 12", 0), null).body()).get("group").asText());
    }

    @Test
    void aRulesFileThatIsALinkIsNotWrittenThrough() throws Exception {
        Path elsewhere = Files.writeString(fleet.dir.resolve("elsewhere.json"), "[]");
        Path file = fleet.dir.resolve(GroupRules.FILE);
        Files.delete(file);
        Files.createSymbolicLink(file, elsewhere);
        String message = error(fleet.send("PUT", "/api/deviceGroups", fleet.admin, "[]"), 500, "internal_error");
        assertTrue(message.matches("internal error \\(reference [0-9a-f]{8}\\); the server's log has the details"),
                message);
        assertEquals("[]", Files.readString(elsewhere));
        assertTrue(Files.isSymbolicLink(file));
    }
}
