package org.bulwark.scap.oval.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.bulwark.scap.Benchmark;
import org.bulwark.scap.OvalDefinitions;
import org.bulwark.scap.Rule;
import org.bulwark.scap.ScapContent;
import org.bulwark.scap.ScapContentReader;
import org.bulwark.scap.Value;
import org.bulwark.scap.oval.OvalOutcome;
import org.bulwark.scap.oval.OvalResult;
import org.bulwark.scap.oval.OvalRun;
import org.bulwark.scap.oval.OvalTarget;
import org.bulwark.scap.oval.OvalTestResult;
import org.bulwark.testing.Services;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SSG's Debian 11 content ({@code ssg-debian} 0.1.65-1) on fixture roots: well-known rules compliant and not,
 * and every definition of the stream evaluated without a throw. The external variables get the XCCDF values'
 * defaults, as a scan without a profile exports them. Skipped, saying so, where the package is not installed.
 */
class SsgTest {

    static final Path DS11 = Path.of("/usr/share/xml/scap/ssg/content/ssg-debian11-ds.xml");
    private static final String STATUS = """
            Package: openssh-server
            Status: install ok installed
            Architecture: amd64
            Version: 1:8.4p1-5+deb11u1

            """;

    private static OvalDefinitions oval;
    private static Map<String, List<String>> defaults;

    @TempDir
    Path compliant;
    @TempDir
    Path failing;

    @BeforeAll
    static void read() throws Exception {
        if (!Files.isRegularFile(DS11)) {
            return;
        }
        ScapContent c = Services.await(ScapContentReader.class).read(DS11);
        oval = c.oval().get("ssg-debian11-oval.xml");
        Benchmark b = c.benchmark().orElseThrow();
        Map<String, Value> values = new HashMap<>();
        b.values().forEach(v -> values.put(v.id(), v));
        defaults = new HashMap<>();
        for (Rule r : b.rules()) {
            for (Rule.Check k : r.checks()) {
                for (Rule.Export e : k.exports()) {
                    defaults.put(e.exportName(), List.of(values.get(e.valueId()).defaultValue()));
                }
            }
        }
    }

    private static OvalDefinitions oval() {
        assumeTrue(oval != null, "ssg-debian is not installed (no " + DS11 + "); apt-get install ssg-debian");
        return oval;
    }

    private void fixtures() {
        Oval.write(compliant, "/var/lib/dpkg/status", STATUS + """
                Package: aide
                Status: install ok installed
                Architecture: amd64
                Version: 0.17.3-4

                """);
        Oval.write(failing, "/var/lib/dpkg/status", STATUS + """
                Package: telnetd
                Status: install ok installed
                Architecture: amd64
                Version: 0.17-42

                """);
        Oval.write(compliant, "/etc/ssh/sshd_config", "Include /etc/ssh/sshd_config.d/*.conf\nPermitRootLogin no\n");
        Oval.write(failing, "/etc/ssh/sshd_config", "PermitRootLogin yes\n");
        Oval.write(compliant, "/etc/sysctl.d/50-aslr.conf", "kernel.randomize_va_space = 2\n");
        Oval.write(failing, "/etc/sysctl.d/50-aslr.conf", "kernel.randomize_va_space = 1\n");
        Oval.write(compliant, "/etc/shadow", "root:!:19000:0:99999:7:::\n", "rw-r-----");
        Oval.write(failing, "/etc/shadow", "root:!:19000:0:99999:7:::\n", "rw-r--r--");
    }

    private OvalOutcome eval(String rule, Path root) {
        return Oval.evaluator().evaluate(oval(), "oval:ssg-" + rule + ":def:1", OvalTarget.offline(root), defaults)
                .outcome();
    }

    @Test
    void wellKnownRulesPassOnTheCompliantRootAndFailOnTheOther() {
        oval();
        fixtures();
        for (String rule : List.of("sshd_disable_root_login", "package_telnetd_removed", "package_aide_installed",
                "sysctl_kernel_randomize_va_space", "file_permissions_etc_shadow")) {
            assertEquals(OvalOutcome.TRUE, eval(rule, compliant), rule);
            assertEquals(OvalOutcome.FALSE, eval(rule, failing), rule);
        }
        assertEquals(OvalOutcome.TRUE, eval("package_openssh-server_installed", failing));
    }

    /** A sysctl rule checks the runtime value too: with nothing set, that part is unknown offline, never true. */
    @Test
    void anUnsetKernelParameterIsUnknownOffline() {
        OvalResult r = Oval.evaluator().evaluate(oval(), "oval:ssg-sysctl_kernel_randomize_va_space:def:1",
                OvalTarget.offline(compliant), defaults);
        assertEquals(OvalOutcome.FALSE, r.outcome());
        OvalTestResult runtime = r.tests().stream().filter(t -> t.testType().equals("sysctl_test")).findFirst().orElseThrow();
        assertEquals(OvalOutcome.UNKNOWN, runtime.outcome());
        assertEquals("sysctl_test oval:ssg-test_sysctl_kernel_randomize_va_space_runtime:tst:1: kernel.randomize_va_space"
                + " is not set in the target's sysctl configuration; its running value (the kernel default) is unknown"
                + " offline", runtime.message());
    }

    @Test
    void everyDefinitionIsEvaluated() throws Exception {
        oval();
        fixtures();
        Map<String, Integer> empty = all(Files.createDirectories(compliant.resolve("empty")));
        Map<String, Integer> fixture = all(compliant);
        assertEquals(Map.of("ERROR", 3, "FALSE", 279, "NOT_EVALUATED", 34, "TRUE", 149, "UNKNOWN", 22), empty);
        assertEquals(oval.definitions().size(), fixture.values().stream().mapToInt(Integer::intValue).sum());
    }

    private Map<String, Integer> all(Path root) {
        OvalRun run = Oval.evaluator().start(oval, OvalTarget.offline(root), defaults);
        Map<String, Integer> byOutcome = new TreeMap<>();
        Map<String, Integer> testsByType = new TreeMap<>();
        Map<String, OvalTestResult> tests = new HashMap<>();
        long start = System.nanoTime();
        for (String id : oval.definitions().keySet().stream().sorted().toList()) {
            OvalResult r = run.evaluate(id);
            byOutcome.merge(r.outcome().name(), 1, Integer::sum);
            r.tests().forEach(t -> tests.put(t.testId(), t));
        }
        for (OvalTestResult t : tests.values()) {
            testsByType.merge(t.testType() + " " + t.outcome(), 1, Integer::sum);
            boolean implemented = !t.testType().equals("rpminfo_test");
            if (implemented) {
                assertFalse(t.message().contains("is not implemented"), t.testId() + ": " + t.message());
            }
        }
        System.out.println("SSG Debian 11 on " + (root.getFileName().toString().equals("empty") ? "an empty root" : "a fixture root")
                + " in " + (System.nanoTime() - start) / 1_000_000 + " ms: definitions " + byOutcome + "; tests " + testsByType);
        return byOutcome;
    }
}
