package org.bulwark.store.internal;

import static org.bulwark.store.internal.Fixtures.r;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.bulwark.collector.api.Category;
import org.bulwark.scoring.api.FleetScore;
import org.bulwark.scoring.api.ResultState;
import org.bulwark.scoring.api.ScoringService;
import org.bulwark.store.api.AssessmentSummary;
import org.bulwark.store.api.FleetResults;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

/**
 * The benchmark, run only when {@code BULWARK_BENCHMARK=1} (with {@code BULWARK_TEST_PG_URL} it runs against
 * PostgreSQL): stores 1,000 assessments of 300 results each (100 devices, 10 assessments each over a year, a 64 KB
 * report each), then times one device's score history over the year and the latest fleet score (reading every
 * device's latest results and scoring them). Prints the figures.
 */
@EnabledIfEnvironmentVariable(named = "BULWARK_BENCHMARK", matches = "1")
class StoreBenchmark {

    private static final int DEVICES = 100;
    private static final int PER_DEVICE = 10;
    private static final int RESULTS = 300;

    @TempDir
    Path dir;

    @Test
    void thousandAssessmentsOfThreeHundredResults() throws Exception {
        String url = TestStores.fresh(dir);
        Instant start = Instant.parse("2025-12-01T00:00:00Z");
        String report = "{\"evidence\": \"" + "e".repeat(64 * 1024) + "\"}";
        long t0 = System.nanoTime();
        try (JdbcStore store = JdbcStore.open(url)) {
            for (int round = 0; round < PER_DEVICE; round++) {
                for (int d = 0; d < DEVICES; d++) {
                    List<Fixtures.R> results = new ArrayList<>(RESULTS);
                    for (int i = 0; i < RESULTS; i++) {
                        boolean pass = (i + d + round) % 4 != 0;
                        results.add(r("c." + i, Category.values()[i % 5], 1 + i % 10,
                                pass ? ResultState.PASS : ResultState.FAIL));
                    }
                    store.save(Fixtures.assessment(Fixtures.device("dev" + d),
                            start.plus(Duration.ofDays(36L * round)).plusSeconds(d), results, List.of()), report);
                }
            }
            long stored = System.nanoTime() - t0;

            Instant yearAgo = start.plus(Duration.ofDays(36L * (PER_DEVICE - 1))).minus(Duration.ofDays(365));
            ServiceTracker<ScoringService, ScoringService> tracker = new ServiceTracker<>(
                    FrameworkUtil.getBundle(StoreBenchmark.class).getBundleContext(), ScoringService.class, null);
            tracker.open();
            ScoringService scoring = tracker.waitForService(10_000);
            List<AssessmentSummary> history = null;
            FleetScore fleet = null;
            long[] historyNanos = new long[3];
            long[] readNanos = new long[3];
            long[] fleetNanos = new long[3];
            for (int run = 0; run < 3; run++) { // the first run is cold (JIT, database caches)
                long t1 = System.nanoTime();
                history = store.history("dev7", yearAgo);
                historyNanos[run] = System.nanoTime() - t1;
                long t2 = System.nanoTime();
                FleetResults latest = store.latestResults();
                readNanos[run] = System.nanoTime() - t2;
                fleet = scoring.score(latest.controls(), latest.devices(), List.of(),
                        start.plus(Duration.ofDays(36L * (PER_DEVICE - 1) + 1)));
                fleetNanos[run] = System.nanoTime() - t2;
            }
            tracker.close();
            assertEquals(PER_DEVICE, history.size());
            assertEquals(DEVICES, fleet.devices().size());
            System.out.printf("StoreBenchmark (%s): stored %d assessments x %d results in %.1f s (%.1f ms each); "
                    + "one device's history over a year (%d assessments): cold %.1f ms, warm %.1f ms; latest fleet "
                    + "score (%d devices): cold %.1f ms, warm %.1f ms (of which reading %.1f ms); score %.4f%n",
                    url.startsWith("jdbc:h2:") ? "H2" : "PostgreSQL", DEVICES * PER_DEVICE, RESULTS, stored / 1e9,
                    stored / 1e6 / (DEVICES * PER_DEVICE), history.size(), historyNanos[0] / 1e6,
                    historyNanos[2] / 1e6, DEVICES, fleetNanos[0] / 1e6, fleetNanos[2] / 1e6, readNanos[2] / 1e6,
                    fleet.score());
        }
    }
}
