package org.bulwark.server.internal;

import static org.bulwark.server.internal.ServerFixture.error;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.bulwark.server.api.Role;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@code /api/feeds}: an administrator of all groups imports the files of the server's feeds folder, and nothing
 * else — not a file outside it by an absolute name, by {@code ..} or through a link, not a URL of the client's
 * choosing; a malformed feed changes nothing stored.
 */
class FeedTest extends ServerTestBase {

    private Path feeds() throws Exception {
        return Files.createDirectories(fleet.dir.resolve(FeedResource.FOLDER));
    }

    private String importing(String... files) {
        StringBuilder b = new StringBuilder("{\"files\":[");
        for (int i = 0; i < files.length; i++) {
            b.append(i == 0 ? "" : ",").append('"').append(files[i]).append('"');
        }
        return b.append("]}").toString();
    }

    @Test
    void anAdministratorImportsTheFeedsFolderOnceAndEveryReaderSeesTheFeeds() throws Exception {
        Files.writeString(feeds().resolve("tracker.json"), SoftwareTest.TRACKER);
        Files.writeString(feeds().resolve("debian.csv"), SoftwareTest.DEBIAN_CSV);
        JsonNode first = fleet.post("/api/feeds/import", fleet.admin, importing("tracker.json", "debian.csv"), 200)
                .get("value");
        assertEquals(2, first.size());
        assertEquals("tracker.json", first.get(0).get("file").asText(), "named as the request named it");
        assertTrue(first.get(0).get("changed").asBoolean());
        assertEquals("TRACKER", first.get(0).get("feed").get("kind").asText());
        assertEquals("DISTRO_INFO:debian.csv", first.get(1).get("feed").get("kind").asText());

        JsonNode again = fleet.post("/api/feeds/import", fleet.admin, importing("tracker.json"), 200).get("value");
        assertFalse(again.get(0).get("changed").asBoolean(), "the same content changes nothing");

        JsonNode listed = fleet.get("/api/feeds", fleet.viewerWeb).get("value");
        assertEquals(List.of("DISTRO_INFO:debian.csv", "TRACKER"), List.of(listed.get(0).get("kind").asText(),
                listed.get(1).get("kind").asText()));
        assertFalse(listed.get(1).get("stale").asBoolean());
        assertEquals(first.get(0).get("feed").get("sha256"), listed.get(1).get("sha256"));
        assertEquals("tracker.json", listed.get(1).get("origin").asText(), "no path of the server's is shown");
        assertFalse(fleet.get("/api/exposure", fleet.viewerWeb).toString().contains(fleet.dir.toString()));

        // and the exposure is computed from them
        assertFalse(fleet.get("/api/exposure", fleet.admin).get("feeds").isEmpty());
    }

    @Test
    void noFileOutsideTheFeedsFolderIsEverRead() throws Exception {
        Path outside = Files.writeString(fleet.dir.resolve("outside.json"), SoftwareTest.TRACKER);
        Files.createSymbolicLink(feeds().resolve("link.json"), outside);
        Files.createSymbolicLink(feeds().resolve("up"), fleet.dir);
        Files.createDirectories(feeds().resolve("sub"));
        String notInside = "' is not inside the server's feeds folder";
        assertEquals("files: '" + outside + notInside, error(fleet.send("POST", "/api/feeds/import", fleet.admin,
                importing(outside.toString())), 400, "invalid_input"));
        assertEquals("files: '../outside.json" + notInside, error(fleet.send("POST", "/api/feeds/import",
                fleet.admin, importing("../outside.json")), 400, "invalid_input"));
        assertEquals("files: 'sub/../../outside.json" + notInside, error(fleet.send("POST", "/api/feeds/import",
                fleet.admin, importing("sub/../../outside.json")), 400, "invalid_input"));
        assertEquals("files: '." + notInside, error(fleet.send("POST", "/api/feeds/import", fleet.admin,
                importing(".")), 400, "invalid_input"));
        assertEquals("files: 'link.json' leads through a link, which is not followed", error(fleet.send("POST",
                "/api/feeds/import", fleet.admin, importing("link.json")), 400, "invalid_input"));
        assertEquals("files: 'up/outside.json' leads through a link, which is not followed", error(fleet.send(
                "POST", "/api/feeds/import", fleet.admin, importing("up/outside.json")), 400, "invalid_input"));
        assertEquals("files: 'tokens.json': no such file in the server's feeds folder", error(fleet.send("POST",
                "/api/feeds/import", fleet.admin, importing("tokens.json")), 400, "invalid_input"));
        for (String body : List.of("{}", "{\"files\":[]}", "{\"files\":\"tracker.json\"}", "{\"files\":[1]}",
                "[\"tracker.json\"]")) {
            assertEquals("files: a non-empty array of strings is required", error(fleet.send("POST",
                    "/api/feeds/import", fleet.admin, body), 400, "invalid_input"), body);
        }
        assertEquals(0, fleet.get("/api/feeds", fleet.admin).get("value").size());
    }

    @Test
    void aMalformedFeedChangesNothingAndNamesTheFileAsGiven() throws Exception {
        Files.writeString(feeds().resolve("tracker.json"), SoftwareTest.TRACKER);
        Files.writeString(feeds().resolve("broken.json"), SoftwareTest.TRACKER.substring(0, 60));
        Files.writeString(feeds().resolve("notes.txt"), "hello\n");
        fleet.post("/api/feeds/import", fleet.admin, importing("tracker.json"), 200);
        JsonNode kept = fleet.get("/api/feeds", fleet.admin).get("value");

        String broken = error(fleet.send("POST", "/api/feeds/import", fleet.admin, importing("broken.json")), 400);
        assertTrue(broken.startsWith("broken.json: "), broken);
        assertFalse(broken.contains(fleet.dir.toString()), "the server's paths are not told: " + broken);
        String notAFeed = error(fleet.send("POST", "/api/feeds/import", fleet.admin, importing("notes.txt")), 400);
        assertTrue(notAFeed.startsWith("notes.txt: not a feed Bulwark reads"), notAFeed);
        assertEquals(kept, fleet.get("/api/feeds", fleet.admin).get("value"));
    }

    @Test
    void onlyAnAdministratorOfAllGroupsChangesFeedsAndNeverWithAUrl() throws Exception {
        Files.writeString(feeds().resolve("tracker.json"), SoftwareTest.TRACKER);
        String adminWeb = fleet.token("admin-web", Role.ADMINISTRATOR, "web");
        String message = "a feed changes the exposure of every group's machines: importing one needs an "
                + "administrator token for all groups, not one of groups web";
        assertEquals(message, error(fleet.send("POST", "/api/feeds/import", adminWeb, importing("tracker.json")),
                403, "forbidden"));
        assertEquals(message, error(fleet.send("POST", "/api/feeds/update", adminWeb, null), 403, "forbidden"));
        assertEquals("role VIEWER may not POST /api/feeds/import", error(fleet.send("POST", "/api/feeds/import",
                fleet.viewerWeb, importing("tracker.json")), 403, "forbidden"));
        assertEquals("feeds: no feed 'https://attacker.example/x' (the feeds: [tracker, epss, kev, osv-debian, "
                + "osv-ubuntu])", error(fleet.send("POST", "/api/feeds/update", fleet.admin,
                        "{\"feeds\":[\"https://attacker.example/x\"]}"), 400, "invalid_input"));
        assertEquals("feeds: a non-empty array of strings is required", error(fleet.send("POST",
                "/api/feeds/update", fleet.admin, "{\"feeds\":\"tracker\"}"), 400, "invalid_input"));
        assertEquals(0, fleet.get("/api/feeds", fleet.admin).get("value").size());
    }
}
