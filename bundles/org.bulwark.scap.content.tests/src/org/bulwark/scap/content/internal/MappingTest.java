package org.bulwark.scap.content.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;

import org.bulwark.benchmark.api.Control;
import org.bulwark.benchmark.api.RemediationType;
import org.bulwark.collector.api.Category;
import org.bulwark.collector.api.Observation;
import org.bulwark.collector.api.ObservationState;
import org.bulwark.scap.Benchmark;
import org.bulwark.scap.CpeItem;
import org.bulwark.scap.Group;
import org.bulwark.scap.OvalElement;
import org.bulwark.scap.Profile;
import org.bulwark.scap.ResolvedProfile;
import org.bulwark.scap.Rule;
import org.bulwark.scap.ScapContent;
import org.bulwark.scap.oval.OvalItem;
import org.bulwark.scap.oval.OvalOutcome;
import org.bulwark.scap.oval.OvalResult;
import org.bulwark.scap.oval.OvalTestResult;
import org.junit.jupiter.api.Test;

/** The mapping of SCAP rules to controls and of OVAL results to observations, with exact values. */
class MappingTest {

    private static final String OS = "cpe:/o:debian:debian_linux:11";

    @Test
    void severityGivesTheWeight() {
        assertEquals(10, Weights.of("high"));
        assertEquals(10, Weights.of("HIGH"));
        assertEquals(6, Weights.of("medium"));
        assertEquals(3, Weights.of("low"));
        assertEquals(1, Weights.of("info"));
        assertEquals(1, Weights.of("unknown"));
        assertEquals(1, Weights.of(""));
    }

    @Test
    void keysAreObservationKeysAndUnique() {
        Keys keys = new Keys();
        assertEquals("scap.xccdf_org.ssgproject.content_rule_sshd_disable_root_login",
                keys.of("xccdf_org.ssgproject.content_rule_sshd_disable_root_login"));
        assertEquals("scap.sv-230221r1_rule", keys.of("SV-230221r1_rule"));
        assertEquals("scap.sv-230221r1_rule-2", keys.of("sv-230221r1_rule"));
        assertEquals("scap.a_b._._", keys.of("a b.."));
    }

    @Test
    void ovalOutcomesBecomeObservations() {
        assertEquals(List.of("pass"), result(OvalOutcome.TRUE, "").values());
        assertEquals(List.of("fail"), result(OvalOutcome.FALSE, "").values());
        Observation error = result(OvalOutcome.ERROR, "/etc/shadow: permission denied");
        assertEquals(ObservationState.UNREADABLE, error.state());
        assertEquals("OVAL error: /etc/shadow: permission denied", error.reason());
        Observation unknown = result(OvalOutcome.UNKNOWN, "uname_test: a running-system fact");
        assertEquals(ObservationState.UNAVAILABLE, unknown.state());
        assertEquals("OVAL result unknown (not checkable on this target): uname_test: a running-system fact",
                unknown.reason());
        Observation notEvaluated = result(OvalOutcome.NOT_EVALUATED, "test type rpminfo_test (linux) is not "
                + "implemented");
        assertEquals(ObservationState.UNAVAILABLE, notEvaluated.state());
        assertEquals("not evaluated: test type rpminfo_test (linux) is not implemented", notEvaluated.reason());

        assertEquals(List.of("true"), Observations.applies("k.applies",
                new Decision(OvalOutcome.TRUE, "no platform is required")).values());
        assertEquals(List.of("false"), Observations.applies("k.applies",
                new Decision(OvalOutcome.FALSE, OS + " is false")).values());
        assertEquals(ObservationState.UNREADABLE, Observations.applies("k.applies",
                new Decision(OvalOutcome.ERROR, "x")).state());
        assertEquals(ObservationState.UNAVAILABLE, Observations.applies("k.applies",
                new Decision(OvalOutcome.UNKNOWN, "x")).state());
    }

    @Test
    void theEvidenceNamesTheTestsAndTheirItems() {
        Observation o = result(OvalOutcome.FALSE, "");
        assertEquals("derived (OVAL oval:x:def:1 in oval.xml)", o.source().toString());
        assertEquals(2, o.others().size());
        assertEquals("false, 1 item", o.others().get(0).value());
        assertEquals("derived (file_test oval:x:tst:1)", o.others().get(0).source().toString());
        assertEquals("mode is 644", o.others().get(0).note());
        assertEquals("file_item filepath=/etc/shadow, uread=true", o.others().get(1).value());
        assertEquals("/etc/shadow", o.others().get(1).source().toString());
        assertEquals("item of oval:x:tst:1", o.others().get(1).note());
    }

    private static Observation result(OvalOutcome outcome, String message) {
        OvalTestResult test = new OvalTestResult("oval:x:tst:1", "file_test", outcome, "mode is 644", 1,
                List.of(new OvalItem("file_item", new java.util.TreeMap<>(Map.of("filepath", List.of("/etc/shadow"),
                        "uread", List.of("true"))))));
        return Observations.result("k", new RuleChecks.Evaluated(outcome, message, "oval.xml",
                List.of(new OvalResult("oval:x:def:1", outcome, message, List.of(test)))));
    }

    @Test
    void theProfilesValuesAreTheExternalVariables() {
        ScapContent content = new ScapContent("ds.xml", "1.3", List.of(), Map.of(), List.of());
        RuleChecks checks = new RuleChecks(content, Map.of("var_umask", "027", "var_tries", "4"), List.of(), null,
                null);
        Rule.Check check = new Rule.Check(RuleChecks.OVAL_SYSTEM, "", false,
                List.of(new Rule.ContentRef("oval.xml", "oval:x:def:1")),
                List.of(new Rule.Export("var_umask", "oval:x:var:1"), new Rule.Export("var_tries", "oval:x:var:2"),
                        new Rule.Export("var_none", "oval:x:var:3")));
        assertEquals(Map.of("oval:x:var:1", List.of("027"), "oval:x:var:2", List.of("4")), checks.externals(check));
    }

    @Test
    void platformsAreDecidedThroughTheDictionaryAndTheirChecks() {
        List<String> asked = new ArrayList<>();
        BiFunction<String, String, OvalResult> oval = (href, def) -> {
            asked.add(href + "#" + def);
            OvalOutcome o = switch (def) {
                case "oval:os11" -> OvalOutcome.FALSE;
                case "oval:machine" -> OvalOutcome.TRUE;
                default -> OvalOutcome.ERROR;
            };
            return new OvalResult(def, o, o == OvalOutcome.ERROR ? "broken" : "", List.of());
        };
        List<CpeItem> items = List.of(new CpeItem(OS, "Debian Linux 11", "cpe-oval.xml", "oval:os11"),
                new CpeItem("cpe:/a:machine", "Bare-metal or VM", "cpe-oval.xml", "oval:machine"),
                new CpeItem("cpe:/a:broken", "", "cpe-oval.xml", "oval:broken"));
        Rule machine = rule("r1", "medium", "g1", List.of("#machine"));
        Rule notMachine = rule("r2", "medium", "", List.of("#not_machine"));
        Rule broken = rule("r3", "medium", "", List.of("cpe:/a:broken"));
        Rule unknownName = rule("r4", "medium", "", List.of("cpe:/a:nothing"));

        Platforms onDebian12 = new Platforms(benchmark(List.of(OS)), items, Set.of(), oval);
        Decision d = onDebian12.applies(machine);
        assertEquals(OvalOutcome.FALSE, d.outcome());
        assertEquals(OS + " (Debian Linux 11): oval:os11 is false", d.why());

        Platforms assumed = new Platforms(benchmark(List.of(OS)), items, Set.of(OS), oval);
        assertEquals(OvalOutcome.TRUE, assumed.applies(machine).outcome());
        assertEquals(OvalOutcome.FALSE, assumed.applies(notMachine).outcome());
        assertEquals(new Decision(OvalOutcome.ERROR, "cpe:/a:broken: oval:broken is error (broken)"),
                assumed.applies(broken));
        assertEquals(new Decision(OvalOutcome.FALSE, "cpe:/a:nothing is not in the content's CPE dictionary"),
                assumed.applies(unknownName));
        // an assumed name is never evaluated; each check once per evaluation (each Platforms)
        assertEquals(List.of("cpe-oval.xml#oval:os11", "cpe-oval.xml#oval:machine", "cpe-oval.xml#oval:machine",
                "cpe-oval.xml#oval:broken"), asked);
        Platforms noPlatforms = new Platforms(benchmark(List.of()), items, Set.of(), oval);
        assertEquals(new Decision(OvalOutcome.TRUE, "no platform is required"),
                noPlatforms.applies(rule("r5", "low", "", List.of())));
    }

    @Test
    void aRuleBecomesAControl() {
        Rule.Fix fix = new Rule.Fix("urn:xccdf:fix:script:sh", "", "var_tries=\nsed -i ...", List.of(
                new Rule.Sub(10, "var_tries")));
        Rule rule = new Rule(RuleControls.SSG_RULE + "accounts_passwords_pam_faillock_deny", "Lock accounts",
                "high", 1.0, false, "g_pam", List.of(new Rule.Ident("https://ncp.nist.gov/cce", "CCE-80667-0")),
                List.of(new Rule.Reference("http://nvlpubs.nist.gov/nistpubs/SpecialPublications/NIST.SP.800-53r4.pdf",
                        "AC-7(a), AC-7(b)"), new Rule.Reference("https://www.cisecurity.org/controls/", "16")),
                "Locking slows guessing.", List.of("Set deny=3 in faillock."), List.of(fix), List.of(), List.of(),
                Optional.empty());
        Benchmark b = benchmark(List.of());
        Profile p = new Profile("p", "P", "", "", List.of(), Map.of(), Map.of(), List.of());
        ResolvedProfile resolved = new ResolvedProfile(b.id(), p, false, List.of(rule.id()),
                Map.of("var_tries", "3"), Map.of(rule.id(), new Profile.RefineRule(rule.id(), "low", "", "", "")));
        Control c = new RuleControls(b, resolved).control(rule, "scap.k");
        assertEquals(rule.id(), c.id());
        assertEquals("Lock accounts", c.title());
        assertEquals(3, c.weight());
        assertEquals(Category.ACCOUNTS, c.category());
        assertEquals("Locking slows guessing.", c.rationale());
        assertEquals("scap.k equals \"pass\"", c.expect().describe());
        assertEquals("scap.k.applies equals \"true\"", c.applicability().when().describe());
        assertEquals(List.of("CCE-80667-0"), c.references().cce());
        assertEquals(List.of("AC-7(a)", "AC-7(b)"), c.references().nist());
        assertEquals(List.of(), c.references().cis());
        assertEquals(List.of("accounts_passwords_pam_faillock_deny"), c.references().ssg());
        assertEquals("Set deny=3 in faillock.", c.remediation().text());
        assertEquals("var_tries=3\nsed -i ...", c.remediation().script());
        assertEquals(RemediationType.ACCOUNT_CHANGE, c.remediation().type());
        assertEquals(RemediationType.SOFTWARE_UNINSTALL, RuleControls.type(rule("x_package_telnetd_removed", "high",
                "", List.of())));
        Rule noFix = rule("r", "info", "", List.of());
        assertNull(new RuleControls(b, resolved).remediation(noFix).script());
    }

    private static Rule rule(String id, String severity, String group, List<String> platforms) {
        return new Rule(id, id, severity, 1.0, true, group, List.of(), List.of(), "", List.of(), List.of(),
                platforms, List.of(), Optional.empty());
    }

    private static Benchmark benchmark(List<String> platforms) {
        OvalElement fact = new OvalElement("fact-ref", "", 1, 1, Map.of("name", "cpe:/a:machine"), "", List.of());
        OvalElement test = new OvalElement("logical-test", "", 1, 1, Map.of("operator", "AND", "negate", "false"),
                "", List.of(fact));
        OvalElement negated = new OvalElement("logical-test", "", 1, 1, Map.of("operator", "AND", "negate", "true"),
                "", List.of(fact));
        return new Benchmark("b", "1", "B", platforms,
                Map.of("machine", new OvalElement("platform", "", 1, 1, Map.of("id", "machine"), "", List.of(test)),
                        "not_machine", new OvalElement("platform", "", 1, 1, Map.of("id", "not_machine"), "",
                                List.of(negated))),
                List.of(), List.of(new Group("g1", "G1", true, "", List.of()),
                        new Group("g_pam", "PAM", true, "", List.of())), List.of(), List.of());
    }
}
