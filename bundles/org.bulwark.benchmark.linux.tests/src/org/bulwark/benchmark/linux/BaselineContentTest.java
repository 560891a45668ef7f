package org.bulwark.benchmark.linux;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.bulwark.benchmark.api.Benchmark;
import org.bulwark.benchmark.api.BenchmarkRegistry;
import org.bulwark.benchmark.api.Control;
import org.bulwark.collector.api.Category;
import org.bulwark.collector.api.Collector;
import org.bulwark.collector.api.Observation;
import org.bulwark.scoring.api.AssessedControl;
import org.bulwark.scoring.api.Assessment;
import org.bulwark.scoring.api.CollectorRun;
import org.bulwark.scoring.api.ResultState;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;

/**
 * The built-in Linux baseline, loaded by the real content reader from this bundle's manifest header, assessed by
 * the product's assessment service (its evaluator, its collector runner) with every Linux collector running as a
 * DS service on fixture systems.
 */
class BaselineContentTest {

    /** Controls that read facts only a running system has; NOT_CHECKED when assessing a mounted filesystem. */
    static final Set<String> LIVE_ONLY = Set.of("bulwark.linux.security.apparmor-running",
            "bulwark.linux.security.apparmor-no-complain", "bulwark.linux.security.secure-boot",
            "bulwark.linux.security.kernel-lockdown", "bulwark.linux.net.listening-ssh-only",
            "bulwark.linux.app.no-reboot-pending");

    /** Controls with an applicability that no realistic system fails: systemd always mounts /dev/shm. */
    static final Set<String> ALWAYS_APPLICABLE = Set.of("bulwark.linux.os.mount.dev-shm.nodev",
            "bulwark.linux.os.mount.dev-shm.nosuid", "bulwark.linux.os.mount.dev-shm.noexec");

    static Runtime runtime;
    static Benchmark baseline;

    @BeforeAll
    static void start() throws Exception {
        runtime = Runtime.start();
        baseline = runtime.baseline();
    }

    @Test
    void manifestNamesTheContentFile() {
        Bundle host = FrameworkUtil.getBundle(BaselineContentTest.class);
        assertEquals("benchmark/linux-baseline.json", host.getHeaders("").get(BenchmarkRegistry.HEADER));
        assertNotNull(host.getEntry("benchmark/linux-baseline.json"));
    }

    @Test
    void contentLoadsWithoutProblems() {
        assertEquals(List.of(), runtime.registry.problems().stream()
                .filter(p -> p.origin() != null && p.origin().startsWith("org.bulwark.benchmark.linux/")).toList());
        assertEquals("2026.11", baseline.version());
        Map<Category, Integer> perCategory = new EnumMap<>(Category.class);
        for (Control c : baseline.controls()) {
            perCategory.merge(c.category(), 1, Integer::sum);
            assertTrue(c.id().startsWith("bulwark.linux."), c.id());
            assertFalse(c.rationale().isBlank(), c.id());
            assertFalse(c.remediation().text().isBlank(), c.id());
            assertFalse(c.references().nist().isEmpty(), c.id() + " names no NIST 800-53 control");
        }
        assertEquals(Map.of(Category.OPERATING_SYSTEM, 79, Category.NETWORK, 40, Category.ACCOUNTS, 38,
                Category.SECURITY_CONTROLS, 35, Category.APPLICATION, 35), perCategory);
        assertEquals(227, baseline.controls().size());
    }

    @Test
    void everyCollectorIsRegisteredAndNoKeyIsProvidedTwice() {
        assertEquals(Runtime.COLLECTORS, runtime.collectors.size());
        Map<String, String> owner = new HashMap<>();
        for (Collector c : runtime.collectors) {
            for (String key : c.provides()) {
                assertFalse(key.endsWith(".*"), "exact keys only: " + key);
                assertTrue(Observation.KEY_PATTERN.matcher(key).matches(), key);
                String other = owner.put(key, c.id());
                assertEquals(null, other, key + " is provided by " + other + " and " + c.id());
            }
        }
    }

    @Test
    void everyKeyAControlReadsIsProvidedByACollector() {
        Set<String> missing = new TreeSet<>();
        for (Control c : baseline.controls()) {
            for (String key : c.keys()) {
                if (runtime.collectors.stream().noneMatch(col -> col.provides().stream()
                        .anyMatch(p -> Collector.covers(p, key)))) {
                    missing.add(c.id() + " reads " + key);
                }
            }
        }
        assertEquals(Set.of(), missing);
    }

    /** Assesses {@code root} with the baseline; every collector must have run and returned well-formed results. */
    private static Map<String, ResultState> evaluate(Path root, boolean live) throws Exception {
        Assessment a = runtime.assess(root, live);
        assertEquals(live, a.live());
        assertEquals(List.of(), a.problems());
        Map<CollectorRun.Outcome, Integer> outcomes = new EnumMap<>(CollectorRun.Outcome.class);
        a.collectors().forEach(r -> outcomes.merge(r.outcome(), 1, Integer::sum));
        assertEquals(Map.of(CollectorRun.Outcome.OK, Runtime.COLLECTORS), outcomes, a.collectors().toString());
        Map<String, ResultState> results = new TreeMap<>();
        for (AssessedControl c : a.controls()) {
            results.put(c.control().id(), c.result().state());
        }
        assertEquals(baseline.controls().size(), results.size());
        return results;
    }

    private static void assumeRoot(Path dir) throws Exception {
        Assumptions.assumeTrue(Integer.valueOf(0).equals(Files.getAttribute(dir, "unix:uid")),
                "the fixtures' files must belong to root for the ownership controls");
    }

    @Test
    void everyControlPassesOnAHardenedSystem(@TempDir Path dir) throws Exception {
        assumeRoot(dir);
        Map<String, ResultState> results = evaluate(Fixtures.hardened(dir), true);
        Map<String, ResultState> notPassing = new TreeMap<>(results);
        notPassing.values().removeIf(r -> r == ResultState.PASS);
        assertEquals(Map.of(), notPassing);
    }

    @Test
    void onAMountedImageOnlyLiveFactsAreNotChecked(@TempDir Path dir) throws Exception {
        assumeRoot(dir);
        Map<String, ResultState> results = evaluate(Fixtures.hardened(dir), false);
        Map<String, ResultState> expected = new TreeMap<>();
        for (Control c : baseline.controls()) {
            expected.put(c.id(), LIVE_ONLY.contains(c.id()) ? ResultState.NOT_CHECKED : ResultState.PASS);
        }
        assertEquals(expected, results);
    }

    @Test
    void everyControlFailsOnAWeakOrABareSystemAndEveryApplicabilityIsExercised(@TempDir Path dir) throws Exception {
        assumeRoot(dir);
        Map<String, ResultState> weak = evaluate(Fixtures.weak(Files.createDirectory(dir.resolve("weak"))), true);
        Map<String, ResultState> bare = evaluate(Fixtures.bare(Files.createDirectory(dir.resolve("bare"))), true);
        List<String> neverFails = new ArrayList<>();
        List<String> neverNotApplicable = new ArrayList<>();
        List<String> undecided = new ArrayList<>();
        for (Control c : baseline.controls()) {
            ResultState w = weak.get(c.id());
            ResultState b = bare.get(c.id());
            if (w != ResultState.FAIL && b != ResultState.FAIL) {
                neverFails.add(c.id() + " weak=" + w + " bare=" + b);
            }
            if (c.applicability() != null && !ALWAYS_APPLICABLE.contains(c.id()) && w != ResultState.NOT_APPLICABLE
                    && b != ResultState.NOT_APPLICABLE) {
                neverNotApplicable.add(c.id() + " weak=" + w + " bare=" + b);
            }
            if (w != ResultState.FAIL && w != ResultState.PASS) {
                undecided.add(c.id() + " weak=" + w);
            }
        }
        assertEquals(List.of(), neverFails);
        assertEquals(List.of(), neverNotApplicable);
        assertEquals(List.of(), undecided);
        // on the weak system everything that applies fails, except what only the bare system lacks
        Map<String, ResultState> weakPasses = new TreeMap<>(weak);
        weakPasses.values().removeIf(r -> r != ResultState.PASS);
        assertEquals(Set.of("bulwark.linux.accounts.faillock-enabled",
                "bulwark.linux.net.firewall-active", "bulwark.linux.os.mount.home.separate",
                "bulwark.linux.os.mount.tmp.separate", "bulwark.linux.os.mount.var-log-audit.separate",
                "bulwark.linux.os.mount.var-log.separate", "bulwark.linux.os.mount.var-tmp.separate",
                "bulwark.linux.os.mount.var.separate", "bulwark.linux.security.apparmor-installed",
                "bulwark.linux.security.aide-installed", "bulwark.linux.security.auditd-installed",
                "bulwark.linux.security.unattended-upgrades-installed"), weakPasses.keySet());
    }
}
