package org.bulwark.cli.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
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
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * {@code bulwark assess --scap --format xccdf|arf}: SSG's Debian 11 standard profile on a fixture root, written as
 * OpenSCAP writes results: each rule's XCCDF result is the JSON report's state of its control, every other rule of
 * the benchmark is notselected, and the documents are valid by OpenSCAP's own schemas (where it is installed)
 * and make its HTML report.
 */
class ScapResultsTest {

    private static final Path SSG_DS11 = Path.of("/usr/share/xml/scap/ssg/content/ssg-debian11-ds.xml");
    private static final String STANDARD = "xccdf_org.ssgproject.content_profile_standard";
    private static final String RULE = "xccdf_org.ssgproject.content_rule_";
    private static final String XCCDF = "http://checklists.nist.gov/xccdf/1.2";
    private static final String ARF = "http://scap.nist.gov/schema/asset-reporting-format/1.1";
    private static final String OVAL_RESULTS = "http://oval.mitre.org/XMLSchema/oval-results-5";

    @TempDir
    Path dir;

    @RegisterExtension
    final CliRun bulwark = CliRun.plain();

    private Path root() throws IOException {
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
        return root;
    }

    private static Path write(Path root, String file, String text) throws IOException {
        Path p = root.resolve(file);
        Files.createDirectories(p.getParent());
        return Files.writeString(p, text);
    }

    private Path assess(Path root, String format) {
        Path out = dir.resolve("results." + format);
        assertEquals(ExitCodes.OK, bulwark.run("assess", "--root", root.toString(), "--no-store", "--scap",
                SSG_DS11.toString(), "--profile", STANDARD, "--format", format, "--output", out.toString()),
                bulwark.err());
        return out;
    }

    private static Document parse(Path file) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return f.newDocumentBuilder().parse(file.toFile());
    }

    private static List<Element> elements(Element in, String ns, String local) {
        NodeList list = in.getElementsByTagNameNS(ns, local);
        List<Element> out = new ArrayList<>();
        for (int i = 0; i < list.getLength(); i++) {
            out.add((Element) list.item(i));
        }
        return out;
    }

    private static Element child(Element parent, String ns, String local) {
        return elements(parent, ns, local).get(0);
    }

    /** @return each rule-result's result by rule id */
    private static Map<String, String> ruleResults(Element testResult) {
        Map<String, String> results = new TreeMap<>();
        for (Element rr : elements(testResult, XCCDF, "rule-result")) {
            assertEquals(null, results.put(rr.getAttribute("idref"), child(rr, XCCDF, "result").getTextContent()),
                    "one rule-result per rule");
        }
        return results;
    }

    /** @return the XCCDF result the JSON state of each control must be (none is NOT_CHECKED on this root) */
    private static Map<String, String> expected(JsonNode report) {
        Map<String, String> expected = new TreeMap<>();
        for (JsonNode r : report.get("results")) {
            String state = r.get("state").asText();
            expected.put(r.get("id").asText(), switch (state) {
                case "NOT_APPLICABLE" -> "notapplicable";
                case "NOT_CHECKED" -> "notchecked";
                default -> state.toLowerCase(java.util.Locale.ROOT);
            });
        }
        return expected;
    }

    @Test
    void xccdfAndArfResultsHoldTheAssessmentsResultsAndOpenScapAcceptsThem() throws Exception {
        assumeTrue(Files.isRegularFile(SSG_DS11), "ssg-debian is not installed (no " + SSG_DS11 + ")");
        Path root = root();
        Path json = assess(root, "json");
        Map<String, String> expected = expected(new ObjectMapper().readTree(json.toFile()));
        assertEquals(44, expected.size());

        Path xccdf = assess(root, "xccdf");
        Element benchmark = parse(xccdf).getDocumentElement();
        assertEquals("Benchmark", benchmark.getLocalName());
        assertEquals(XCCDF, benchmark.getNamespaceURI());
        assertEquals("xccdf_org.ssgproject.content_benchmark_DEBIAN-11", benchmark.getAttribute("id"));
        int rules = elements(benchmark, XCCDF, "Rule").size();
        List<Element> testResults = elements(benchmark, XCCDF, "TestResult");
        assertEquals(1, testResults.size());
        Element tr = testResults.get(0);
        assertEquals("xccdf_org.bulwark_testresult_" + STANDARD, tr.getAttribute("id"));
        assertEquals(STANDARD, child(tr, XCCDF, "profile").getAttribute("idref"));
        Map<String, String> results = ruleResults(tr);
        assertEquals(rules, results.size(), "a rule-result for every rule of the benchmark");
        Map<String, String> selected = new TreeMap<>(results);
        selected.values().removeIf("notselected"::equals);
        assertEquals(expected, selected);
        assertEquals("fail", results.get(RULE + "package_telnetd_removed"));
        assertEquals("pass", results.get(RULE + "package_nis_removed"));
        assertEquals("notapplicable", results.get(RULE + "service_auditd_enabled"));
        Element telnet = elements(tr, XCCDF, "rule-result").stream()
                .filter(e -> e.getAttribute("idref").equals(RULE + "package_telnetd_removed")).findFirst().get();
        assertEquals("high", telnet.getAttribute("severity"));
        assertEquals("ssg-debian11-oval.xml", child(telnet, XCCDF, "check-content-ref").getAttribute("href"));
        List<Element> scores = elements(tr, XCCDF, "score");
        assertEquals(List.of("urn:xccdf:scoring:default", "urn:xccdf:scoring:flat",
                "urn:xccdf:scoring:flat-unweighted", "urn:xccdf:scoring:absolute"),
                scores.stream().map(s -> s.getAttribute("system")).toList());
        long passed = expected.values().stream().filter("pass"::equals).count();
        long counted = expected.values().stream().filter(v -> v.equals("pass") || v.equals("fail")).count();
        assertEquals(passed + ".000000", scores.get(2).getTextContent()); // flat-unweighted: one point a pass
        assertEquals(counted + ".000000", scores.get(2).getAttribute("maximum"));
        assertEquals("0.000000", scores.get(3).getTextContent()); // absolute: not every rule passed

        Path arf = assess(root, "arf");
        Element collection = parse(arf).getDocumentElement();
        assertEquals("asset-report-collection", collection.getLocalName());
        assertEquals(ARF, collection.getNamespaceURI());
        Element request = child(collection, ARF, "report-request");
        assertEquals("data-stream-collection", ((Element) child(request, ARF, "content")
                .getElementsByTagNameNS("*", "data-stream-collection").item(0)).getLocalName());
        Element arfResult = elements(collection, XCCDF, "TestResult").get(0);
        assertEquals(results, ruleResults(arfResult));
        assertEquals("#scap_org.open-scap_comp_ssg-debian11-xccdf.xml",
                child(arfResult, XCCDF, "benchmark").getAttribute("href"));
        Element arfTelnet = elements(arfResult, XCCDF, "rule-result").stream()
                .filter(e -> e.getAttribute("idref").equals(RULE + "package_telnetd_removed")).findFirst().get();
        String definition = child(arfTelnet, XCCDF, "check-content-ref").getAttribute("name");
        assertEquals("#oval0", child(arfTelnet, XCCDF, "check-content-ref").getAttribute("href"));
        Element oval = elements(collection, ARF, "report").stream().filter(r -> r.getAttribute("id").equals("oval0"))
                .findFirst().get();
        Element ovalDefinition = elements(oval, OVAL_RESULTS, "definition").stream()
                .filter(d -> d.getAttribute("definition_id").equals(definition)).findFirst().get();
        assertEquals("false", ovalDefinition.getAttribute("result")); // telnetd is installed: the check is false
        assertFalse(ovalDefinition.getAttribute("version").isEmpty());

        assumeTrue(onPath("oscap"), "openscap-scanner is not installed");
        assertEquals(0, oscap("xccdf", "validate", xccdf.toString()));
        assertEquals(0, oscap("ds", "rds-validate", arf.toString()));
        Path html = dir.resolve("report.html");
        assertEquals(0, oscap("xccdf", "generate", "report", "--output", html.toString(), arf.toString()));
        assertTrue(Files.readString(html).contains("package_telnetd_removed"));
    }

    @Test
    void xccdfAndArfNeedScapContent() {
        assertEquals(ExitCodes.USAGE, bulwark.run("assess", "--no-store", "--format", "arf"));
        assertTrue(bulwark.err().contains("--format arf needs --scap"), bulwark.err());
        assertEquals(ExitCodes.USAGE, bulwark.run("assess", "--no-store", "--format", "oval"));
        assertTrue(bulwark.err().contains("(with --scap also xccdf, arf)"), bulwark.err());
    }

    private static boolean onPath(String tool) {
        for (String d : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (Files.isExecutable(Path.of(d, tool))) {
                return true;
            }
        }
        return false;
    }

    private int oscap(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("oscap"));
        command.addAll(List.of(args));
        Path log = dir.resolve("oscap.log");
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertTrue(p.waitFor(300, TimeUnit.SECONDS), "oscap " + String.join(" ", args) + " did not finish");
        if (p.exitValue() != 0) {
            System.err.println(Files.readString(log, StandardCharsets.UTF_8));
        }
        return p.exitValue();
    }
}
