package org.bulwark.server.internal;

import static org.bulwark.server.internal.ServerFixture.error;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import org.bulwark.collector.api.inventory.SoftwareInventory;
import org.bulwark.collector.api.inventory.SoftwareItem;
import org.bulwark.operations.api.VulnerabilityOperations;
import org.bulwark.report.api.ReportFormat;
import org.bulwark.scoring.api.Assessment;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@code /api/Software}, {@code /api/machines/{id}/software}, {@code /api/exposure} and
 * {@code /api/machines/{id}/vulnerabilities}: the uploaded inventories and what the imported feeds make of them,
 * within the caller's groups.
 */
class SoftwareTest extends ServerTestBase {

    static SoftwareItem item(String name, String version, String source) {
        return new SoftwareItem(name, "amd64", version, source, version, "installed", "", "dpkg");
    }

    /** Uploads an assessment of machine {@code id} whose dpkg inventory is {@code items}. */
    private void upload(String id, String host, SoftwareInventory inventory) throws Exception {
        Assessment a = fleet.assessment(id, host, "Debian GNU/Linux 12");
        Assessment with = new Assessment(a.device(), a.platform(), a.root(), a.live(), a.started(),
                a.finished().plusSeconds(60), a.benchmarks(), a.collectors(), a.controls(), a.score(),
                a.recommendations(), a.exceptions(), a.problems(), List.of(inventory));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        fleet.writer.write(with, ReportFormat.UPLOAD, out, null);
        assertEquals(201, fleet.upload(fleet.agent, out.toByteArray(), null).statusCode());
    }

    @Test
    void softwareIsCountedOnlyOnTheCallersMachines() throws Exception {
        upload("m-web", "web-1", SoftwareInventory.read("dpkg", List.of(item("bsdutils", "1:2.38.1-5", "util-linux"),
                item("libc6", "2.36-9+deb12u13", "glibc")), List.of()));
        upload("m-db", "db-1", SoftwareInventory.read("dpkg", List.of(item("libc6", "2.36-9+deb12u14", "glibc")),
                List.of()));
        upload("m-other", "other-1", SoftwareInventory.unreadable("dpkg", "/var/lib/dpkg/status: permission denied"));

        JsonNode all = fleet.get("/api/Software", fleet.admin);
        assertEquals(2, all.get("count").asInt());
        assertEquals("{\"id\":\"dpkg:bsdutils\",\"name\":\"bsdutils\",\"vendor\":\"\",\"origin\":\"dpkg\","
                + "\"installedMachines\":1,\"versions\":[\"1:2.38.1-5\"]}", all.get("value").get(0).toString());
        assertEquals("{\"id\":\"dpkg:libc6\",\"name\":\"libc6\",\"vendor\":\"\",\"origin\":\"dpkg\","
                + "\"installedMachines\":2,\"versions\":[\"2.36-9+deb12u13\",\"2.36-9+deb12u14\"]}",
                all.get("value").get(1).toString());
        // a viewer of db sees db's machine only: the web machine's packages and versions are not counted
        JsonNode db = fleet.get("/api/Software", fleet.viewerDb);
        assertEquals(1, db.get("count").asInt());
        assertEquals("{\"id\":\"dpkg:libc6\",\"name\":\"libc6\",\"vendor\":\"\",\"origin\":\"dpkg\","
                + "\"installedMachines\":1,\"versions\":[\"2.36-9+deb12u14\"]}", db.get("value").get(0).toString());

        JsonNode web = fleet.get("/api/machines/web-1/software", fleet.viewerWeb);
        assertEquals(1, web.get("count").asInt());
        JsonNode inv = web.get("value").get(0);
        assertEquals("m-web", inv.get("deviceId").asText());
        assertEquals("READ", inv.get("state").asText());
        assertEquals("debian 12", inv.get("osId").asText() + " " + inv.get("osVersion").asText(),
                "the platform the agent probed is kept with the inventory (for matching feeds)");
        assertEquals("dpkg:bsdutils:amd64 dpkg:libc6:amd64", inv.get("items").get(0).get("id").asText() + " "
                + inv.get("items").get(1).get("id").asText());
        assertEquals(2, inv.get("items").size());
        assertEquals("no machine 'm-db'", error(fleet.send("GET", "/api/machines/m-db/software", fleet.viewerWeb,
                null), 404, "not_found"));
        assertEquals("no machine 'db-1'", error(fleet.send("GET", "/api/machines/db-1/software", fleet.viewerWeb,
                null), 404, "not_found"));
        JsonNode other = fleet.get("/api/machines/m-other/software", fleet.admin).get("value").get(0);
        assertEquals("UNREADABLE", other.get("state").asText());
        assertEquals("/var/lib/dpkg/status: permission denied", other.get("reason").asText());
        assertEquals(0, other.get("items").size());
        assertEquals(401, fleet.send("GET", "/api/Software", null, null).statusCode());
    }

    static final String TRACKER = """
            {"openssl": {"CVE-2024-0001": {"releases": {"bookworm": {"status": "resolved",
              "repositories": {"bookworm-security": "3.0.17-1~deb12u2"}, "fixed_version": "3.0.17-1~deb12u2",
              "urgency": "high"}}}},
             "util-linux": {"CVE-2024-1000": {"releases": {"bookworm": {"status": "resolved",
              "repositories": {"bookworm-security": "2.38.1-5+deb12u4"}, "fixed_version": "2.38.1-5+deb12u4",
              "urgency": "low"}}}}}
            """;
    static final String DEBIAN_CSV = """
            version,codename,series,created,release,eol,eol-lts,eol-elts
            12,Bookworm,bookworm,2021-08-02,2023-06-10,2026-06-10,2028-06-30,2033-06-30
            """;

    @Test
    void exposureIsComputedOverTheCallersMachinesOnly() throws Exception {
        upload("m-web", "web-1", SoftwareInventory.read("dpkg", List.of(item("libssl3", "3.0.15-1~deb12u1",
                "openssl")), List.of()));
        // bsdutils has an epoch, its source package (which the tracker names) none
        upload("m-db", "db-1", SoftwareInventory.read("dpkg", List.of(new SoftwareItem("bsdutils", "amd64",
                "1:2.38.1-5+deb12u3", "util-linux", "2.38.1-5+deb12u3", "installed", "", "dpkg")), List.of()));
        Path tracker = Files.writeString(fleet.dir.resolve("tracker.json"), TRACKER);
        Path csv = Files.writeString(fleet.dir.resolve("debian.csv"), DEBIAN_CSV);
        ServerFixture.service(VulnerabilityOperations.class).importFeeds(fleet.store, List.of(tracker, csv),
                Instant.now());

        JsonNode all = fleet.get("/api/exposure", fleet.admin);
        assertEquals(2, all.get("devices").size());
        assertEquals("sw-openssl sw-util-linux", all.get("recommendations").get(0).get("id").asText() + " "
                + all.get("recommendations").get(1).get("id").asText(), "highest exposure impact first");
        // a viewer of web: only web's machine, its score is the fleet's, db's package is no recommendation
        JsonNode web = fleet.get("/api/exposure", fleet.viewerWeb);
        assertEquals(1, web.get("devices").size());
        assertEquals("m-web", web.get("devices").get(0).get("id").asText());
        assertEquals(web.get("devices").get(0).get("score").asDouble(), web.get("score").asDouble(), 1e-9);
        assertEquals(1, web.get("recommendations").size());
        assertEquals("sw-openssl", web.get("recommendations").get(0).get("id").asText());

        JsonNode vulns = fleet.get("/api/machines/web-1/vulnerabilities", fleet.viewerWeb);
        assertEquals(1, vulns.get("count").asInt());
        JsonNode finding = vulns.get("value").get(0);
        assertEquals("CVE-2024-0001 openssl 3.0.15-1~deb12u1 3.0.17-1~deb12u2", finding.get("id").asText() + " "
                + finding.get("sourcePackage").asText() + " " + finding.get("installedVersion").asText() + " "
                + finding.get("fixedVersion").asText());
        assertEquals("no machine 'db-1'", error(fleet.send("GET", "/api/machines/db-1/vulnerabilities",
                fleet.viewerWeb, null), 404, "not_found"));
        assertEquals(0, fleet.get("/api/machines/m-other/vulnerabilities", fleet.admin).get("count").asInt(),
                "a machine with no inventory has no findings");
        assertEquals(401, fleet.send("GET", "/api/exposure", null, null).statusCode());

        // an upload after the feeds keeps the exposure the server computed for it (the earlier ones have none)
        double webScore = web.get("devices").get(0).get("score").asDouble();
        upload("m-web", "web-1", SoftwareInventory.read("dpkg", List.of(item("libssl3", "3.0.15-1~deb12u1",
                "openssl")), List.of()));
        JsonNode history = fleet.get("/api/configurationScore/history", fleet.viewerWeb).get("value");
        int n = history.size();
        for (int i = 0; i < n - 1; i++) {
            assertTrue(history.get(i).get("exposureScore").isNull(), history.toString());
        }
        assertEquals(webScore, history.get(n - 1).get("exposureScore").asDouble(), 1e-9);
        assertTrue(webScore > 0, "openssl's weakness counts");

        // a weakness exception of web's handler: web's openssl leaves web's exposure, db's util-linux stays
        fleet.post("/api/exceptions", fleet.excepterWeb, "{\"id\":\"ex-ssl\",\"controlId\":\"software:openssl\","
                + "\"scope\":\"device\",\"target\":\"m-web\",\"justification\":\"third-party-control\"}", 201);
        JsonNode excepted = fleet.get("/api/exposure", fleet.viewerWeb);
        assertEquals(0.0, excepted.get("score").asDouble(), 1e-9);
        assertEquals(0, excepted.get("devices").get(0).get("findings").size());
        assertEquals("ex-ssl", excepted.get("devices").get(0).get("excepted").get(0).get("exceptionId").asText());
        assertEquals(0, excepted.get("recommendations").size());
        assertEquals(0, fleet.get("/api/machines/web-1/vulnerabilities", fleet.viewerWeb).get("count").asInt());
        JsonNode admin = fleet.get("/api/exposure", fleet.admin);
        assertEquals(List.of("sw-util-linux"), admin.get("recommendations").findValuesAsText("id"));
        // it may not reach another group's machine, nor the whole fleet
        assertEquals("target: no machine 'm-db'", error(fleet.send("POST", "/api/exceptions", fleet.excepterWeb,
                "{\"controlId\":\"software:util-linux\",\"scope\":\"device\",\"target\":\"m-db\","
                        + "\"justification\":\"third-party-control\"}"), 400, "invalid_input"));
        assertEquals("scope: a global exception needs a token for every group", error(fleet.send("POST",
                "/api/exceptions", fleet.excepterWeb, "{\"controlId\":\"software:util-linux\",\"scope\":"
                        + "\"global\",\"justification\":\"third-party-control\"}"), 403, "forbidden"));
        JsonNode after = fleet.get("/api/exposure", fleet.admin).get("devices");
        assertEquals("m-db 1 0, m-web 0 1", after.get(0).get("id").asText() + " " + after.get(0).get("findings").size()
                + " " + after.get(0).get("excepted").size() + ", " + after.get(1).get("id").asText() + " "
                + after.get(1).get("findings").size() + " " + after.get(1).get("excepted").size());
    }
}
