package org.bulwark.report.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;

import org.bulwark.report.api.ReportFormat;
import org.bulwark.scoring.api.Assessment;
import org.bulwark.scoring.api.Device;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The formats for CI pipelines, over {@link Fixtures#assessment()} (PASS, FAIL, ERROR, NOT_CHECKED, FAIL under an
 * exception, NOT_APPLICABLE): JUnit XML counts one failure, one error and three skipped — a check that could not
 * run is never a passed test — and SARIF gives each control its kind, level, locations and suppressions.
 */
class CiFormatsTest {

    private static Document xml(String text) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static String attrs(Element e, String... names) {
        List<String> out = new ArrayList<>();
        for (String n : names) {
            out.add(n + "=" + e.getAttribute(n));
        }
        return String.join(" ", out);
    }

    @Test
    void junitCountsFailuresErrorsAndSkippedNeverAPassForWhatDidNotRun() throws Exception {
        Document d = xml(Render.render(Fixtures.assessment(), ReportFormat.JUNIT));
        Element all = d.getDocumentElement();
        assertEquals("testsuites", all.getTagName());
        assertEquals("tests=6 failures=1 errors=1 skipped=3", attrs(all, "tests", "failures", "errors", "skipped"));
        NodeList suites = d.getElementsByTagName("testsuite");
        List<String> names = new ArrayList<>();
        for (int i = 0; i < suites.getLength(); i++) {
            names.add(((Element) suites.item(i)).getAttribute("name"));
        }
        assertEquals(List.of("bulwark.operating-system", "bulwark.accounts", "bulwark.network",
                "bulwark.security-controls", "bulwark.application"), names);
        NodeList cases = d.getElementsByTagName("testcase");
        List<String> outcomes = new ArrayList<>();
        for (int i = 0; i < cases.getLength(); i++) {
            Element c = (Element) cases.item(i);
            Element child = c.getElementsByTagName("*").getLength() == 0 ? null
                    : (Element) c.getElementsByTagName("*").item(0);
            outcomes.add(c.getAttribute("name") + ":" + (child == null ? "passed" : child.getTagName() + "("
                    + child.getAttribute("message") + ")"));
        }
        assertEquals(List.of("t.aslr:passed",
                "t.tmp:skipped(not checked: no collector provides linux.mounts./tmp.options)",
                "t.ssh.root:failure(SSH root login is disabled: linux.sshd.permitrootlogin equals \"no\")",
                "t.fw:error(A host firewall filters incoming traffic: collector linux.firewall timed out after 120 s)",
                "t.av:skipped(FAIL under exception x-7 (risk-accepted))",
                "t.app:skipped(not applicable: not a Debian system)"), outcomes);
        String failure = d.getElementsByTagName("failure").item(0).getTextContent();
        assertTrue(failure.contains("found \"yes\" at /etc/ssh/sshd_config"), failure);
        Element score = (Element) d.getElementsByTagName("property").item(1);
        assertEquals("name=score value=29.6296", attrs(score, "name", "value"));
    }

    @Test
    void junitStaysWellFormedWhatEverAHostileImageWrites() throws Exception {
        Assessment a = Fixtures.assessment();
        Assessment hostile = new Assessment(new Device("d-1", "web\u0001\u0000<01>&", a.device().os(),
                a.device().groups()), a.platform(), a.root(), a.live(), a.started(), a.finished(), a.benchmarks(),
                a.collectors(), a.controls(), a.score(), a.recommendations(), a.exceptions(), a.problems(),
                a.software());
        Document d = xml(Render.render(hostile, ReportFormat.JUNIT));
        assertEquals("Bulwark web\uFFFD\uFFFD<01>&", d.getDocumentElement().getAttribute("name"));
        assertEquals("a\uFFFDb\uD83D\uDE00\uFFFD", JunitReport.xml("a\u001bb\uD83D\uDE00\uD800"));
    }

    @Test
    void sarifGivesEachControlItsKindLevelLocationsAndSuppressions() throws Exception {
        JsonNode sarif = new ObjectMapper().readTree(Render.render(Fixtures.assessment(), ReportFormat.SARIF));
        assertEquals("2.1.0", sarif.get("version").asText());
        JsonNode run = sarif.get("runs").get(0);
        assertEquals("Bulwark", run.get("tool").get("driver").get("name").asText());
        JsonNode rules = run.get("tool").get("driver").get("rules");
        assertEquals(6, rules.size());
        assertEquals("t.ssh.root SSH root login is disabled error [accounts, CIS Debian 12: 5.1.20, NIST AC-6, "
                + "NIST IA-2]", rules.get(1).get("id").asText() + " " + rules.get(1).get("name").asText() + " "
                        + rules.get(1).get("defaultConfiguration").get("level").asText() + " "
                        + strings(rules.get(1).get("properties").get("tags")));
        List<String> results = new ArrayList<>();
        for (JsonNode r : run.get("results")) {
            results.add(r.get("ruleId").asText() + " " + r.get("ruleIndex").asInt() + " " + r.get("kind").asText()
                    + " " + r.get("level").asText() + " " + r.get("locations").size());
        }
        assertEquals(List.of("t.aslr 0 pass none 0", "t.ssh.root 1 fail error 1", "t.fw 2 review warning 0",
                "t.tmp 3 open none 0", "t.av 4 fail warning 0", "t.app 5 notApplicable none 0"), results);
        JsonNode ssh = run.get("results").get(1).get("locations").get(0).get("physicalLocation");
        assertEquals("etc/ssh/sshd_config ROOT 12", ssh.get("artifactLocation").get("uri").asText() + " "
                + ssh.get("artifactLocation").get("uriBaseId").asText() + " "
                + ssh.get("region").get("startLine").asInt());
        assertEquals("file:///", run.get("originalUriBaseIds").get("ROOT").get("uri").asText());
        JsonNode av = run.get("results").get(4);
        assertEquals("external accepted exception x-7: risk-accepted (vendor fix due in Q1)",
                av.get("suppressions").get(0).get("kind").asText() + " "
                        + av.get("suppressions").get(0).get("status").asText() + " "
                        + av.get("suppressions").get(0).get("justification").asText());
        assertFalse(run.get("results").get(1).has("suppressions"));
        assertEquals(8.0 / 27 * 100, run.get("properties").get("score").asDouble(), 1e-9);
        assertEquals("./a:b/c%20d", SarifReport.encoded("a:b/c d"));
    }

    private static String strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out.toString();
    }
}
