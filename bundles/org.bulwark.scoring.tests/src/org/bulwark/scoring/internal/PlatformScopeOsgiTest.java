package org.bulwark.scoring.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.bulwark.benchmark.api.Benchmark;
import org.bulwark.benchmark.api.Control;
import org.bulwark.benchmark.api.Expectation;
import org.bulwark.benchmark.api.Operator;
import org.bulwark.benchmark.api.Remediation;
import org.bulwark.benchmark.api.RemediationType;
import org.bulwark.collector.api.AssessmentContext;
import org.bulwark.collector.api.Category;
import org.bulwark.collector.api.Collector;
import org.bulwark.collector.api.Observation;
import org.bulwark.collector.api.PlatformFacts;
import org.bulwark.collector.api.PlatformProbe;
import org.bulwark.collector.api.ProbedTarget;
import org.bulwark.collector.api.Source;
import org.bulwark.scoring.api.Assessment;
import org.bulwark.scoring.api.AssessmentListener;
import org.bulwark.scoring.api.AssessmentRequest;
import org.bulwark.scoring.api.AssessmentService;
import org.bulwark.scoring.api.AssessedControl;
import org.bulwark.scoring.api.CollectorRun;
import org.bulwark.scoring.api.ResultState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceRegistration;

/**
 * A control that reads only another platform's facts is NOT_APPLICABLE on a target of a known platform, and the
 * collectors of those facts do not run: Linux content on a Windows image neither fails nor errs.
 */
class PlatformScopeOsgiTest {

    private final BundleContext context = FrameworkUtil.getBundle(PlatformScopeOsgiTest.class).getBundleContext();

    @TempDir
    Path dir;

    private static Control control(String id, String key) {
        return new Control(id, id, Category.SECURITY_CONTROLS, 5, null, "why",
                new Expectation.Check(key, Operator.EQUALS, List.of("1"), null), null,
                new Remediation(RemediationType.CONFIGURATION_CHANGE, "fix", null), null);
    }

    private static final Benchmark CONTENT = new Benchmark("mixed", "Mixed", "1", "mixed.json", "0".repeat(64),
            List.of(control("l.aslr", "linux.sysctl.kernel.randomize_va_space"),
                    control("w.uac", "windows.os.uac.enable-lua"), control("t.other", "test.scope.value")));

    private static Collector collector(String id, String key, AtomicInteger calls) {
        return new Collector() {
            public String id() {
                return id;
            }

            public Category category() {
                return Category.SECURITY_CONTROLS;
            }

            public Set<String> provides() {
                return Set.of(key);
            }

            public List<Observation> collect(AssessmentContext c) {
                calls.incrementAndGet();
                return List.of(Observation.of(key, "1", Source.file("/x", 1)));
            }
        };
    }

    private static PlatformProbe probe(String family) {
        return new PlatformProbe() {
            public String id() {
                return "fake-" + family;
            }

            public Optional<ProbedTarget> probe(Path r) {
                return Optional.of(new ProbedTarget(new PlatformFacts(family, family, "1", family, "amd64", "h",
                        "id-" + family), false, List.of()));
            }
        };
    }

    private Map<String, String> assess(String family, AtomicInteger linuxCalls) throws Exception {
        AssessmentService service = AssessmentServices.await(context);
        Path root = Files.createDirectories(dir.resolve(family));
        List<ServiceRegistration<?>> regs = List.of(
                context.registerService(PlatformProbe.class, probe(family),
                        new Hashtable<>(Map.of(Constants.SERVICE_RANKING, 1000))),
                context.registerService(Collector.class,
                        collector("scope.linux", "linux.sysctl.kernel.randomize_va_space", linuxCalls), null),
                context.registerService(Collector.class,
                        collector("scope.windows", "windows.os.uac.enable-lua", new AtomicInteger()), null),
                context.registerService(Collector.class,
                        collector("scope.test", "test.scope.value", new AtomicInteger()), null));
        try {
            Assessment a = service.assess(new AssessmentRequest(root, Set.of(), List.of(CONTENT),
                    Duration.ofSeconds(30), List.of()), AssessmentListener.NONE);
            Map<String, String> out = new java.util.TreeMap<>();
            for (AssessedControl c : a.controls()) {
                out.put(c.control().id(), c.result().state() + (c.result().reason() == null ? ""
                        : ": " + c.result().reason()));
            }
            for (CollectorRun run : a.collectors()) {
                if (run.collectorId().startsWith("scope.")) {
                    out.put(run.collectorId(), run.outcome().name());
                }
            }
            return out;
        } finally {
            regs.forEach(ServiceRegistration::unregister);
        }
    }

    @Test
    void linuxContentIsNotApplicableOnAWindowsTargetAndItsCollectorDoesNotRun() throws Exception {
        AtomicInteger linuxCalls = new AtomicInteger();
        assertEquals(Map.of(
                "l.aslr", "NOT_APPLICABLE: the control is for linux targets; this target runs windows",
                "w.uac", "PASS", "t.other", "PASS",
                "scope.linux", "SKIPPED", "scope.windows", "OK", "scope.test", "OK"), assess("windows", linuxCalls));
        assertEquals(0, linuxCalls.get());
    }

    @Test
    void windowsContentIsNotApplicableOnALinuxTarget() throws Exception {
        AtomicInteger linuxCalls = new AtomicInteger();
        assertEquals(Map.of(
                "l.aslr", "PASS",
                "w.uac", "NOT_APPLICABLE: the control is for windows targets; this target runs linux",
                "t.other", "PASS",
                "scope.linux", "OK", "scope.windows", "SKIPPED", "scope.test", "OK"), assess("linux", linuxCalls));
        assertEquals(1, linuxCalls.get());
    }

    @Test
    void anUnknownPlatformKeepsEveryControl() throws Exception {
        Map<String, String> r = assess("unknown", new AtomicInteger());
        assertEquals("PASS", r.get("l.aslr"));
        assertEquals("PASS", r.get("w.uac"));
    }
}
