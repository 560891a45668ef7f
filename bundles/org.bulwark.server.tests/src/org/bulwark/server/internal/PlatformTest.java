package org.bulwark.server.internal;

import static org.bulwark.server.internal.ServerFixture.error;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Map;

import org.bulwark.collector.api.PlatformFacts;
import org.bulwark.report.api.ReportFormat;
import org.bulwark.scoring.api.Assessment;
import org.bulwark.store.api.DevicePlatform;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A mixed fleet: each machine's {@code osPlatform} (Defender's values) from the platform its agent probed, the
 * {@code ?osPlatform=} filter within the caller's groups, a bad value refused, a machine that changes platform, and
 * the platforms read back from the store by a server that starts again.
 */
class PlatformTest extends ServerTestBase {

    /** Uploads an assessment of {@code id} on {@code platform}, {@code minutes} after the fixture's time. */
    private void upload(String id, String host, String os, PlatformFacts platform, int minutes) throws Exception {
        Assessment a = fleet.assessment(id, host, os);
        Assessment on = new Assessment(a.device(), platform, a.root(), a.live(), a.started(),
                a.finished().plusSeconds(60L * minutes), a.benchmarks(), a.collectors(), a.controls(), a.score(),
                a.recommendations(), a.exceptions(), a.problems(), a.software());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        fleet.writer.write(on, ReportFormat.UPLOAD, out, null);
        assertEquals(201, fleet.upload(fleet.agent, out.toByteArray(), null).statusCode());
    }

    private static PlatformFacts windows(String release, String host, String id) {
        return new PlatformFacts("windows", "windows", release, "Windows", "amd64", host, id);
    }

    private Map<String, String> platforms(JsonNode page) {
        java.util.TreeMap<String, String> m = new java.util.TreeMap<>();
        page.get("value").forEach(v -> m.put(v.get("id").asText(), v.get("osPlatform").asText()));
        return m;
    }

    @Test
    void machinesCarryTheirPlatformAndFilterByIt() throws Exception {
        upload("m-win", "web-win", "Windows 11 Pro", windows("11", "web-win", "m-win"), 1);
        upload("m-srv", "db-srv", "Windows Server 2022", windows("server-2022", "db-srv", "m-srv"), 1);
        assertEquals(Map.of("m-db", "Linux", "m-other", "Linux", "m-srv", "WindowsServer2022", "m-web", "Linux",
                "m-win", "Windows11"), platforms(fleet.get("/api/machines", fleet.admin)));
        assertEquals("Windows11", fleet.get("/api/machines/m-win", fleet.admin).get("osPlatform").asText());

        assertEquals(Map.of("m-win", "Windows11"), platforms(fleet.get("/api/machines?osPlatform=windows11",
                fleet.admin)), "case-insensitive, as Defender's filter values are");
        assertEquals(3, fleet.get("/api/machines?osPlatform=Linux", fleet.admin).get("count").asInt());
        assertEquals(0, fleet.get("/api/machines?osPlatform=macOS", fleet.admin).get("count").asInt());
        // a scope never widens by a filter: the db viewer sees its Windows server, never the web group's machine
        String group = fleet.get("/api/machines/m-win", fleet.admin).get("group").asText();
        String other = group.equals("db") ? fleet.viewerWeb : fleet.viewerDb;
        String own = group.equals("db") ? fleet.viewerDb : fleet.viewerWeb;
        assertEquals(0, fleet.get("/api/machines?osPlatform=Windows11", other).get("count").asInt(),
                "a machine of group " + group + " is not counted for another group's viewer");
        assertEquals(group.equals("web") || group.equals("db") ? 1 : 0,
                fleet.get("/api/machines?osPlatform=Windows11", own).get("count").asInt());

        String bad = error(fleet.send("GET", "/api/machines?osPlatform=Solaris", fleet.admin, null), 400,
                "invalid_parameter");
        assertTrue(bad.startsWith("osPlatform must be one of [Linux, Windows10, Windows11, WindowsServer2016"), bad);
        assertTrue(bad.endsWith(", not 'Solaris'"), bad);

        // the same machine, reinstalled as Windows 10: its newest assessment decides
        upload("m-win", "web-win", "Windows 10 Pro", windows("10", "web-win", "m-win"), 2);
        assertEquals("Windows10", fleet.get("/api/machines/m-win", fleet.admin).get("osPlatform").asText());
        assertEquals(0, fleet.get("/api/machines?osPlatform=Windows11", fleet.admin).get("count").asInt());

        // a server that starts again reads them from the store
        FleetState again = new FleetState(fleet.store, fleet.scoring);
        again.load();
        Map<String, DevicePlatform> read = again.platforms();
        assertEquals(new DevicePlatform("windows", "10"), read.get("m-win"));
        assertEquals(new DevicePlatform("windows", "server-2022"), read.get("m-srv"));
        assertEquals(List.of("m-db", "m-other", "m-srv", "m-web", "m-win"), List.copyOf(new java.util.TreeSet<>(
                read.keySet())));
    }
}
