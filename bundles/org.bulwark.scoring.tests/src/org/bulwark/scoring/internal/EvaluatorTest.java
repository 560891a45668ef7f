package org.bulwark.scoring.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.bulwark.benchmark.api.Applicability;
import org.bulwark.benchmark.api.Control;
import org.bulwark.benchmark.api.Expectation;
import org.bulwark.benchmark.api.Expectation.Check;
import org.bulwark.benchmark.api.Expectation.Quantifier;
import org.bulwark.benchmark.api.Operator;
import org.bulwark.benchmark.api.Remediation;
import org.bulwark.benchmark.api.RemediationType;
import org.bulwark.collector.api.Category;
import org.bulwark.collector.api.Observation;
import org.bulwark.collector.api.Source;
import org.bulwark.scoring.api.ControlResult;
import org.bulwark.scoring.api.Evidence;
import org.bulwark.scoring.api.ResultState;
import org.junit.jupiter.api.Test;

class EvaluatorTest {

    private final Evaluator evaluator = new Evaluator();
    private final Map<String, Fact> facts = new HashMap<>();

    private static Check check(String key, Operator op, String... operands) {
        return new Check(key, op, List.of(operands), Quantifier.ALL);
    }

    private static Control control(Expectation expect, Applicability applicability) {
        return new Control("c", "C", Category.NETWORK, 5, null, "why", expect, applicability,
                new Remediation(RemediationType.CONFIGURATION_CHANGE, "fix", null), null);
    }

    private ControlResult eval(Expectation e) {
        return evaluator.evaluate(control(e, null), k -> facts.getOrDefault(k, Fact.notProvided(k)));
    }

    /** Asserts that {@code e} evaluates to {@code state} for {@code reason}. */
    private void assertResult(ResultState state, String reason, Expectation e) {
        ControlResult r = eval(e);
        assertEquals(state, r.state());
        assertEquals(reason, r.reason());
    }

    private void fact(String key, String value, Source source) {
        facts.put(key, Fact.of(Observation.of(key, value, source)));
    }

    @Test
    void passAndFailWithReasonNamingSource() {
        fact("sshd.permitrootlogin", "yes", Source.file("/etc/ssh/sshd_config", 12));
        Check c = check("sshd.permitrootlogin", Operator.ONE_OF, "no", "prohibit-password");
        ControlResult r = eval(c);
        assertEquals(ResultState.FAIL, r.state());
        assertEquals("sshd.permitrootlogin is \"yes\" at /etc/ssh/sshd_config:12 (expected oneOf [\"no\", "
                + "\"prohibit-password\"])", r.reason());
        Evidence e = r.evidence().get(0);
        assertEquals("oneOf [\"no\", \"prohibit-password\"]", e.expected());
        assertEquals(List.of("yes"), e.actual());
        assertEquals(12, e.source().line());

        fact("sshd.permitrootlogin", "no", Source.builtInDefault("OpenSSH"));
        assertEquals(ResultState.PASS, eval(c).state());
    }

    @Test
    void operators() {
        fact("n", "4", Source.file("/f", 1));
        assertEquals(ResultState.PASS, eval(check("n", Operator.LE, "4")).state());
        assertEquals(ResultState.FAIL, eval(check("n", Operator.LT, "4")).state());
        assertEquals(ResultState.PASS, eval(check("n", Operator.GE, "3.5")).state());
        assertEquals(ResultState.FAIL, eval(check("n", Operator.GT, "10")).state());
        assertEquals(ResultState.PASS, eval(check("n", Operator.MATCHES, "[0-9]+")).state());
        assertEquals(ResultState.FAIL, eval(check("n", Operator.MATCHES, "[0-3]")).state());
        assertEquals(ResultState.PASS, eval(check("n", Operator.NOT_EQUALS, "5")).state());
        assertEquals(ResultState.PASS, eval(check("n", Operator.PRESENT)).state());
        assertEquals(ResultState.FAIL, eval(check("n", Operator.ABSENT)).state());
        fact("v", "2.36-9+deb12u4", Source.packageDatabase("/var/lib/dpkg/status"));
        assertEquals(ResultState.PASS, eval(check("v", Operator.VERSION_GE, "2.36-9+deb12u3")).state());
        assertEquals(ResultState.FAIL, eval(check("v", Operator.VERSION_LT, "2.36-9")).state());
    }

    @Test
    void invalidVersionsAreUnknownInDpkgsWords() {
        Source status = Source.packageDatabase("/var/lib/dpkg/status");
        fact("v", "1.0-", status);
        assertResult(ResultState.UNKNOWN, "v is \"1.0-\" at " + status + ", not a version: revision number is empty",
                check("v", Operator.VERSION_GE, "1.0"));
        // the old scoring comparator threw on a bad epoch while the Linux one took it as 0
        fact("v", "x:1.0", status);
        assertEquals("v is \"x:1.0\" at " + status + ", not a version: epoch in version is empty",
                eval(check("v", Operator.VERSION_LT, "2.0")).reason());
        fact("v", "1.0", status);
        assertResult(ResultState.UNKNOWN,
                "the content compares v with \"2.0 beta\", which is not a version: version string has embedded spaces",
                check("v", Operator.VERSION_LT, "2.0 beta"));
        fact("v", "1:0.9", status);
        assertEquals(ResultState.PASS, eval(check("v", Operator.VERSION_GT, "2.0")).state());
        fact("v", "1.0~rc1", status);
        assertEquals(ResultState.PASS, eval(check("v", Operator.VERSION_LT, "1.0")).state());
    }

    @Test
    void notANumberIsUnknown() {
        fact("n", "four", Source.file("/etc/login.defs", 3));
        assertResult(ResultState.UNKNOWN, "n is \"four\" at /etc/login.defs:3, not a number",
                check("n", Operator.LE, "4"));
    }

    @Test
    void observationStatesMapToResultStates() {
        facts.put("a", Fact.of(Observation.unreadable("a", Source.file("/etc/shadow", 0), "permission denied")));
        facts.put("b", Fact.of(Observation.unparseable("b", Source.file("/etc/x", 7), "no value after key")));
        facts.put("c", Fact.of(Observation.unavailable("c", "running values exist only on a live system")));
        facts.put("d", Fact.of(Observation.absent("d", Source.builtInDefault("kernel default"), null)));
        facts.put("e", Fact.failed("collector x failed: IllegalStateException: boom"));
        assertResult(ResultState.ERROR, "a could not be read at /etc/shadow: permission denied",
                check("a", Operator.EQUALS, "1"));
        assertResult(ResultState.UNKNOWN, "b could not be understood at /etc/x:7: no value after key",
                check("b", Operator.EQUALS, "1"));
        assertEquals(ResultState.NOT_CHECKED, eval(check("c", Operator.EQUALS, "1")).state());
        assertResult(ResultState.FAIL, "d is not set at built-in default (kernel default) (expected equals \"1\")",
                check("d", Operator.EQUALS, "1"));
        assertEquals(ResultState.PASS, eval(check("d", Operator.ABSENT)).state());
        assertResult(ResultState.ERROR, "collector x failed: IllegalStateException: boom",
                check("e", Operator.EQUALS, "1"));
        assertResult(ResultState.NOT_CHECKED, "no installed collector provides zz", check("zz", Operator.EQUALS, "1"));
    }

    @Test
    void threeValuedCombinations() {
        fact("yes", "1", Source.file("/f", 1));
        facts.put("err", Fact.failed("collector x failed"));
        facts.put("unk", Fact.of(Observation.unparseable("unk", Source.file("/f", 2), "bad")));
        Check ok = check("yes", Operator.EQUALS, "1");
        Check bad = check("yes", Operator.EQUALS, "2");
        Check err = check("err", Operator.EQUALS, "1");
        Check unk = check("unk", Operator.EQUALS, "1");
        Check none = check("missing", Operator.EQUALS, "1");

        assertEquals(ResultState.PASS, eval(new Expectation.Any(List.of(err, ok))).state());
        assertEquals(ResultState.ERROR, eval(new Expectation.Any(List.of(err, bad))).state());
        assertEquals(ResultState.FAIL, eval(new Expectation.All(List.of(err, bad))).state());
        assertEquals(ResultState.ERROR, eval(new Expectation.All(List.of(ok, unk, err, none))).state());
        assertEquals(ResultState.UNKNOWN, eval(new Expectation.All(List.of(ok, none, unk))).state());
        assertEquals(ResultState.NOT_CHECKED, eval(new Expectation.All(List.of(ok, none))).state());
        assertEquals(ResultState.FAIL, eval(new Expectation.None(List.of(bad, ok))).state());
        assertEquals(ResultState.PASS, eval(new Expectation.None(List.of(bad))).state());
        assertEquals(ResultState.ERROR, eval(new Expectation.None(List.of(bad, err))).state());
    }

    @Test
    void quantifiers() {
        facts.put("opts", Fact.of(Observation.ofAll("opts", List.of("rw", "nosuid", "nodev"),
                Source.file("/etc/fstab", 4))));
        assertEquals(ResultState.PASS, eval(new Check("opts", Operator.EQUALS, List.of("nodev"), Quantifier.ANY))
                .state());
        assertResult(ResultState.FAIL,
                "opts is [\"rw\", \"nosuid\", \"nodev\"] at /etc/fstab:4 (expected any value to equals \"noexec\")",
                new Check("opts", Operator.EQUALS, List.of("noexec"), Quantifier.ANY));
        assertEquals(ResultState.FAIL, eval(new Check("opts", Operator.MATCHES, List.of("no.*"), Quantifier.ALL))
                .state());
        assertEquals(ResultState.PASS, eval(new Check("opts", Operator.MATCHES, List.of("[a-z]+"), Quantifier.ALL))
                .state());
    }

    @Test
    void applicability() {
        facts.put("pkg", Fact.of(Observation.absent("pkg", Source.packageDatabase("/var/lib/dpkg/status"), null)));
        fact("setting", "yes", Source.file("/f", 1));
        Control c = control(check("setting", Operator.EQUALS, "no"),
                new Applicability(check("pkg", Operator.PRESENT), "openssh-server is not installed"));
        ControlResult r = evaluator.evaluate(c, k -> facts.getOrDefault(k, Fact.notProvided(k)));
        assertEquals(ResultState.NOT_APPLICABLE, r.state());
        assertEquals("openssh-server is not installed", r.reason());
        assertEquals(List.of("pkg", "setting"), r.evidence().stream().map(Evidence::key).toList());
        assertEquals("applies when present", r.evidence().get(0).expected());

        fact("pkg", "1:9.2p1-2", Source.packageDatabase("/var/lib/dpkg/status"));
        assertEquals(ResultState.FAIL, evaluator.evaluate(c, k -> facts.get(k)).state());

        facts.put("pkg", Fact.failed("collector packages failed"));
        ControlResult undecided = evaluator.evaluate(c, k -> facts.get(k));
        assertEquals(ResultState.ERROR, undecided.state());
        assertEquals("cannot tell whether the control applies: collector packages failed", undecided.reason());
    }
}
