package org.bulwark.cli.internal;

import static org.bulwark.testing.ExposureExample.DEBIAN_CSV;
import static org.bulwark.testing.ExposureExample.EPSS;
import static org.bulwark.testing.ExposureExample.STATUS;
import static org.bulwark.testing.ExposureExample.TRACKER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Feeds and weaknesses end to end in OSGi, with the real feed readers, matcher and scorer: a Debian 12 image is
 * assessed (its dpkg inventory stored), feeds are imported, and the exposure is the one worked out by hand.
 */
class WeaknessesCommandTest {

    @RegisterExtension
    final CliRun bulwark = CliRun.withFacts();

    @TempDir
    Path dir;

    private int run(String... args) {
        return bulwark.runWithData(dir.resolve("data"), args);
    }


    /** A Debian 12 root with the worked example's facts (all passing) and {@link org.bulwark.testing.ExposureExample#STATUS}. */
    private Path debian(String id) throws Exception {
        Path root = FactsFixture.device(dir, id, "PPPPP");
        Files.writeString(root.resolve("etc/os-release"), "PRETTY_NAME=\"Debian GNU/Linux 12 (bookworm)\"\n"
                + "ID=debian\nVERSION_ID=\"12\"\nVERSION_CODENAME=bookworm\n");
        Files.createDirectories(root.resolve("var/lib/dpkg"));
        Files.writeString(root.resolve("var/lib/dpkg/status"), STATUS);
        return root;
    }

    private int assess(Path root) throws Exception {
        return run("assess", "--root", root.toString(), "--benchmark", FactsFixture.content(dir).toString(), "-o",
                dir.resolve(root.getFileName() + ".txt").toString());
    }

    @Test
    void feedsAreImportedOnceAndAMalformedOneChangesNothing() throws Exception {
        Path tracker = Files.writeString(dir.resolve("tracker.json"), TRACKER);
        Path csv = Files.writeString(dir.resolve("debian.csv"), DEBIAN_CSV);
        assertEquals(ExitCodes.OK, run("feeds", "import", tracker.toString(), csv.toString()), bulwark.err());
        assertEquals(tracker + ": TRACKER, 3 records, imported\n" + csv + ": DISTRO_INFO:debian.csv, 1 records, "
                + "imported\n", bulwark.out());
        assertEquals(ExitCodes.OK, run("feeds", "import", tracker.toString()), bulwark.err());
        assertEquals(tracker + ": TRACKER, 3 records, unchanged (the store holds this content already)\n",
                bulwark.out());
        Path broken = Files.writeString(dir.resolve("broken.json"), TRACKER.substring(0, 200));
        Path epss = Files.writeString(dir.resolve("epss.csv"), EPSS);
        assertEquals(ExitCodes.CONTENT, run("feeds", "import", epss.toString(), broken.toString()));
        assertTrue(bulwark.err().startsWith("bulwark: " + broken + ": "), bulwark.err());
        assertTrue(bulwark.err().contains("; no feed was imported"), bulwark.err());
        Path notAFeed = Files.writeString(dir.resolve("notes.txt"), "hello\n");
        assertEquals(ExitCodes.CONTENT, run("feeds", "import", notAFeed.toString()));
        assertTrue(bulwark.err().contains(notAFeed + ": not a feed Bulwark reads"), bulwark.err());
        assertEquals(ExitCodes.OK, run("feeds", "list", "--format", "json"), bulwark.err());
        JsonNode feeds = new ObjectMapper().readTree(bulwark.out());
        assertEquals(2, feeds.size(), "the EPSS file given with the broken one was not imported: " + feeds);
        assertEquals("DISTRO_INFO:debian.csv", feeds.get(0).get("kind").asText());
        assertEquals("TRACKER", feeds.get(1).get("kind").asText());
        assertEquals(false, feeds.get(1).get("stale").asBoolean());
    }

    @Test
    void weaknessesAreTheWorkedExample() throws Exception {
        assertEquals(ExitCodes.OK, assess(debian("d1")), bulwark.err());
        assertEquals(ExitCodes.OK, assess(FactsFixture.device(dir, "d2", "PPPPP")), bulwark.err());
        assertEquals(ExitCodes.OK, run("weaknesses"), bulwark.err());
        assertEquals("""
                Exposure score — over 0 of 2 devices with an inventory  — STALE: no advisory feed is imported (bulwark feeds import)
                  d1                       debian 12                not matched: the distro-info feed has no debian 12: import /usr/share/distro-info/debian.csv (distro-info-data)
                  d2                                                not matched: its dpkg inventory is UNAVAILABLE: no dpkg package database /var/lib/dpkg/status (not a Debian-based system)
                """, bulwark.out());
        assertEquals(ExitCodes.OK, run("feeds", "import", Files.writeString(dir.resolve("tracker.json"), TRACKER)
                .toString(), Files.writeString(dir.resolve("debian.csv"), DEBIAN_CSV).toString(),
                Files.writeString(dir.resolve("epss.csv"), EPSS).toString()), bulwark.err());
        // openssl: s 0.5 (medium, no CVSS), e 0.5 (EPSS): r = 0.5·(0.3 + 0.7·0.5) = 0.325
        // util-linux: s 0.2 (low), e 0.1 (no EPSS): r = 0.2·0.37 = 0.074; tar was never affected
        // E = 100·(1 − 0.675·0.926) = 37.495: medium; without openssl 7.4 (impact 30.095), without util-linux 32.5
        // (impact 4.995; in doubles both a hair below, so shown as 30.09 and 4.99)
        assertEquals(ExitCodes.OK, run("weaknesses", "--device", "d1"), bulwark.err());
        assertEquals("""
                Exposure score 37.5 (MEDIUM) over 1 of 1 devices with an inventory
                  d1                       debian 12 (bookworm)     37.5 MEDIUM, 2 findings
                    ID                 SOURCE                   INSTALLED                  FIXED IN                   STATE        SEVERITY   RISK
                    CVE-2024-0001      openssl                  3.0.15-1~deb12u1           3.0.17-1~deb12u2           VULNERABLE   MEDIUM     0.325
                    CVE-2024-1000      util-linux               2.38.1-5+deb12u3           2.38.1-5+deb12u4           VULNERABLE   LOW        0.074

                Software recommendations (2 of 2)
                   impact  devices  findings  recommendation
                    30.09        1         1  Update openssl to version 3.0.17-1~deb12u2
                     4.99        1         1  Update util-linux to version 2.38.1-5+deb12u4
                """, bulwark.out());
        assertEquals(ExitCodes.OK, run("weaknesses", "--format", "json"), bulwark.err());
        JsonNode e = new ObjectMapper().readTree(bulwark.out());
        assertEquals(37.495, e.get("score").asDouble(), 1e-9);
        assertEquals("MEDIUM", e.get("band").asText());
        assertEquals(false, e.get("stale").asBoolean());
        assertEquals(2, e.get("devices").size());
        assertEquals("sw-openssl", e.get("recommendations").get(0).get("id").asText());
        assertEquals("[\"libssl3:amd64\",\"openssl:amd64\"]", e.get("recommendations").get(0).get("binaries")
                .toString());
        assertEquals(30.095, e.get("recommendations").get(0).get("exposureImpact").asDouble(), 1e-9);
        assertEquals(0.0, e.get("recommendations").get(0).get("configScoreImpact").asDouble());
        assertEquals(ExitCodes.USAGE, run("weaknesses", "--device", "ghost"));
        assertTrue(bulwark.err().contains("--device: no stored device has the machine id or host name 'ghost'"),
                bulwark.err());
    }

    @Test
    void aCreditingWeaknessExceptionTakesItsFindingOutOfTheExposureAndAnotherOneOnlyShowsIt() throws Exception {
        Path d1 = debian("d1");
        assertEquals(ExitCodes.OK, assess(d1), bulwark.err());
        assertEquals(ExitCodes.OK, run("feeds", "import", Files.writeString(dir.resolve("tracker.json"), TRACKER)
                .toString(), Files.writeString(dir.resolve("debian.csv"), DEBIAN_CSV).toString(),
                Files.writeString(dir.resolve("epss.csv"), EPSS).toString()), bulwark.err());
        assertEquals(ExitCodes.OK, run("exception", "create", "--id", "ex-openssl", "--control", "cve:cve-2024-0001",
                "--scope", "device", "--target", "d1", "--justification", "alternate-mitigation"), bulwark.err());
        // only util-linux counts: E = 100·(1 − 0.926) = 7.4; openssl's update is gone from the recommendations
        assertEquals(ExitCodes.OK, run("weaknesses", "--device", "d1"), bulwark.err());
        assertEquals("""
                Exposure score 7.4 (LOW) over 1 of 1 devices with an inventory
                  d1                       debian 12 (bookworm)     7.4 LOW, 1 findings, 1 excepted
                    ID                 SOURCE                   INSTALLED                  FIXED IN                   STATE        SEVERITY   RISK
                    CVE-2024-1000      util-linux               2.38.1-5+deb12u3           2.38.1-5+deb12u4           VULNERABLE   LOW        0.074
                    excepted:
                    CVE-2024-0001      openssl                  ex-openssl alternate-mitigation (not counted)

                Software recommendations (1 of 1)
                   impact  devices  findings  recommendation
                      7.4        1         1  Update util-linux to version 2.38.1-5+deb12u4
                """, bulwark.out());
        // risk accepted gives no credit: shown as excepted, still counted and still recommended
        assertEquals(ExitCodes.OK, run("exception", "create", "--id", "ex-util", "--control", "software:util-linux",
                "--scope", "global", "--justification", "risk-accepted"), bulwark.err());
        assertEquals(ExitCodes.OK, run("weaknesses", "--format", "json"), bulwark.err());
        JsonNode e = new ObjectMapper().readTree(bulwark.out());
        assertEquals(7.4, e.get("score").asDouble(), 1e-9);
        JsonNode device = e.get("devices").get(0);
        assertEquals(List.of("CVE-2024-1000"), device.get("findings").findValuesAsText("id"));
        assertEquals(2, device.get("excepted").size());
        assertEquals("ex-openssl", device.get("excepted").get(0).get("exceptionId").asText());
        assertEquals(true, device.get("excepted").get(0).get("credited").asBoolean());
        assertEquals("ex-util", device.get("excepted").get(1).get("exceptionId").asText());
        assertEquals("RISK_ACCEPTED", device.get("excepted").get(1).get("justification").asText());
        assertEquals(false, device.get("excepted").get(1).get("credited").asBoolean());
        assertEquals("sw-util-linux", e.get("recommendations").get(0).get("id").asText());
        assertEquals(1, e.get("recommendations").size());
        // the next assessment's report applies the same exceptions
        Path json = dir.resolve("d1.json");
        assertEquals(ExitCodes.OK, run("assess", "--root", d1.toString(), "--benchmark",
                FactsFixture.content(dir).toString(), "--format", "json", "-o", json.toString()), bulwark.err());
        assertEquals(7.4, new ObjectMapper().readTree(json.toFile()).get("exposure").get("score").asDouble(), 1e-9);
        // a target that names nothing is refused, and nothing is stored
        assertEquals(ExitCodes.USAGE, run("exception", "create", "--control", "software:no-such-source", "--scope",
                "global", "--justification", "risk-accepted"));
        assertTrue(bulwark.err().contains("unknown software 'no-such-source': no stored device has a package built "
                + "from that source"), bulwark.err());
        assertEquals(ExitCodes.USAGE, run("exception", "create", "--control", "cve:not an id", "--scope", "global",
                "--justification", "risk-accepted"));
        assertTrue(bulwark.err().contains("'not an id' is not a vulnerability id"), bulwark.err());
        // a cancelled exception stops counting: the worked example again
        assertEquals(ExitCodes.OK, run("exception", "cancel", "ex-openssl"), bulwark.err());
        assertEquals(ExitCodes.OK, run("weaknesses", "--format", "json"), bulwark.err());
        assertEquals(37.495, new ObjectMapper().readTree(bulwark.out()).get("score").asDouble(), 1e-9);
    }

    @Test
    void theAssessReportShowsTheExposureNextToTheSecureScore() throws Exception {
        Path d1 = debian("d1");
        assertEquals(ExitCodes.OK, assess(d1), bulwark.err());
        String before = Files.readString(dir.resolve("d1.txt"));
        assertTrue(before.contains("\nExposure score — (the distro-info feed has no debian 12: import "
                + "/usr/share/distro-info/debian.csv (distro-info-data))\n"), before);
        assertEquals(ExitCodes.OK, run("feeds", "import", Files.writeString(dir.resolve("tracker.json"), TRACKER)
                .toString(), Files.writeString(dir.resolve("debian.csv"), DEBIAN_CSV).toString(),
                Files.writeString(dir.resolve("epss.csv"), EPSS).toString()), bulwark.err());
        assertEquals(ExitCodes.OK, assess(d1), bulwark.err());
        String text = Files.readString(dir.resolve("d1.txt"));
        assertTrue(text.contains("""
                Exposure score 37.5 (medium) · 2 weaknesses in 2 packages · debian 12 (bookworm)

                Top weaknesses (2 of 2)
                   risk  severity    id                  package
                  0.325  MEDIUM      CVE-2024-0001       openssl · fixed in 3.0.17-1~deb12u2
                  0.074  LOW         CVE-2024-1000       util-linux · fixed in 2.38.1-5+deb12u4

                Top software updates (2 of 2; they lower exposure, not the secure score)
                  impact  weaknesses  recommendation
                    30.1           1  Update openssl to version 3.0.17-1~deb12u2
                     5.0           1  Update util-linux to version 2.38.1-5+deb12u4
                """), text);
        Path json = dir.resolve("d1.json");
        assertEquals(ExitCodes.OK, run("assess", "--root", d1.toString(), "--benchmark",
                FactsFixture.content(dir).toString(), "--format", "json", "-o", json.toString()), bulwark.err());
        JsonNode e = new ObjectMapper().readTree(json.toFile()).get("exposure");
        assertEquals(37.495, e.get("score").asDouble(), 1e-9);
        assertEquals("MEDIUM", e.get("band").asText());
        assertEquals("CVE-2024-0001", e.get("findings").get(0).get("id").asText());
        assertEquals(30.095, e.get("recommendations").get(0).get("exposureImpact").asDouble(), 1e-9);
        assertEquals(ExitCodes.OK, run("assess", "--root", d1.toString(), "--benchmark",
                FactsFixture.content(dir).toString(), "--format", "json", "--no-store", "-o", json.toString()),
                bulwark.err());
        // each stored assessment keeps the exposure computed when it was stored: none before the feeds
        assertEquals(ExitCodes.OK, run("history", "--format", "json"), bulwark.err());
        JsonNode history = new ObjectMapper().readTree(bulwark.out());
        assertEquals(3, history.size());
        assertTrue(history.get(0).get("exposureScore").isNull(), history.toString());
        assertEquals(37.495, history.get(1).get("exposureScore").asDouble(), 1e-9);
        assertEquals(37.495, history.get(2).get("exposureScore").asDouble(), 1e-9);
        assertEquals(ExitCodes.OK, run("history"), bulwark.err());
        assertTrue(bulwark.out().lines().skip(1).findFirst().orElseThrow().endsWith("       —"), bulwark.out());
        assertTrue(bulwark.out().lines().skip(2).findFirst().orElseThrow().endsWith("    37.5"), bulwark.out());
        JsonNode without = new ObjectMapper().readTree(json.toFile());
        assertEquals("d1", without.get("device").get("hostname").asText());
        assertTrue(!without.has("exposure"), "no store, no feeds, no exposure");
    }

    @Test
    void feedsAreUpdatedFromTheirUrlsAndAnUnreachableOneImportsNone() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        for (Map.Entry<String, String> e : Map.of("/json", TRACKER, "/epss.csv", EPSS).entrySet()) {
            server.createContext(e.getKey(), exchange -> {
                try (exchange) {
                    byte[] b = e.getValue().getBytes(StandardCharsets.UTF_8);
                    exchange.sendResponseHeaders(200, b.length);
                    exchange.getResponseBody().write(b);
                }
            });
        }
        server.start();
        try {
            String base = "http://127.0.0.1:" + server.getAddress().getPort();
            int closed;
            try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                closed = s.getLocalPort();
            }
            assertEquals(ExitCodes.IO, run("feeds", "update", "--url", "tracker=" + base + "/json", "--url",
                    "epss=http://127.0.0.1:" + closed + "/epss.csv"));
            assertTrue(bulwark.err().startsWith("bulwark: http://127.0.0.1:" + closed + "/epss.csv: cannot connect"),
                    bulwark.err());
            assertTrue(bulwark.err().endsWith("(offline?); no feed was imported\n"), bulwark.err());
            assertEquals(ExitCodes.OK, run("feeds", "list", "--format", "json"), bulwark.err());
            assertEquals(0, new ObjectMapper().readTree(bulwark.out()).size(), "the tracker fetched before the failure was not stored");

            assertEquals(ExitCodes.OK, run("feeds", "update", "--url", "tracker=" + base + "/json", "--url",
                    "epss=" + base + "/epss.csv"), bulwark.err());
            assertEquals(base + "/json: TRACKER, 3 records, imported\n" + base + "/epss.csv: EPSS, 1 records of "
                    + "2026-12-01T00:00:00+0000, imported\n", bulwark.out());
            assertEquals(ExitCodes.OK, run("feeds", "update", "--feed", "tracker", "--url", "tracker=" + base
                    + "/json"), bulwark.err());
            assertTrue(bulwark.out().startsWith(base + "/json: TRACKER, 3 records, unchanged since "),
                    bulwark.out());

            assertEquals(ExitCodes.USAGE, run("feeds", "update", "--feed", "nvd"));
            assertEquals("bulwark: --feed: no feed 'nvd' (the feeds: [tracker, epss, kev, osv-debian, "
                    + "osv-ubuntu])\n", bulwark.err());
            assertEquals(ExitCodes.CONTENT, run("feeds", "update", "--url", "kev=http://192.0.2.1/kev.json"));
            assertEquals("bulwark: http://192.0.2.1/kev.json: feeds are fetched over https only (http only from "
                    + "this machine's loopback address); no feed was imported\n", bulwark.err());
        } finally {
            server.stop(0);
        }
    }
}
