package org.bulwark.cli.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The reference implementation and Bulwark on the same SCAP content, rule by rule: SSG's Debian 11 stream (its
 * platform check widened to accept Debian 12, as docs/comparison.md does), the standard profile, evaluated by
 * {@code oscap xccdf eval} and by {@code bulwark assess --scap --format xccdf}. Every one of the 355 rule results
 * must be the same, but for the documented cases where OpenSCAP is wrong (docs/comparison.md, "The same SCAP
 * content through both engines"). Runs where openscap-scanner and ssg-debian are installed, as in CI.
 */
class ScapOscapAgreementTest {

    private static final Path SSG_DS11 = Path.of("/usr/share/xml/scap/ssg/content/ssg-debian11-ds.xml");
    private static final String STANDARD = "xccdf_org.ssgproject.content_profile_standard";
    private static final String RULE = "xccdf_org.ssgproject.content_rule_";
    private static final String XCCDF = "http://checklists.nist.gov/xccdf/1.2";

    @TempDir
    Path dir;

    @RegisterExtension
    final CliRun bulwark = CliRun.plain();

    private Path widened() throws IOException {
        assumeTrue(Files.isRegularFile(SSG_DS11), "ssg-debian is not installed (no " + SSG_DS11 + ")");
        assumeTrue(onPath("oscap"), "openscap-scanner is not installed");
        String stream = Files.readString(SSG_DS11, StandardCharsets.UTF_8);
        String widened = stream.replace("^11.[0-9]+$", "^1[12].[0-9]+$");
        assertTrue(!widened.equals(stream), "the stream's Debian 11 platform check was not found");
        return Files.writeString(dir.resolve("ssg-debian11-on-12-ds.xml"), widened);
    }

    /** @return each rule's result by short rule id, as {@code oscap} finds it on {@code root} */
    private Map<String, String> oscap(Path stream, Path root) throws Exception {
        Path results = dir.resolve("oscap-" + root.getFileName() + ".xml");
        ProcessBuilder pb = new ProcessBuilder("oscap", "xccdf", "eval", "--profile", STANDARD, "--results",
                results.toString(), stream.toString()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("oscap.log").toFile());
        if (!root.toString().equals("/")) {
            pb.environment().put("OSCAP_PROBE_ROOT", root.toString());
        }
        Process p = pb.start();
        assertTrue(p.waitFor(600, TimeUnit.SECONDS), "oscap xccdf eval did not finish");
        // 0: all passed, 2: some failed; anything else is oscap's own error
        assertTrue(p.exitValue() == 0 || p.exitValue() == 2, "oscap exited with " + p.exitValue() + ": "
                + Files.readString(dir.resolve("oscap.log")));
        return results(results);
    }

    private Map<String, String> bulwark(Path stream, Path root) throws Exception {
        Path results = dir.resolve("bulwark-" + root.getFileName() + ".xml");
        int exit = bulwark.run("assess", "--root", root.toString(), "--no-store", "--scap", stream.toString(),
                "--profile", STANDARD, "--format", "xccdf", "--output", results.toString());
        assertTrue(exit == ExitCodes.OK || exit == ExitCodes.INCOMPLETE, bulwark.err());
        return results(results);
    }

    private static Map<String, String> results(Path file) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Element doc = f.newDocumentBuilder().parse(file.toFile()).getDocumentElement();
        Element testResult = (Element) doc.getElementsByTagNameNS(XCCDF, "TestResult").item(0);
        NodeList list = testResult.getElementsByTagNameNS(XCCDF, "rule-result");
        Map<String, String> results = new TreeMap<>();
        for (int i = 0; i < list.getLength(); i++) {
            Element rr = (Element) list.item(i);
            results.put(rr.getAttribute("idref").replace(RULE, ""),
                    rr.getElementsByTagNameNS(XCCDF, "result").item(0).getTextContent());
        }
        return results;
    }

    /** @return rule → "oscap's / Bulwark's" for every rule where they differ */
    private static Map<String, String> differences(Map<String, String> oscap, Map<String, String> bulwark) {
        assertEquals(oscap.keySet(), bulwark.keySet(), "the same rules");
        Map<String, String> differ = new TreeMap<>();
        oscap.forEach((rule, result) -> {
            if (!result.equals(bulwark.get(rule))) {
                differ.put(rule, result + " / " + bulwark.get(rule));
            }
        });
        return differ;
    }

    @Test
    void onThisMachineEveryRuleHasTheSameResult() throws Exception {
        Path stream = widened();
        Path root = Path.of("/");
        Map<String, String> oscap = oscap(stream, root);
        Map<String, String> ours = bulwark(stream, root);
        assertEquals(355, oscap.size());
        assertEquals(Map.of(), differences(oscap, ours));
    }

    @Test
    void onAFixtureRootOnlyTheRulesOfTheRootsPackageDatabaseDiffer() throws Exception {
        Path stream = widened();
        String hostPackages = Files.isRegularFile(Path.of("/var/lib/dpkg/status"))
                ? Files.readString(Path.of("/var/lib/dpkg/status"), StandardCharsets.UTF_8) : "";
        // the documented differences: oscap reads these packages from the host's database, not the root's
        assumeFalse(hostPackages.contains("Package: telnetd\n") || hostPackages.contains("Package: openssh-server\n"),
                "this host has telnetd or openssh-server installed");
        Path root = dir.resolve("root");
        write(root, "etc/debian_version", "11.6\n");
        write(root, "etc/ssh/sshd_config", "PermitRootLogin yes\n");
        Path shadow = write(root, "etc/shadow", "root:*:19000:0:99999:7:::\n");
        Files.setPosixFilePermissions(shadow, PosixFilePermissions.fromString("rw-r--r--"));
        write(root, "var/lib/dpkg/status", """
                Package: openssh-server
                Status: install ok installed
                Architecture: amd64
                Version: 1:8.4p1-5+deb11u1

                Package: telnetd
                Status: install ok installed
                Architecture: amd64
                Version: 0.17-42

                """);
        Map<String, String> oscap = oscap(stream, root);
        Map<String, String> ours = bulwark(stream, root);
        assertEquals("fail", ours.get("file_permissions_etc_shadow"));
        assertEquals("fail", oscap.get("file_permissions_etc_shadow"));
        assertEquals(Map.of("package_telnetd_removed", "pass / fail", "sshd_disable_root_login", "pass / fail",
                "sshd_disable_empty_passwords", "pass / fail", "sshd_set_idle_timeout", "pass / fail",
                "sshd_set_keepalive_0", "pass / fail"), differences(oscap, ours));
    }

    private static Path write(Path root, String file, String text) throws IOException {
        Path p = root.resolve(file);
        Files.createDirectories(p.getParent());
        return Files.writeString(p, text);
    }

    private static boolean onPath(String tool) {
        List<String> dirs = new ArrayList<>(List.of(System.getenv().getOrDefault("PATH", "").split(":")));
        return dirs.stream().anyMatch(d -> !d.isEmpty() && Files.isExecutable(Path.of(d, tool)));
    }
}
