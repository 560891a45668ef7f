package org.bulwark.store.internal;

import static org.bulwark.collector.api.Category.ACCOUNTS;
import static org.bulwark.collector.api.Category.APPLICATION;
import static org.bulwark.collector.api.Category.NETWORK;
import static org.bulwark.collector.api.Category.OPERATING_SYSTEM;
import static org.bulwark.collector.api.Category.SECURITY_CONTROLS;
import static org.bulwark.scoring.api.ResultState.ERROR;
import static org.bulwark.scoring.api.ResultState.FAIL;
import static org.bulwark.scoring.api.ResultState.NOT_APPLICABLE;
import static org.bulwark.scoring.api.ResultState.PASS;
import static org.bulwark.store.internal.Fixtures.r;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;

import org.bulwark.scoring.api.ControlException;
import org.bulwark.scoring.api.ControlRef;
import org.bulwark.scoring.api.Device;
import org.bulwark.scoring.api.Justification;
import org.bulwark.store.api.AssessmentDiff;
import org.bulwark.store.api.AssessmentDiff.Change;
import org.bulwark.store.api.AssessmentDiff.Kind;
import org.bulwark.store.api.AssessmentStore;
import org.bulwark.store.api.AssessmentSummary;
import org.bulwark.store.api.FleetResults;
import org.bulwark.store.api.Remediation;
import org.bulwark.store.api.StoreException;
import org.bulwark.store.api.StoredAssessment;
import org.bulwark.store.api.StoredException;
import org.bulwark.store.api.StoredResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store against H2 (and PostgreSQL, see {@link PostgresStoreTest}): exact figures, transactions, bad input. */
class StoreTest {

    static final Instant T1 = Instant.parse("2026-11-01T10:00:00Z");
    static final Instant T2 = Instant.parse("2026-11-10T10:00:00Z");
    static final Instant T3 = Instant.parse("2026-11-20T10:00:00Z");
    static final Device D1 = Fixtures.device("d1");
    static final Device D2 = Fixtures.device("d2");

    /** The worked example's d2 row: c4 FAIL covered by an alternate-mitigation exception until 2026-11-05. */
    static final ControlException E1 = new ControlException("e1", "c4", ControlException.Scope.DEVICE, "d1",
            Justification.ALTERNATE_MITIGATION, "alice", Instant.parse("2026-10-01T00:00:00Z"),
            Instant.parse("2026-11-05T00:00:00Z"), "firewall in front");

    @TempDir
    Path dir;
    String url;
    AssessmentStore store;

    @BeforeEach
    void open() throws Exception {
        url = freshUrl();
        store = JdbcStore.open(url);
    }

    /** @return an empty store's URL: H2 here, PostgreSQL in {@link PostgresStoreTest} */
    String freshUrl() throws SQLException {
        return TestStores.h2(dir);
    }

    /** @return another empty store's URL, beside {@link #url} */
    String otherUrl() throws SQLException {
        return "jdbc:h2:file:" + dir.toAbsolutePath().resolve("other");
    }

    @AfterEach
    void close() {
        store.close();
    }

    private AssessmentSummary first() throws StoreException {
        // c1 FAIL 10, c2 PASS 5, c3 N/A, c4 FAIL 8 under e1 (credit), c5 ERROR 4: 13 of 27
        return store.save(Fixtures.assessment(D1, T1, List.of(r("c1", OPERATING_SYSTEM, 10, FAIL),
                r("c2", NETWORK, 5, PASS), r("c3", ACCOUNTS, 3, NOT_APPLICABLE), r("c4", SECURITY_CONTROLS, 8, FAIL),
                r("c5", APPLICATION, 4, ERROR)), List.of(E1)), "{\"report\": 1}");
    }

    private AssessmentSummary second() throws StoreException {
        // content update: c5 removed, c6 added; c1 fixed; e1 expired: 18 of 26
        return store.save(Fixtures.assessment(D1, T2, List.of(r("c1", OPERATING_SYSTEM, 10, PASS),
                r("c2", NETWORK, 5, PASS), r("c3", ACCOUNTS, 3, NOT_APPLICABLE), r("c4", SECURITY_CONTROLS, 8, FAIL),
                r("c6", APPLICATION, 3, PASS)), List.of(E1), "2"), "{\"report\": 2}");
    }

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
    void exceptionsAreCheckedStoredAndCancelled() throws Exception {
        first();
        Instant now = Instant.parse("2026-11-02T00:00:00Z");
        ControlException ok = new ControlException("x1", "c1", ControlException.Scope.DEVICE, "d1",
                Justification.RISK_ACCEPTED, "bob", now, now.plusSeconds(86400), "until the vendor fixes it");
        assertInvalid("unknown control 'zz'", () -> store.createException(new ControlException("x2", "zz",
                ControlException.Scope.GLOBAL, null, Justification.RISK_ACCEPTED, "bob", now, null, null)));
        assertInvalid("unknown device 'ghost'", () -> store.createException(new ControlException("x2", "c1",
                ControlException.Scope.DEVICE, "ghost", Justification.RISK_ACCEPTED, "bob", now, null, null)));
        assertInvalid("must expire after", () -> store.createException(new ControlException("x2", "c1",
                ControlException.Scope.GLOBAL, null, Justification.RISK_ACCEPTED, "bob", now, now, null)));
        assertEquals(0, store.exceptions().size(), "nothing written by bad input");
        StoredException created = store.createException(ok);
        assertEquals(ok, created.exception());
        assertInvalid("exception id 'x1' is taken", () -> store.createException(ok));
        assertEquals(StoredException.Status.ACTIVE, store.exceptions().get(0).status(now));
        assertEquals(StoredException.Status.EXPIRED, store.exceptions().get(0).status(now.plusSeconds(86400)));
        assertEquals(List.of(ok), store.exceptionsInForce(now));
        Instant cancelAt = now.plusSeconds(60);
        StoredException cancelled = store.cancelException("x1", "carol", cancelAt);
        assertEquals(StoredException.Status.CANCELLED, cancelled.status(cancelAt));
        assertEquals(List.of(ok), store.exceptionsInForce(now), "in force before its cancellation");
        assertEquals(List.of(), store.exceptionsInForce(cancelAt));
        assertInvalid("already cancelled", () -> store.cancelException("x1", "carol", cancelAt));
        assertEquals(StoreException.Reason.NOT_FOUND,
                assertThrows(StoreException.class, () -> store.cancelException("nope", "carol", cancelAt)).reason());
    }

    @Test
    void exceptionsAreUpdatedWithWhoAndWhen() throws Exception {
        first();
        Instant now = Instant.parse("2026-11-02T00:00:00Z");
        ControlException ok = new ControlException("x1", "c1", ControlException.Scope.DEVICE, "d1",
                Justification.RISK_ACCEPTED, "bob", now, now.plusSeconds(86400), "until the vendor fixes it");
        store.createException(ok);
        Instant at = now.plusSeconds(60);
        Instant later = Instant.parse("2026-12-01T00:00:00Z");
        StoredException updated = store.updateException("x1",
                new StoredException.Update(later, false, "vendor ships in November", Justification.ALTERNATE_MITIGATION),
                "carol", at);
        ControlException expected = new ControlException("x1", "c1", ControlException.Scope.DEVICE, "d1",
                Justification.ALTERNATE_MITIGATION, "bob", now, later, "vendor ships in November");
        assertEquals(new StoredException(expected, null, null, at, "carol"), updated);
        assertEquals(List.of(updated), store.exceptions(), "as stored");
        assertEquals(List.of(expected), store.exceptionsInForce(at));

        StoredException never = store.updateException("x1", new StoredException.Update(null, true, "", null), "dave",
                at.plusSeconds(1));
        assertNull(never.exception().expires());
        assertNull(never.exception().notes(), "empty notes remove them");
        assertEquals(Justification.ALTERNATE_MITIGATION, never.exception().justification(), "unchanged");
        assertEquals("dave", store.exceptions().get(0).updatedBy());
        assertEquals(at.plusSeconds(1), store.exceptions().get(0).updated());

        assertInvalid("must expire after it is created", () -> store.updateException("x1",
                new StoredException.Update(now.minusSeconds(1), false, null, null), "carol", at));
        assertInvalid("nothing to update", () -> store.updateException("x1",
                new StoredException.Update(null, false, null, null), "carol", at));
        assertInvalid("not both", () -> store.updateException("x1",
                new StoredException.Update(later, true, null, null), "carol", at));
        assertInvalid("who updates the exception is required", () -> store.updateException("x1",
                new StoredException.Update(later, false, null, null), " ", at));
        assertEquals(never, store.exceptions().get(0), "nothing written by bad input");
        assertEquals(StoreException.Reason.NOT_FOUND, assertThrows(StoreException.class, () -> store
                .updateException("nope", new StoredException.Update(later, false, null, null), "carol", at)).reason());

        StoredException cancelled = store.cancelException("x1", "erin", at.plusSeconds(2));
        assertEquals("dave", cancelled.updatedBy(), "the cancellation keeps the last update");
        assertInvalid("a cancelled exception cannot be updated", () -> store.updateException("x1",
                new StoredException.Update(later, false, null, null), "carol", at.plusSeconds(3)));
    }

    @Test
    void remediationsAreUpdatedAndCancelled() throws Exception {
        first();
        Instant now = T1.plusSeconds(3600);
        LocalDate due = LocalDate.parse("2026-12-01");
        Remediation r = store.createRemediation(new Remediation.Request("Fix c1", "c1", Remediation.Scope.DEVICES,
                List.of("d1"), null, Remediation.Priority.HIGH, due, "please", "alice"), now);
        Instant at = now.plusSeconds(60);
        Remediation updated = store.updateRemediation(r.id(), new Remediation.Update(" Fix c1 now ",
                Remediation.Priority.LOW, LocalDate.parse("2026-12-24"), ""), "bob", at);
        assertEquals(new Remediation(r.id(), "Fix c1 now", "c1", OPERATING_SYSTEM, Remediation.Scope.DEVICES,
                List.of("d1"), null, Remediation.Priority.LOW, LocalDate.parse("2026-12-24"), null, "alice", now,
                Remediation.Status.ACTIVE, null, null, 1, 0, null, null, at, "bob"), updated);
        assertEquals(List.of(updated), store.remediations(), "as stored");
        Remediation notesOnly = store.updateRemediation(r.id(), new Remediation.Update(null, null, null, "call ops"),
                "carol", at);
        assertEquals("Fix c1 now", notesOnly.title());
        assertEquals(LocalDate.parse("2026-12-24"), notesOnly.due());
        assertEquals("call ops", notesOnly.notes());
        assertEquals("carol", notesOnly.updatedBy());
        // the due date removed: "attention required"; the rest kept
        Remediation noDue = store.updateRemediation(r.id(), new Remediation.Update(null, null, null, null, true),
                "carol", at);
        assertEquals(null, noDue.due());
        assertEquals("call ops", noDue.notes());
        assertInvalid("give either a new due date or no due date, not both", () -> store.updateRemediation(r.id(),
                new Remediation.Update(null, null, LocalDate.parse("2026-12-24"), null, true), "bob", at));
        store.updateRemediation(r.id(), new Remediation.Update(null, null, LocalDate.parse("2026-12-24"), null),
                "carol", at);

        assertInvalid("the due date 2026-10-31 is in the past (today is 2026-11-01 UTC)", () -> store
                .updateRemediation(r.id(), new Remediation.Update(null, null, LocalDate.parse("2026-10-31"), null),
                        "bob", at));
        assertInvalid("the title must not be empty", () -> store.updateRemediation(r.id(),
                new Remediation.Update(" ", null, null, null), "bob", at));
        assertInvalid("nothing to update", () -> store.updateRemediation(r.id(),
                new Remediation.Update(null, null, null, null), "bob", at));
        assertEquals(List.of(notesOnly), store.remediations(), "nothing written by bad input");
        assertEquals(StoreException.Reason.NOT_FOUND, assertThrows(StoreException.class, () -> store
                .updateRemediation(99, new Remediation.Update("x", null, null, null), "bob", at)).reason());
        assertEquals(StoreException.Reason.NOT_FOUND,
                assertThrows(StoreException.class, () -> store.cancelRemediation(99, "bob", at)).reason());

        Remediation cancelled = store.cancelRemediation(r.id(), "dave", T1.plusSeconds(7200));
        assertEquals(Remediation.Status.CANCELLED, cancelled.status());
        assertEquals(T1.plusSeconds(7200), cancelled.cancelled());
        assertEquals("dave", cancelled.cancelledBy());
        assertNull(cancelled.completion());
        assertNull(cancelled.completed());
        assertInvalid("was cancelled at 2026-11-01T12:00:00Z by dave and cannot be cancelled",
                () -> store.cancelRemediation(r.id(), "dave", T3));
        assertInvalid("and cannot be updated", () -> store.updateRemediation(r.id(),
                new Remediation.Update("x", null, null, null), "bob", T3));
        assertInvalid("and cannot be completed", () -> store.completeRemediation(r.id(), T3));

        second(); // d1 now passes c1: a cancelled activity is neither recounted nor completed
        Remediation after = store.remediations().get(0);
        assertEquals(Remediation.Status.CANCELLED, after.status());
        assertEquals(0, after.fixedDevices());

        Remediation other = store.createRemediation(new Remediation.Request("Fix c2", "c2", Remediation.Scope.DEVICES,
                List.of("d1"), null, Remediation.Priority.HIGH, null, null, "alice"), T2);
        store.completeRemediation(other.id(), T3);
        assertInvalid("is already completed (manual, 2026-11-20T10:00:00Z) and cannot be cancelled",
                () -> store.cancelRemediation(other.id(), "dave", T3));
    }

    @Test
    void remediationCountsFixedDevicesAndCompletesBySystemConfirmation() throws Exception {
        first();
        store.save(Fixtures.assessment(D2, T1, List.of(r("c1", OPERATING_SYSTEM, 10, PASS)), List.of()), "{}");
        Instant now = T1.plusSeconds(3600);
        LocalDate due = LocalDate.parse("2026-12-01");
        assertInvalid("is in the past", () -> store.createRemediation(new Remediation.Request("Fix c1", "c1",
                Remediation.Scope.DEVICES, List.of("d1"), null, Remediation.Priority.HIGH,
                LocalDate.parse("2026-10-31"), null, "alice"), now));
        assertInvalid("unknown control 'zz'", () -> store.createRemediation(new Remediation.Request("Fix", "zz",
                Remediation.Scope.DEVICES, List.of("d1"), null, Remediation.Priority.HIGH, due, null, "alice"), now));
        assertInvalid("unknown device 'ghost'", () -> store.createRemediation(new Remediation.Request("Fix", "c1",
                Remediation.Scope.DEVICES, List.of("d1", "ghost"), null, Remediation.Priority.HIGH, due, null,
                "alice"), now));
        assertInvalid("the title is required", () -> store.createRemediation(new Remediation.Request(" ", "c1",
                Remediation.Scope.DEVICES, List.of("d1"), null, Remediation.Priority.HIGH, due, null, "alice"), now));
        assertEquals(0, store.remediations().size(), "nothing written by bad input");

        Remediation r = store.createRemediation(new Remediation.Request("Fix c1", "c1", Remediation.Scope.DEVICES,
                List.of("d1", "d2"), null, Remediation.Priority.HIGH, due, "please", "alice"), now);
        assertEquals(OPERATING_SYSTEM, r.category());
        assertEquals(2, r.targetDevices());
        assertEquals(1, r.fixedDevices(), "d2 passes already");
        assertEquals(Remediation.Status.ACTIVE, r.status());
        Remediation group = store.createRemediation(new Remediation.Request("Fix c2 in prod", "c2",
                Remediation.Scope.GROUP, null, "prod", Remediation.Priority.LOW, null, null, "bob"), now);
        assertEquals(2, group.targetDevices());
        assertEquals(1, group.fixedDevices(), "d1 passes c2, d2's assessment lacks it");
        assertNull(group.due());

        second(); // d1 now passes c1
        Remediation done = store.remediations().get(0);
        assertEquals(2, done.fixedDevices());
        assertEquals(Remediation.Status.COMPLETED, done.status());
        assertEquals(Remediation.Completion.SYSTEM_CONFIRMATION, done.completion());
        assertEquals(T2, done.completed());
        assertEquals(Remediation.Status.ACTIVE, store.remediations().get(1).status());
        assertEquals(1, store.remediations().get(1).fixedDevices());

        Remediation manual = store.completeRemediation(group.id(), T3);
        assertEquals(Remediation.Completion.MANUAL, manual.completion());
        assertInvalid("already completed", () -> store.completeRemediation(group.id(), T3));
        assertEquals(StoreException.Reason.NOT_FOUND,
                assertThrows(StoreException.class, () -> store.completeRemediation(99, T3)).reason());
    }

    @Test
    void deviceGroupsAreKeptByTheStore() throws Exception {
        Device bare = new Device("d3", "h3", "Debian", java.util.Set.of());
        store.save(Fixtures.assessment(bare, T1, List.of(r("c1", OPERATING_SYSTEM, 10, FAIL)), List.of()), "{}");
        assertEquals(java.util.Set.of("web", "prod"), store.setGroups("d3", java.util.Set.of("web", "prod")).groups());
        store.save(Fixtures.assessment(bare, T2, List.of(r("c1", OPERATING_SYSTEM, 10, FAIL)), List.of()), "{}");
        assertEquals(java.util.Set.of("web", "prod"), store.devices().get(0).groups(), "an assessment without groups "
                + "keeps the store's");
        assertEquals(java.util.Set.of("web", "prod"), store.latestResults().devices().get(0).device().groups());
        Remediation r = store.createRemediation(new Remediation.Request("Fix c1 on web", "c1", Remediation.Scope.GROUP,
                null, "web", Remediation.Priority.MEDIUM, null, null, "alice"), T2);
        assertEquals(1, r.targetDevices());
        assertInvalid("unknown device 'ghost'", () -> store.setGroups("ghost", java.util.Set.of("web")));
        assertInvalid("a group name must not be empty", () -> store.setGroups("d3", java.util.Set.of(" ")));
        assertEquals(java.util.Set.of("web", "prod"), store.devices().get(0).groups(), "nothing written");
        assertEquals(java.util.Set.of(), store.setGroups("d3", java.util.Set.of()).groups());
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
    void migrationsRunOnceAndANewerSchemaIsRefusedUntouched() throws Exception {
        first();
        store.close();
        store = JdbcStore.open(url);
        assertEquals(Migrations.latest(), store.schemaVersion());
        assertEquals(4, Migrations.latest());
        assertEquals(4, count("SELECT COUNT(*) FROM schema_version"));
        store.close();
        try (Connection c = TestStores.connect(url); Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO schema_version (version, description, applied) VALUES (99, 'future', "
                    + "CURRENT_TIMESTAMP)");
        }
        StoreException e = assertThrows(StoreException.class, () -> JdbcStore.open(url));
        assertEquals(StoreException.Reason.SCHEMA_TOO_NEW, e.reason());
        assertTrue(e.getMessage().contains("schema version 99, newer than this Bulwark knows (4)"), e.getMessage());
        assertEquals(5, count("SELECT COUNT(*) FROM schema_version"));
        assertEquals(1, count("SELECT COUNT(*) FROM assessment"));
    }

    @Test
    void aSchemaOneStoreIsUpgradedAndKeepsItsReportsWhileNewOnesAreCompressed() throws Exception {
        String old = otherUrl();
        String report = "{\"report\": \"" + "evidence ".repeat(2000) + "\"}";
        try (Connection c = TestStores.connect(old); Statement s = c.createStatement()) {
            // a store as schema version 1 left it, with one assessment
            s.execute("CREATE TABLE schema_version (version INTEGER PRIMARY KEY, description VARCHAR(400) NOT NULL, "
                    + "applied TIMESTAMP WITH TIME ZONE NOT NULL)");
            for (String sql : Migrations.statements("V1__initial.sql")) {
                s.execute(sql);
            }
            s.execute("INSERT INTO schema_version VALUES (1, 'V1__initial.sql', CURRENT_TIMESTAMP)");
            s.execute("INSERT INTO device (id, hostname, os, first_seen, last_seen) VALUES ('d1', 'h1', 'Debian', "
                    + "CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)");
            s.execute("INSERT INTO assessment (device_id, hostname, os, groups_list, started, finished, root, live, "
                    + "complete, earned, possible, counted, passed, failed, errors, unknowns, not_checked, "
                    + "not_applicable, informational, report_json) VALUES ('d1', 'h1', 'Debian', '', "
                    + "CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, '', TRUE, TRUE, 1, 2, 1, 1, 0, 0, 0, 0, 0, 0, '" + report
                    + "')");
            // its results, one row each, as schemas 1 to 3 kept them: d1 passes c1, fails c2
            s.execute("INSERT INTO result (assessment_id, seq, control_id, title, category, weight, state, reason, "
                    + "credit) SELECT id, 0, 'c1', 'C one', 'OPERATING_SYSTEM', 10, 'PASS', NULL, TRUE FROM assessment");
            s.execute("INSERT INTO result (assessment_id, seq, control_id, title, category, weight, state, reason, "
                    + "credit) SELECT id, 1, 'c2', 'C two', 'NETWORK', 5, 'FAIL', 'open', FALSE FROM assessment");
            if (!c.getAutoCommit()) {
                c.commit();
            }
        }
        try (AssessmentStore upgraded = JdbcStore.open(old)) {
            assertEquals(4, upgraded.schemaVersion());
            long first = upgraded.history(null, null).get(0).id();
            StoredAssessment before = upgraded.assessment(first).orElseThrow();
            assertEquals(report, before.reportJson());
            // the old rows are read as they were, by the fleet too, and their controls are known
            assertEquals(List.of(new StoredResult("c1", "C one", OPERATING_SYSTEM, 10, PASS, null, true, null),
                    new StoredResult("c2", "C two", NETWORK, 5, FAIL, "open", false, null)), before.results());
            FleetResults fleet = upgraded.latestResults();
            assertEquals(List.of(new ControlRef("c1", "C one", OPERATING_SYSTEM, 10),
                    new ControlRef("c2", "C two", NETWORK, 5)), fleet.controls());
            assertEquals(java.util.Map.of("c1", PASS, "c2", FAIL), fleet.devices().get(0).states());
            Remediation fixC2 = upgraded.createRemediation(new Remediation.Request("Fix c2", "c2",
                    Remediation.Scope.DEVICES, List.of("d1"), null, Remediation.Priority.HIGH, null, null, "bob"), T1);
            assertEquals(NETWORK, fixC2.category());
            assertEquals(0, fixC2.fixedDevices());
            assertEquals(1, fixC2.targetDevices());
            long id = upgraded.save(Fixtures.assessment(D1, T1, List.of(r("c1", OPERATING_SYSTEM, 10, FAIL)),
                    List.of()), report).id();
            assertEquals(report, upgraded.assessment(id).orElseThrow().reportJson());
            assertTrue(id > first);
            // the new assessment (one compact row) passes c2 no more than before: c2 is absent, the activity
            // still counts d1 as not fixed; then one that passes c2 completes it by system confirmation
            assertEquals(0, upgraded.remediations().get(0).fixedDevices());
            upgraded.save(Fixtures.assessment(D1, T2, List.of(r("c2", NETWORK, 5, PASS)), List.of()), "{}");
            Remediation done = upgraded.remediations().get(0);
            assertEquals(1, done.fixedDevices());
            assertEquals(Remediation.Status.COMPLETED, done.status());
            assertEquals(Remediation.Completion.SYSTEM_CONFIRMATION, done.completion());
        }
        try (Connection c = TestStores.connect(old); Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT id, report_json IS NULL, LENGTH(report_gz) FROM assessment "
                        + "ORDER BY id")) {
            assertTrue(r.next());
            assertFalse(r.getBoolean(2), "the schema 1 report keeps its text");
            assertTrue(r.next());
            assertTrue(r.getBoolean(2), "a new report is stored compressed only");
            assertTrue(r.getInt(3) < report.length() / 20, "compressed: " + r.getInt(3) + " bytes");
            assertTrue(r.next());
            assertFalse(r.next());
        }
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

    @Test
    void unreachableOrUnsupportedDatabasesAreRefusedClearly() {
        StoreException pg = assertThrows(StoreException.class,
                () -> JdbcStore.open("jdbc:postgresql://127.0.0.1:1/none?user=x&password=secret"));
        assertEquals(StoreException.Reason.UNAVAILABLE, pg.reason());
        assertTrue(pg.getMessage().startsWith("cannot open the store at jdbc:postgresql://127.0.0.1:1/none?user=x"
                + "&password=***"), pg.getMessage());
        assertFalse(pg.getMessage().contains("secret"));
        StoreException other = assertThrows(StoreException.class, () -> JdbcStore.open("jdbc:mysql://x/y"));
        assertEquals(StoreException.Reason.UNAVAILABLE, other.reason());
        assertTrue(other.getMessage().contains("unsupported database"), other.getMessage());
    }

    @Test
    void migrationFilesSplitIntoStatements() throws Exception {
        List<String> sql = Migrations.statements(Migrations.FILES.get(0));
        assertTrue(sql.get(0).startsWith("CREATE TABLE device ("), sql.get(0));
        assertTrue(sql.stream().noneMatch(s -> s.endsWith(";") || s.startsWith("--")));
        assertEquals(13, sql.size());
    }

    private long count(String sql) throws SQLException {
        try (Connection c = TestStores.connect(url); Statement s = c.createStatement();
                ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }

    private static void assertInvalid(String expected, org.junit.jupiter.api.function.Executable call) {
        StoreException e = assertThrows(StoreException.class, call);
        assertEquals(StoreException.Reason.INVALID_INPUT, e.reason(), e.getMessage());
        assertTrue(e.getMessage().contains(expected), e.getMessage());
        assertTrue(e.getMessage().endsWith("nothing was written"), e.getMessage());
    }
}
