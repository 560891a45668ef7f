package org.bulwark.server.internal;

import static org.bulwark.server.internal.ServerFixture.JSON;
import static org.bulwark.server.internal.ServerFixture.error;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.bulwark.server.api.Role;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** {@code POST /api/assessments}: uploads, their ids, encodings, limits and groups. */
class UploadTest extends ServerTestBase {

    @Test
    void anUploadIdSentTwiceIsStoredOnce() throws Exception {
        byte[] body = fleet.report("m-web", "web-1", "Debian GNU/Linux 12", 0);
        HttpResponse<String> first = fleet.upload(fleet.agent, body, "dup-1");
        assertEquals(201, first.statusCode(), first.body());
        long id = JSON.readTree(first.body()).get("id").asLong();
        assertEquals(JSON.readTree("{\"id\":" + id + ",\"machineId\":\"m-web\",\"group\":\"web\",\"score\":"
                + fleet.expectedScore(0) + ",\"duplicate\":false}"), JSON.readTree(first.body()));
        HttpResponse<String> again = fleet.upload(fleet.agent, body, "dup-1");
        assertEquals(200, again.statusCode(), again.body());
        assertEquals(JSON.readTree("{\"id\":" + id + ",\"duplicate\":true}"), JSON.readTree(again.body()));
        assertEquals(4, fleet.stored());
    }

    @Test
    void badUploadsAre4xxJsonErrorsAndStoreNothing() throws Exception {
        byte[] good = fleet.report("m-bad", "web-9", "Debian", 0);
        assertEquals("an API token is required: Authorization: Bearer <token>",
                error(fleet.upload(null, good, null), 401, "unauthorized"));
        assertEquals("unknown API token", error(fleet.upload("bwk_wrong", good, null), 401, "unauthorized"));
        assertEquals("role VIEWER may not POST /api/assessments",
                error(fleet.upload(fleet.viewerWeb, good, null), 403, "forbidden"));
        assertTrue(error(fleet.upload(fleet.agent, "{not json".getBytes(StandardCharsets.UTF_8), null), 400,
                "invalid_report").startsWith("upload:1:"));
        // a report that breaks the schema: the device id is missing; the error names the field
        ObjectNode broken = (ObjectNode) JSON.readTree(good);
        ((ObjectNode) broken.get("device")).remove("id");
        String message = error(fleet.upload(fleet.agent, JSON.writeValueAsBytes(broken), null), 400, "invalid_report");
        assertTrue(message.contains("device.id"), message);
        // a control this server does not know
        String unknown = new String(good, StandardCharsets.UTF_8).replace(fleet.controls.get(3).id(),
                "no.such.control");
        assertEquals("controls: unknown to this server: no.such.control", error(fleet.upload(fleet.agent,
                unknown.getBytes(StandardCharsets.UTF_8), null), 400, "unknown_controls"));
        // larger than the limit (256 KiB here)
        byte[] huge = new byte[300 * 1024];
        Arrays.fill(huge, (byte) ' ');
        assertEquals("the upload is larger than 262144 bytes",
                error(fleet.upload(fleet.agent, huge, "too-big"), 413, "payload_too_large"));
        assertEquals(3, fleet.stored());
        // still serving
        assertEquals(3, fleet.get("/api/machines", fleet.admin).get("count").asInt());
        // the failed upload id was not taken
        assertEquals(201, fleet.upload(fleet.agent, fleet.report("m-web", "web-1", "Debian GNU/Linux 12", 0),
                "too-big").statusCode());
        assertEquals(4, fleet.stored());
    }

    @Test
    void uploadDocumentsAndFullReportsScoreTheSame() throws Exception {
        // m-db fails controls 0 and 1 in the fleet's full report; the same results as an upload document
        HttpResponse<String> doc = fleet.upload(fleet.agent, fleet.uploadDocument("m-db", "db-1",
                "Debian GNU/Linux 12", 0, 1), null);
        assertEquals(201, doc.statusCode(), doc.body());
        HttpResponse<String> full = fleet.upload(fleet.agent, fleet.report("m-db", "db-1", "Debian GNU/Linux 12", 0, 1),
                null);
        assertEquals(201, full.statusCode(), full.body());
        double expected = fleet.expectedScore(0, 1);
        assertEquals(expected, JSON.readTree(doc.body()).get("score").asDouble(), 1e-9);
        assertEquals(expected, JSON.readTree(full.body()).get("score").asDouble(), 1e-9);

        // an upload document is checked field by field: the error names the field and its line and column
        String withScore = new String(fleet.uploadDocument("m-db", "db-1", "Debian GNU/Linux 12", 0),
                StandardCharsets.UTF_8).replace("\"results\":", "\"score\":{},\"results\":");
        String message = error(fleet.upload(fleet.agent, withScore.getBytes(StandardCharsets.UTF_8), null), 400,
                "invalid_report");
        assertTrue(message.matches("upload:1:\\d+: score: unknown field \\(an upload has upload, generator, .*"),
                message);
        String withTitle = new String(fleet.uploadDocument("m-db", "db-1", "Debian GNU/Linux 12", 0),
                StandardCharsets.UTF_8).replaceFirst("\"state\":", "\"title\":\"x\",\"state\":");
        message = error(fleet.upload(fleet.agent, withTitle.getBytes(StandardCharsets.UTF_8), null), 400,
                "invalid_report");
        assertTrue(message.matches("upload:1:\\d+: results\\[0\\]\\.title: unknown field .*"), message);
        assertEquals(5, fleet.stored());
    }

    @Test
    void gzipUploadsAreInflatedWithinTheLimitAndBadEncodingsRefused() throws Exception {
        byte[] report = fleet.uploadDocument("m-web", "web-1", "Debian GNU/Linux 12", 0);
        HttpResponse<String> ok = fleet.uploadEncoded(ServerFixture.gzip(report), "gzip");
        assertEquals(201, ok.statusCode(), ok.body());
        assertEquals("m-web", JSON.readTree(ok.body()).get("machineId").asText());
        long id = JSON.readTree(ok.body()).get("id").asLong();
        // kept as the agent sent it
        assertEquals(new String(report, StandardCharsets.UTF_8),
                fleet.store.assessment(id).orElseThrow().reportJson());
        // a small body that inflates beyond the limit (256 KiB here)
        byte[] bomb = new byte[1024 * 1024];
        Arrays.fill(bomb, (byte) ' ');
        byte[] small = ServerFixture.gzip(bomb);
        assertTrue(small.length < 4096, "compressed: " + small.length);
        assertEquals("the upload is larger than 262144 bytes",
                error(fleet.uploadEncoded(small, "gzip"), 413, "payload_too_large"));
        assertEquals("the body is not valid gzip: Not in GZIP format",
                error(fleet.uploadEncoded(report, "gzip"), 400, "invalid_encoding"));
        assertEquals("Content-Encoding br is not supported: send gzip or identity",
                error(fleet.uploadEncoded(report, "br"), 415, "unsupported_encoding"));
        assertEquals(4, fleet.stored());
    }

    @Test
    void agentTokensUploadOnlyDevicesOfTheirGroups() throws Exception {
        String agentWeb = fleet.token("agent-web", Role.AGENT, "web");
        // web-1 is in group web by the host name rule: accepted
        HttpResponse<String> ok = fleet.upload(agentWeb, fleet.report("m-web", "web-1", "Debian GNU/Linux 12", 0),
                null);
        assertEquals(201, ok.statusCode(), ok.body());
        assertEquals("web", JSON.readTree(ok.body()).get("group").asText());
        // db-1 runs Debian: group db; other-2 matches no rule: Ungrouped. Both refused, nothing stored
        assertEquals("group: machine 'm-db' (db-1) belongs to device group 'db', which this token may not upload "
                + "to (its groups: web)", error(fleet.upload(agentWeb, fleet.report("m-db", "db-1",
                        "Debian GNU/Linux 12", 0, 1), "g-db"), 403, "forbidden"));
        assertEquals("group: machine 'm-new' (other-2) belongs to device group 'Ungrouped', which this token may "
                + "not upload to (its groups: web)", error(fleet.upload(agentWeb, fleet.report("m-new", "other-2",
                        "Alpine Linux", 2), null), 403, "forbidden"));
        assertEquals(4, fleet.stored());
        assertEquals(3, fleet.get("/api/machines", fleet.admin).get("count").asInt());
        // the refused upload id was not taken: the right token stores it
        assertEquals(201, fleet.upload(fleet.agent, fleet.report("m-db", "db-1", "Debian GNU/Linux 12", 0, 1),
                "g-db").statusCode());
        assertEquals(5, fleet.stored());
    }

    @Test
    void anUploadIdOfMoreThan200CharactersIsRefused() throws Exception {
        JsonNode before = fleet.get("/api/machines", fleet.admin);
        for (String bad : new String[] {"x".repeat(201), "with space"}) {
            assertEquals("Upload-Id: 1 to 200 visible ASCII characters", error(fleet.upload(fleet.agent,
                    fleet.report("m-web", "web-1", "Debian GNU/Linux 12"), bad), 400, "invalid_upload_id"), bad);
        }
        assertEquals(3, fleet.stored());
        assertEquals(before, fleet.get("/api/machines", fleet.admin));
    }

    @Test
    void aBodyThatDoesNotSayItIsJsonIsRefused() throws Exception {
        byte[] good = fleet.report("m-web", "web-1", "Debian GNU/Linux 12");
        for (String type : new String[] {"text/plain", "application/x-www-form-urlencoded", null}) {
            java.net.http.HttpRequest.Builder b = java.net.http.HttpRequest.newBuilder(java.net.URI.create(fleet.base
                    + "/api/assessments")).POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(good))
                    .header("Authorization", "Bearer " + fleet.agent);
            if (type != null) {
                b.header("Content-Type", type);
            }
            assertEquals("a request body must be JSON: Content-Type: application/json", error(fleet.http.send(
                    b.build(), java.net.http.HttpResponse.BodyHandlers.ofString()), 415, "unsupported_media_type"),
                    String.valueOf(type));
        }
        assertEquals(3, fleet.stored());
        java.net.http.HttpRequest charset = java.net.http.HttpRequest.newBuilder(java.net.URI.create(fleet.base
                + "/api/assessments")).POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(good))
                .header("Authorization", "Bearer " + fleet.agent)
                .header("Content-Type", "Application/JSON; charset=utf-8").build();
        assertEquals(201, fleet.http.send(charset, java.net.http.HttpResponse.BodyHandlers.ofString()).statusCode());
    }

    @Test
    void aMachineIdLongerThanTheStoreKeepsIsABadUploadNotAnOutage() throws Exception {
        JsonNode before = fleet.get("/api/machines", fleet.admin);
        // a 503 would make the agent retry for ever; the id would otherwise reach the database as a failed insert
        String message = error(fleet.upload(fleet.agent, fleet.report("m".repeat(20_000), "web-1",
                "Debian GNU/Linux 12"), "long-id"), 400, "invalid_report");
        assertTrue(message.endsWith("device.id: longer than 400 characters (20000)"), message);
        assertEquals(3, fleet.stored());
        assertEquals(before, fleet.get("/api/machines", fleet.admin));
    }

    @Test
    void anAgentOfOneGroupCannotTakeOverAnotherGroupsMachine() throws Exception {
        String agentWeb = fleet.token("agent-web", Role.AGENT, "web");
        JsonNode history = fleet.get("/api/machines/m-db/assessments", fleet.admin);
        // the db machine's id with a host name the rules put into web
        assertEquals("group: machine 'm-db' (web-9) belongs to device group 'db', which this token may not upload "
                + "to (its groups: web)", error(fleet.upload(agentWeb, fleet.report("m-db", "web-9",
                        "Debian GNU/Linux 12"), "takeover"), 403, "forbidden"));
        assertEquals(3, fleet.stored());
        assertEquals(history, fleet.get("/api/machines/m-db/assessments", fleet.admin));
        assertEquals("db", fleet.get("/api/machines/m-db", fleet.admin).get("group").asText());
        assertEquals("no machine 'm-db'", error(fleet.send("GET", "/api/machines/m-db", fleet.viewerWeb, null), 404,
                "not_found"));
        // the db machine's own agent renamed into web-9: the rules say web, but it stays in db
        String agentDb = fleet.token("agent-db", Role.AGENT, "db");
        HttpResponse<String> renamed = fleet.upload(agentDb, fleet.report("m-db", "web-9", "Debian GNU/Linux 12"),
                null);
        assertEquals(201, renamed.statusCode(), renamed.body());
        assertEquals("db", JSON.readTree(renamed.body()).get("group").asText());
        // an agent of every group moves it, as the rules say
        HttpResponse<String> moved = fleet.upload(fleet.agent, fleet.report("m-db", "web-9", "Debian GNU/Linux 12"),
                null);
        assertEquals("web", JSON.readTree(moved.body()).get("group").asText());
        assertEquals(5, fleet.stored());
    }

    @Test
    void uploadIdsAreOnlyRecognizedForTheCallersOwnMachine() throws Exception {
        String agentWeb = fleet.token("agent-web", Role.AGENT, "web");
        // m-db's upload id "u-db", sent with m-db's report by a token that may not upload it: refused, not
        // answered "duplicate" with m-db's assessment id
        assertEquals("group: machine 'm-db' (db-1) belongs to device group 'db', which this token may not upload "
                + "to (its groups: web)", error(fleet.upload(agentWeb, fleet.report("m-db", "db-1",
                        "Debian GNU/Linux 12"), "u-db"), 403, "forbidden"));
        // the same id for another machine is another upload: stored
        HttpResponse<String> other = fleet.upload(agentWeb, fleet.report("m-web", "web-1", "Debian GNU/Linux 12"),
                "u-db");
        assertEquals(201, other.statusCode(), other.body());
        assertEquals(4, fleet.stored());
        // and m-db's own repeat still is a duplicate
        HttpResponse<String> again = fleet.upload(fleet.agent, fleet.report("m-db", "db-1", "Debian GNU/Linux 12",
                0, 1), "u-db");
        assertEquals(200, again.statusCode(), again.body());
        assertEquals(true, JSON.readTree(again.body()).get("duplicate").asBoolean());
        assertEquals(4, fleet.stored());
    }
}
