package org.bulwark.store.internal;

import static org.bulwark.collector.api.Category.ACCOUNTS;
import static org.bulwark.collector.api.Category.NETWORK;
import static org.bulwark.collector.api.Category.OPERATING_SYSTEM;
import static org.bulwark.collector.api.Category.SECURITY_CONTROLS;
import static org.bulwark.scoring.api.ResultState.ERROR;
import static org.bulwark.scoring.api.ResultState.FAIL;
import static org.bulwark.scoring.api.ResultState.PASS;
import static org.bulwark.store.internal.Fixtures.r;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.bulwark.scoring.api.ControlRef;
import org.bulwark.scoring.api.Device;
import org.bulwark.store.api.AssessmentDiff;
import org.bulwark.store.api.AssessmentDiff.Change;
import org.bulwark.store.api.AssessmentDiff.Kind;
import org.bulwark.store.api.AssessmentSummary;
import org.bulwark.store.api.FleetResults;
import org.bulwark.store.api.StoreException;
import org.bulwark.store.api.StoredAssessment;
import org.bulwark.store.api.StoredResult;
import org.junit.jupiter.api.Test;

/**
 * Assessments: stored whole, read back, listed as history and as the latest results, compared; a failed save and
 * concurrent ones (H2 here, PostgreSQL in {@link PostgresStoreTest}).
 */
class AssessmentHistoryTest extends StoreTestBase {

    @Test
    void storesAnAssessmentWholeAndReadsItBack() throws Exception {
        AssessmentSummary s = first();
        assertEquals(13, s.points().earned());
        assertEquals(27, s.points().possible());
        assertEquals(100.0 * 13 / 27, s.score(), 1e-9);
        assertEquals(8, s.categories().get(SECURITY_CONTROLS).earned());
        assertEquals(0, s.categories().get(ACCOUNTS).possible());
        assertEquals(List.of("test 1"), s.content());
        assertEquals(4, s.coverage().counted());
        assertEquals(1, s.coverage().errors());
        assertFalse(s.complete());
        assertEquals(D1, s.device());
        assertEquals(T1, s.finished());

        StoredAssessment a = store.assessment(s.id()).orElseThrow();
        assertEquals("{\"report\": 1}", a.reportJson());
        assertEquals(List.of("org.bulwark.test 1.0.0"), a.collectors());
        assertEquals("ab".repeat(32), a.benchmarks().get(0).sha256());
        assertEquals(List.of("c1", "c2", "c3", "c4", "c5"),
                a.results().stream().map(StoredResult::controlId).collect(Collectors.toList()));
        StoredResult c4 = a.results().get(3);
        assertEquals(FAIL, c4.state());
        assertTrue(c4.credit());
        assertEquals("e1", c4.exceptionId());
        assertEquals(List.of(E1), a.exceptions());
        assertEquals(a.summary().points().earned(), a.results().stream().mapToDouble(StoredResult::earned).sum());
        assertTrue(store.assessment(s.id() + 100).isEmpty());
    }

    @Test
    void historyListsScoresByDeviceAndTime() throws Exception {
        first();
        second();
        store.save(Fixtures.assessment(D2, T3, List.of(r("c1", OPERATING_SYSTEM, 10, PASS)), List.of()), "{}");
        List<AssessmentSummary> all = store.history(null, null);
        assertEquals(List.of("d1", "d1", "d2"), all.stream().map(x -> x.device().id()).collect(Collectors.toList()));
        assertEquals(List.of(13.0, 18.0, 10.0), all.stream().map(x -> x.points().earned()).collect(Collectors.toList()));
        assertEquals(2, store.history("d1", null).size());
        assertEquals(2, store.history("host-d1", null).size());
        assertEquals(1, store.history("d1", T2).size());
        assertEquals(0, store.history(null, T3.plusSeconds(1)).size());
        StoreException e = assertThrows(StoreException.class, () -> store.history("nope", null));
        assertEquals(StoreException.Reason.INVALID_INPUT, e.reason());
        assertTrue(e.getMessage().contains("unknown device 'nope'"), e.getMessage());
        assertEquals(List.of("d1", "d2"), store.devices().stream().map(Device::id).collect(Collectors.toList()));

        FleetResults latest = store.latestResults();
        assertEquals(List.of("d1", "d2"), latest.devices().stream().map(d -> d.device().id())
                .collect(Collectors.toList()));
        assertEquals(T2, latest.devices().get(0).assessedAt());
        assertEquals(PASS, latest.devices().get(0).states().get("c1"));
        assertEquals(List.of("c1", "c2", "c3", "c4", "c6"), latest.controls().stream().map(ControlRef::id)
                .sorted().collect(Collectors.toList()));
    }

    @Test
    void eachAssessmentKeepsTheExposureScoreItWasStoredWith() throws Exception {
        AssessmentSummary none = store.save(Fixtures.assessment(D1, T1, List.of(r("c1", OPERATING_SYSTEM, 10, PASS)),
                List.of()), "{}");
        AssessmentSummary some = store.save(Fixtures.assessment(D1, T2, List.of(r("c1", OPERATING_SYSTEM, 10, PASS)),
                List.of()), "{}", Optional.of(37.495));
        AssessmentSummary zero = store.saveCompressed(Fixtures.assessment(D2, T3, List.of(r("c1", OPERATING_SYSTEM,
                10, PASS)), List.of()), Reports.gzip("{}"), Optional.of(0.0));
        assertEquals(Optional.empty(), none.exposure());
        assertEquals(Optional.of(37.495), some.exposure());
        assertEquals(List.of(Optional.empty(), Optional.of(37.495), Optional.of(0.0)), store.history(null, null)
                .stream().map(AssessmentSummary::exposure).toList(), "0 is a score, not none");
        for (double bad : new double[] { -0.5, 100.5, Double.NaN, Double.POSITIVE_INFINITY }) {
            StoreException e = assertThrows(StoreException.class, () -> store.save(Fixtures.assessment(D1, T3,
                    List.of(r("c1", OPERATING_SYSTEM, 10, PASS)), List.of()), "{}", Optional.of(bad)));
            assertEquals(StoreException.Reason.INVALID_INPUT, e.reason());
        }
        assertEquals(3, store.history(null, null).size(), "a refused exposure stores nothing");
        assertEquals(zero.id(), store.history("d2", null).get(0).id());
    }

    @Test
    void diffAttributesTheScoreChangeExactly() throws Exception {
        AssessmentSummary a = first();
        AssessmentSummary b = second();
        AssessmentDiff diff = store.diff(a.id(), b.id());
        assertEquals(100.0 * 18 / 26 - 100.0 * 13 / 27, diff.scoreDelta(), 1e-9);
        List<String> lines = diff.changes().stream().map(c -> c.kind() + " " + c.controlId() + " " + c.before() + "→"
                + c.after() + " " + c.exceptionId() + " " + c.earnedDelta() + "/" + c.possibleDelta())
                .collect(Collectors.toList());
        assertEquals(List.of("RESULT_CHANGED c1 FAIL→PASS null 10.0/0.0",
                "EXCEPTION_EXPIRED c4 FAIL→FAIL e1 -8.0/0.0",
                "CONTROL_ADDED c6 null→PASS null 3.0/3.0",
                "CONTROL_REMOVED c5 ERROR→null null -0.0/-4.0"), lines);
        assertEquals(b.points().earned() - a.points().earned(),
                diff.changes().stream().mapToDouble(Change::earnedDelta).sum(), 1e-9);
        assertEquals(b.points().possible() - a.points().possible(),
                diff.changes().stream().mapToDouble(Change::possibleDelta).sum(), 1e-9);
        assertEquals(Kind.RESULT_CHANGED, store.diff(b.id(), a.id()).changes().get(0).kind());
        assertEquals(StoreException.Reason.NOT_FOUND,
                assertThrows(StoreException.class, () -> store.diff(a.id(), 999)).reason());
        AssessmentSummary other = store.save(Fixtures.assessment(D2, T3, List.of(r("c1", OPERATING_SYSTEM, 10, PASS)),
                List.of()), "{}");
        assertEquals(StoreException.Reason.INVALID_INPUT,
                assertThrows(StoreException.class, () -> store.diff(a.id(), other.id())).reason());
    }

    @Test
    void diffNamesWeightChangesAndNothingForUnchangedControls() throws Exception {
        AssessmentSummary a = store.save(Fixtures.assessment(D1, T1, List.of(r("c1", OPERATING_SYSTEM, 10, PASS),
                r("c2", NETWORK, 5, PASS)), List.of()), "{}");
        AssessmentSummary b = store.save(Fixtures.assessment(D1, T2, List.of(r("c1", OPERATING_SYSTEM, 6, PASS),
                r("c2", NETWORK, 5, PASS)), List.of()), "{}");
        List<Change> changes = store.diff(a.id(), b.id()).changes();
        assertEquals(1, changes.size());
        assertEquals(Kind.WEIGHT_CHANGED, changes.get(0).kind());
        assertEquals(-4.0, changes.get(0).earnedDelta());
        assertEquals(-4.0, changes.get(0).possibleDelta());
        assertEquals(0.0, store.diff(a.id(), b.id()).scoreDelta(), 1e-9, "100 before and after");
        assertEquals(List.of(), store.diff(b.id(), b.id()).changes());
    }

    @Test
    void aFailedSaveWritesNothing() throws Exception {
        first();
        // the same control twice is found after the device, assessment and score rows are written: all rolled back
        StoreException e = assertThrows(StoreException.class, () -> store.save(Fixtures.assessment(D2, T2,
                List.of(r("c1", OPERATING_SYSTEM, 10, PASS), r("c1", OPERATING_SYSTEM, 10, PASS)), List.of()), "{}"));
        assertEquals(StoreException.Reason.INVALID_INPUT, e.reason());
        assertEquals("control 'c1' appears twice in the assessment of d2; nothing was written", e.getMessage());
        assertEquals(1, store.history(null, null).size());
        assertEquals(List.of("d1"), store.devices().stream().map(Device::id).collect(Collectors.toList()));
        assertEquals(1, count("SELECT COUNT(*) FROM assessment_results"), "only the first assessment's results");
        assertEquals(0, count("SELECT COUNT(*) FROM result"), "schema 4 keeps results in one row an assessment");
        assertEquals(1, count("SELECT COUNT(*) FROM assessment"));
    }

    @Test
    void aCompressedReportIsKeptAsGivenAndOnlyGzipIsTaken() throws Exception {
        String report = "{\"upload\": 1, \"device\": \"h\u00e9\"}";
        byte[] bytes = report.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        // two gzip members, as a client that compresses the fixed parts of its documents once may send
        java.io.ByteArrayOutputStream gz = new java.io.ByteArrayOutputStream();
        for (int[] part : new int[][] { { 0, 10 }, { 10, bytes.length } }) {
            try (java.util.zip.GZIPOutputStream z = new java.util.zip.GZIPOutputStream(gz) {
                @Override
                public void close() throws java.io.IOException {
                    finish(); // the member only: gz stays open for the next one
                }
            }) {
                z.write(bytes, part[0], part[1] - part[0]);
            }
        }
        AssessmentSummary s = store.saveCompressed(Fixtures.assessment(D1, T1,
                List.of(r("c1", OPERATING_SYSTEM, 10, FAIL)), List.of()), gz.toByteArray());
        assertEquals(report, store.assessment(s.id()).orElseThrow().reportJson());
        try (Connection c = TestStores.connect(url);
                java.sql.PreparedStatement p = c.prepareStatement("SELECT report_gz FROM assessment WHERE id = ?")) {
            p.setLong(1, s.id());
            try (ResultSet r = p.executeQuery()) {
                assertTrue(r.next());
                assertArrayEquals(gz.toByteArray(), r.getBytes(1), "kept as given, not compressed again");
            }
        }
        StoreException e = assertThrows(StoreException.class, () -> store.saveCompressed(Fixtures.assessment(D2, T2,
                List.of(r("c1", OPERATING_SYSTEM, 10, PASS)), List.of()), bytes));
        assertEquals(StoreException.Reason.INVALID_INPUT, e.reason());
        assertEquals("the compressed report is not gzip (it does not start with the gzip magic bytes 1f 8b)",
                e.getMessage());
        assertEquals(1, store.history(null, null).size());
        assertEquals(List.of("d1"), store.devices().stream().map(Device::id).collect(Collectors.toList()));
    }

    @Test
    void concurrentSavesOfNewDevicesAllLandExactlyOnce() throws Exception {
        // 8 threads save 10 assessments each over 4 devices none of which exists yet: first inserts race
        int threads = 8;
        int each = 10;
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        List<java.util.concurrent.Future<Integer>> done = new java.util.ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            done.add(pool.submit(() -> {
                start.await();
                for (int i = 0; i < each; i++) {
                    Device d = Fixtures.device("race-" + (thread + i) % 4);
                    store.save(Fixtures.assessment(d, T1.plusSeconds(thread * each + i),
                            List.of(r("c1", OPERATING_SYSTEM, 10, i % 2 == 0 ? PASS : FAIL)), List.of()), "{}");
                }
                return each;
            }));
        }
        start.countDown();
        int saved = 0;
        for (java.util.concurrent.Future<Integer> f : done) {
            saved += f.get(60, java.util.concurrent.TimeUnit.SECONDS);
        }
        pool.shutdown();
        assertEquals(80, saved);
        assertEquals(80, store.history(null, null).size());
        assertEquals(List.of("race-0", "race-1", "race-2", "race-3"),
                store.devices().stream().map(Device::id).collect(Collectors.toList()));
        assertEquals(4, store.latestResults().devices().size());
        assertEquals(80, count("SELECT COUNT(*) FROM assessment_results"));
    }
}
