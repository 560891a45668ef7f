package org.bulwark.cli.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * {@code bulwark assess --scap}: SSG's Debian 11 standard profile on a compliant and a non-compliant fixture root
 * (where ssg-debian is installed), the score arithmetic of every result state on small content of our own, and
 * bad input refused with exit code 3.
 */
class ScapAssessTest {

    private static final Path SSG_DS11 = Path.of("/usr/share/xml/scap/ssg/content/ssg-debian11-ds.xml");
    private static final String STANDARD = "xccdf_org.ssgproject.content_profile_standard";
    private static final String RULE = "xccdf_org.ssgproject.content_rule_";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String OPENSSH = """
            Package: openssh-server
            Status: install ok installed
            Architecture: amd64
            Version: 1:8.4p1-5+deb11u1

            """;
    private static final String TELNETD = """
            Package: telnetd
            Status: install ok installed
            Architecture: amd64
            Version: 0.17-42

            """;

    @TempDir
    Path dir;

    @RegisterExtension
    final CliRun bulwark = CliRun.plain();

    private int reports;

    private Path root(String name, String sshd, String shadowMode, String status) throws IOException {
        Path root = dir.resolve(name);
        write(root, "etc/debian_version", "11.6\n");
        write(root, "etc/ssh/sshd_config", sshd);
        Path shadow = write(root, "etc/shadow", "root:*:19000:0:99999:7:::\n");
        Files.setPosixFilePermissions(shadow, PosixFilePermissions.fromString(shadowMode));
        write(root, "var/lib/dpkg/status", status);
        return root;
    }

    private static Path write(Path root, String file, String text) throws IOException {
        Path p = root.resolve(file);
        Files.createDirectories(p.getParent());
        return Files.writeString(p, text);
    }

    private JsonNode assess(Path root, String... more) throws IOException {
        return assess(ExitCodes.OK, root, more);
    }

    /** @return the JSON report of {@code assess --root root more…}, which must exit with {@code exit} */
    private JsonNode assess(int exit, Path root, String... more) throws IOException {
        Path report = dir.resolve("report-" + (++reports) + ".json");
        String[] args = new String[] { "assess", "--root", root.toString(), "--no-store", "--format", "json",
                "--output", report.toString() };
        String[] all = java.util.Arrays.copyOf(args, args.length + more.length);
        System.arraycopy(more, 0, all, args.length, more.length);
        assertEquals(exit, bulwark.run(all), bulwark.err());
        return JSON.readTree(report.toFile());
    }

    private static Map<String, String> states(JsonNode report) {
        Map<String, String> states = new TreeMap<>();
        report.get("results").forEach(r -> states.put(r.get("id").asText(), r.get("state").asText()));
        return states;
    }

    private static Map<String, Integer> counts(Map<String, String> states) {
        Map<String, Integer> counts = new TreeMap<>();
        states.values().forEach(s -> counts.merge(s, 1, Integer::sum));
        return counts;
    }

    @Test
    void ssgStandardProfileOnCompliantAndNonCompliantRoots() throws IOException {
        assumeTrue(Files.isRegularFile(SSG_DS11), "ssg-debian is not installed (no " + SSG_DS11 + ")");
        Path good = root("good", "PermitRootLogin no\n", "rw-------", OPENSSH);
        Path bad = root("bad", "PermitRootLogin yes\n", "rw-r--r--", OPENSSH + TELNETD);

        JsonNode g = assess(good, "--scap", SSG_DS11.toString(), "--profile", STANDARD);
        Map<String, String> gs = states(g);
        assertEquals("PASS", gs.get(RULE + "sshd_disable_root_login"));
        assertEquals("PASS", gs.get(RULE + "file_permissions_etc_shadow"));
        assertEquals("PASS", gs.get(RULE + "package_telnetd_removed"));
        assertEquals("FAIL", gs.get(RULE + "file_groupowner_etc_shadow")); // Debian wants group shadow
        assertEquals("NOT_APPLICABLE", gs.get(RULE + "service_auditd_enabled")); // platform: package audit
        assertEquals(44, gs.size());
        JsonNode content = g.get("content").get(0);
        assertEquals("scap:ssg-debian11-ds.xml:" + STANDARD, content.get("id").asText());
        assertEquals("0.1.65 " + STANDARD, content.get("version").asText());
        assertEquals(44, content.get("controls").asInt());

        JsonNode b = assess(bad, "--scap", SSG_DS11.toString(), "--profile", STANDARD);
        Map<String, String> bs = states(b);
        assertEquals("FAIL", bs.get(RULE + "sshd_disable_root_login"));
        assertEquals("FAIL", bs.get(RULE + "file_permissions_etc_shadow"));
        assertEquals("FAIL", bs.get(RULE + "package_telnetd_removed"));
        assertEquals("PASS", bs.get(RULE + "package_nis_removed"));
        assertEquals("NOT_APPLICABLE", bs.get(RULE + "service_auditd_enabled"));
        // the three rules the roots differ in move from PASS to FAIL; nothing else changes
        assertEquals(Map.of("FAIL", counts(gs).get("FAIL") + 3, "PASS", counts(gs).get("PASS") - 3,
                "NOT_APPLICABLE", 1), counts(bs));
        JsonNode telnet = null;
        for (JsonNode r : b.get("results")) {
            if (r.get("id").asText().equals(RULE + "package_telnetd_removed")) {
                telnet = r;
            }
        }
        assertTrue(telnet.toString().contains("dpkginfo_item name=telnetd, arch=amd64, epoch=0, release=42, "
                + "version=0.17, evr=0:0.17-42"), telnet.toString());
        assertEquals(10, telnet.get("weight").asInt()); // severity high
    }

    @Test
    void theDebian11StreamIsNotApplicableOnDebian12UnlessItsPlatformIsAssumed() throws IOException {
        assumeTrue(Files.isRegularFile(SSG_DS11), "ssg-debian is not installed (no " + SSG_DS11 + ")");
        Path twelve = root("twelve", "PermitRootLogin no\n", "rw-------", OPENSSH);
        write(twelve, "etc/debian_version", "12.5\n");
        assertEquals(Map.of("NOT_APPLICABLE", 44), counts(states(assess(twelve, "--scap", SSG_DS11.toString(),
                "--profile", STANDARD))));
        Map<String, String> assumed = states(assess(twelve, "--scap", SSG_DS11.toString(), "--profile", STANDARD,
                "--assume-platform", "cpe:/o:debian:debian_linux:11"));
        assertEquals("PASS", assumed.get(RULE + "sshd_disable_root_login"));
        assertEquals("NOT_APPLICABLE", assumed.get(RULE + "service_auditd_enabled"));
    }

    @Test
    void whatCouldNotRunNeverCountsAsPassed() throws IOException {
        Path content = dir.resolve("content");
        Files.createDirectories(content);
        for (String f : new String[] { "bench-xccdf.xml", "oval.xml" }) {
            try (InputStream in = ScapAssessTest.class.getResourceAsStream("scap/" + f)) {
                Files.copy(in, content.resolve(f));
            }
        }
        Path root = dir.resolve("root");
        write(root, "etc/flag", "ok\n");
        // an ERROR result: the assessment is incomplete (exit code 4), its report written
        JsonNode report = assess(ExitCodes.INCOMPLETE, root, "--scap", content.resolve("bench-xccdf.xml").toString(),
                "--profile", "xccdf_t_profile_all");
        Map<String, String> states = states(report);
        assertEquals(Map.of("xccdf_t_rule_pass", "PASS", "xccdf_t_rule_fail", "FAIL", "xccdf_t_rule_rpm",
                "NOT_CHECKED", "xccdf_t_rule_error", "ERROR", "xccdf_t_rule_ocil", "NOT_CHECKED",
                "xccdf_t_rule_value", "PASS"), states);
        // counted: pass (high, 10), value (low, 3) with credit; fail (medium, 6) and error (low, 3) without;
        // the not-checked rpm (high) and ocil (medium) rules are not counted
        JsonNode score = report.get("score");
        assertEquals(13.0, score.get("points").asDouble());
        assertEquals(22.0, score.get("maximum").asDouble());
        assertEquals(100.0 * 13 / 22, score.get("score").asDouble(), 1e-9);
        for (JsonNode r : report.get("results")) {
            if (r.get("id").asText().equals("xccdf_t_rule_rpm")) {
                assertTrue(r.get("reason").asText().contains("test type rpminfo_test (linux) is not implemented"),
                        r.toString());
            }
            if (r.get("id").asText().equals("xccdf_t_rule_error")) {
                assertTrue(r.get("reason").asText().contains("external variable oval:t:var:1 has no value"),
                        r.toString());
            }
        }
    }

    @Test
    void badInputExitsWith3() throws IOException {
        Path root = dir.resolve("root");
        Files.createDirectories(root);
        Path content = dir.resolve("content");
        Files.createDirectories(content);
        try (InputStream in = ScapAssessTest.class.getResourceAsStream("scap/bench-xccdf.xml")) {
            Files.writeString(content.resolve("bench-xccdf.xml"), new String(in.readAllBytes(),
                    java.nio.charset.StandardCharsets.UTF_8));
        }
        Path bench = content.resolve("bench-xccdf.xml");
        // oval.xml is missing beside the benchmark: a dangling check-content-ref
        assertEquals(ExitCodes.CONTENT, bulwark.run("assess", "--root", root.toString(), "--no-store", "--scap",
                bench.toString(), "--profile", "xccdf_t_profile_all"));
        assertTrue(bulwark.err().startsWith("bulwark: SCAP content rejected, nothing assessed: " + bench + ":"),
                bulwark.err());
        assertTrue(bulwark.err().contains("<check-content-ref> @href: the check content file \"oval.xml\" is "
                + "missing beside the benchmark"), bulwark.err());
        assertEquals("", bulwark.out());
        assertEquals(ExitCodes.USAGE, bulwark.run("assess", "--root", root.toString(), "--profile", "p"));
        if (Files.isRegularFile(SSG_DS11)) {
            assertEquals(ExitCodes.CONTENT, bulwark.run("assess", "--root", root.toString(), "--no-store", "--scap",
                    SSG_DS11.toString(), "--profile", "nope"));
            assertTrue(bulwark.err().contains("no profile \"nope\""), bulwark.err());
            assertEquals("", bulwark.out());
        }
    }
}
