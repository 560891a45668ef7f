package org.bulwark.scoring.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

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
import org.bulwark.collector.api.Source;
import org.bulwark.scoring.api.Assessment;
import org.bulwark.scoring.api.AssessmentListener;
import org.bulwark.scoring.api.AssessmentRequest;
import org.bulwark.scoring.api.AssessmentService;
import org.bulwark.scoring.api.CollectorRun;
import org.bulwark.scoring.api.ResultState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceRegistration;

/**
 * Wiring in a real OSGi framework with Felix SCR: the assessment service is a DS component, collectors are
 * services that come and go, and misbehaving collectors are contained.
 */
class AssessmentServiceOsgiTest {

    private final BundleContext context = FrameworkUtil.getBundle(AssessmentServiceOsgiTest.class).getBundleContext();
    private final List<ServiceRegistration<?>> registrations = new ArrayList<>();
    private AssessmentService service;

    @TempDir
    Path root;

    @BeforeEach
    void service() throws InterruptedException {
        service = AssessmentServices.await(context);
    }

    @AfterEach
    void unregister() {
        registrations.forEach(ServiceRegistration::unregister);
    }

    private ServiceRegistration<Collector> register(Collector c) {
        ServiceRegistration<Collector> r = context.registerService(Collector.class, c, null);
        registrations.add(r);
        return r;
    }

    private static Control control(String id, String key, String expected, int weight) {
        return new Control(id, id, Category.SECURITY_CONTROLS, weight, null, "why",
                new Expectation.Check(key, Operator.EQUALS, List.of(expected), null), null,
                new Remediation(RemediationType.CONFIGURATION_CHANGE, "fix", null), null);
    }

    private static final Benchmark CONTENT = new Benchmark("test", "Test", "1", "test.json", "0".repeat(64), List.of(
            control("t.good", "test.good.value", "1", 6),
            control("t.bad", "test.bad.value", "1", 4),
            control("t.slow", "test.slow.value", "1", 2)));

    private Assessment assess(Duration timeout) throws InterruptedException {
        return service.assess(new AssessmentRequest(root, Set.of(), List.of(CONTENT), timeout, List.of()),
                AssessmentListener.NONE);
    }

    /** A collector answering for one key. */
    private record Fixed(String id, String key, String value) implements Collector {
        @Override
        public Category category() {
            return Category.SECURITY_CONTROLS;
        }

        @Override
        public Set<String> provides() {
            return Set.of(key);
        }

        @Override
        public List<Observation> collect(AssessmentContext ctx) {
            return List.of(Observation.of(key, value, Source.file("/etc/test.conf", 3)));
        }
    }

    /** What a scripted test collector does when asked to collect. */
    @FunctionalInterface
    private interface Behaviour {
        List<Observation> collect(AssessmentContext ctx) throws Exception;
    }

    /** A test collector with the given id and keys that behaves as scripted. */
    private record Scripted(String id, Set<String> provides, Behaviour behaviour) implements Collector {
        @Override
        public Category category() {
            return Category.SECURITY_CONTROLS;
        }

        @Override
        public List<Observation> collect(AssessmentContext ctx) throws Exception {
            return behaviour.collect(ctx);
        }
    }

    /** Never returns and ignores interrupts and cancellation: a collector that hangs. */
    private static List<Observation> hang() {
        while (true) {
            Thread.onSpinWait();
        }
    }

    private static ResultState state(Assessment a, String control) {
        return a.controls().stream().filter(c -> c.control().id().equals(control)).findFirst().orElseThrow()
                .result().state();
    }

    private static String reason(Assessment a, String control) {
        return a.controls().stream().filter(c -> c.control().id().equals(control)).findFirst().orElseThrow()
                .result().reason();
    }

    @Test
    void collectorsComeAndGoWithoutRestart() throws Exception {
        Assessment none = assess(Duration.ofSeconds(5));
        assertEquals(ResultState.NOT_CHECKED, state(none, "t.good"));
        assertEquals("no installed collector provides test.good.value", reason(none, "t.good"));
        assertTrue(Double.isNaN(none.score().score()), "nothing counted: no score, never 100");

        ServiceRegistration<Collector> good = register(new Fixed("test.good", "test.good.value", "1"));
        register(new Fixed("test.bad", "test.bad.value", "0"));
        Assessment both = assess(Duration.ofSeconds(5));
        assertEquals(ResultState.PASS, state(both, "t.good"));
        assertEquals(ResultState.FAIL, state(both, "t.bad"));
        assertEquals(100.0 * 6 / 10, both.score().score(), 1e-9);
        assertEquals(1, both.recommendations().size());
        assertEquals("t.bad", both.recommendations().get(0).control().id());
        assertEquals(40.0, both.recommendations().get(0).impact(), 1e-9);

        good.unregister();
        registrations.remove(good);
        Assessment after = assess(Duration.ofSeconds(5));
        assertEquals(ResultState.NOT_CHECKED, state(after, "t.good"));
        assertEquals(0.0, after.score().score(), 1e-9);
    }

    @Test
    void throwingHangingAndMalformedCollectorsAreContained() throws Exception {
        register(new Fixed("test.good", "test.good.value", "1"));
        register(new Scripted("test.bad", Set.of("test.bad.*"), ctx -> {
            throw new IllegalStateException("cannot open /etc/test.conf");
        }));
        register(new Scripted("test.slow", Set.of("test.slow.value"), ctx -> hang()));
        Instant start = Instant.now();
        Assessment a = assess(Duration.ofMillis(1500));
        Duration took = Duration.between(start, Instant.now());
        assertTrue(took.compareTo(Duration.ofMillis(1500 + 1500)) < 0, "finished within deadline + margin: " + took);

        assertEquals(ResultState.PASS, state(a, "t.good"));
        assertEquals(ResultState.ERROR, state(a, "t.bad"));
        assertEquals("collector test.bad failed: IllegalStateException: cannot open /etc/test.conf",
                reason(a, "t.bad"));
        assertEquals(ResultState.ERROR, state(a, "t.slow"));
        assertEquals("collector test.slow did not finish within its deadline of 1500 ms", reason(a, "t.slow"));
        assertEquals(100.0 * 6 / 12, a.score().score(), 1e-9, "ERROR counts with no credit");
        assertEquals(2, a.score().coverage().errors());

        List<CollectorRun.Outcome> outcomes = a.collectors().stream().map(CollectorRun::outcome).toList();
        assertEquals(List.of(CollectorRun.Outcome.FAILED, CollectorRun.Outcome.OK, CollectorRun.Outcome.TIMED_OUT),
                outcomes);
    }

    @Test
    void malformedObservationsMakeTheCollectorsControlsError() throws Exception {
        register(new Fixed("test.good", "test.good.value", "1"));
        register(new Scripted("test.bad", Set.of("test.bad.value"), ctx -> List.of(
                Observation.of("test.bad.value", "1", Source.runtime("/proc/x")),
                Observation.of("test.good.value", "0", Source.runtime("/proc/y")))));
        Assessment a = assess(Duration.ofSeconds(5));
        assertEquals(ResultState.PASS, state(a, "t.good"), "the other collector's result is unaffected");
        assertEquals(ResultState.ERROR, state(a, "t.bad"));
        assertEquals("collector test.bad observation test.good.value is not among the keys the collector declares",
                reason(a, "t.bad"));
    }

    /** A collector returning what the test gives it for {@code test.bad.value}. */
    private record Returning(String id, List<Observation> observations) implements Collector {
        @Override
        public Category category() {
            return Category.SECURITY_CONTROLS;
        }

        @Override
        public Set<String> provides() {
            return Set.of("test.bad.value");
        }

        @Override
        public List<Observation> collect(AssessmentContext ctx) {
            return observations;
        }
    }

    @Test
    void oversizedResultsAreContained() throws Exception {
        register(new Fixed("test.good", "test.good.value", "1"));
        ServiceRegistration<Collector> huge = register(new Returning("test.huge", List.of(Observation.of(
                "test.bad.value", "x".repeat(Observation.MAX_VALUE_LENGTH + 1), Source.runtime("/proc/x")))));
        Assessment a = assess(Duration.ofSeconds(5));
        assertEquals(ResultState.PASS, state(a, "t.good"), "the other collector's result is unaffected");
        assertEquals(ResultState.ERROR, state(a, "t.bad"));
        assertEquals("collector test.huge observation test.bad.value has a value of 65537 characters, more than the"
                + " limit of 65536", reason(a, "t.bad"));
        assertEquals(CollectorRun.Outcome.MALFORMED, a.collectors().stream()
                .filter(c -> c.collectorId().equals("test.huge")).findFirst().orElseThrow().outcome());

        huge.unregister();
        registrations.remove(huge);
        List<String> many = java.util.Collections.nCopies(Observation.MAX_VALUES + 1, "v");
        register(new Returning("test.many", List.of(Observation.ofAll("test.bad.value", many, Source.runtime("/proc/x")))));
        Assessment b = assess(Duration.ofSeconds(5));
        assertEquals(ResultState.PASS, state(b, "t.good"));
        assertEquals("collector test.many observation test.bad.value has 100001 values, more than the limit of 100000",
                reason(b, "t.bad"));
    }

    @Test
    void collectorThatDoesNotReportAKeyItOwns() throws Exception {
        register(new Scripted("test.quiet", Set.of("test.good.*"), ctx -> List.of()));
        Assessment a = assess(Duration.ofSeconds(5));
        assertEquals(ResultState.ERROR, state(a, "t.good"));
        assertEquals("collector test.quiet did not report test.good.value", reason(a, "t.good"));
    }

    @Test
    void groupScopedExceptionsApplyToTheAssessedDeviceByItsGroups() throws Exception {
        java.nio.file.Files.createDirectories(root.resolve("etc"));
        java.nio.file.Files.writeString(root.resolve("etc/machine-id"), "m-42\n");
        register(new Fixed("test.good", "test.good.value", "1"));
        register(new Fixed("test.bad", "test.bad.value", "0"));
        org.bulwark.scoring.api.ControlException forServers = new org.bulwark.scoring.api.ControlException("x1",
                "t.bad", org.bulwark.scoring.api.ControlException.Scope.GROUP, "servers",
                org.bulwark.scoring.api.Justification.THIRD_PARTY_CONTROL, "alice", Instant.now().minusSeconds(60),
                null, null);
        Assessment inGroup = service.assess(new AssessmentRequest(root, Set.of(), List.of(CONTENT),
                Duration.ofSeconds(5), List.of(forServers), java.util.Map.of("m-42", Set.of("servers"))),
                AssessmentListener.NONE);
        assertEquals(Set.of("servers"), inGroup.device().groups());
        assertEquals(100.0, inGroup.score().score(), 1e-9, "the crediting group exception covers t.bad");
        assertEquals(org.bulwark.scoring.api.Recommendation.Status.EXCEPTION,
                inGroup.recommendations().get(0).status());
        Assessment elsewhere = service.assess(new AssessmentRequest(root, Set.of(), List.of(CONTENT),
                Duration.ofSeconds(5), List.of(forServers), java.util.Map.of("other", Set.of("servers"))),
                AssessmentListener.NONE);
        assertEquals(60.0, elsewhere.score().score(), 1e-9);
    }

    @Test
    void onlyNeededCollectorsRunAndCategoriesFilter() throws Exception {
        register(new Fixed("test.good", "test.good.value", "1"));
        register(new Fixed("test.other", "other.value", "1"));
        Assessment a = assess(Duration.ofSeconds(5));
        CollectorRun other = a.collectors().stream().filter(c -> c.collectorId().equals("test.other")).findFirst()
                .orElseThrow();
        assertEquals(CollectorRun.Outcome.SKIPPED, other.outcome());
        Assessment filtered = service.assess(new AssessmentRequest(root, Set.of(Category.NETWORK), List.of(CONTENT),
                Duration.ofSeconds(5), List.of()), AssessmentListener.NONE);
        assertEquals(0, filtered.controls().size());
        assertEquals(2, service.collectors().size());
    }
}
