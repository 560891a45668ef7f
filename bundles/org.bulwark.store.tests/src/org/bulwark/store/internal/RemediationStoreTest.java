package org.bulwark.store.internal;

import static org.bulwark.collector.api.Category.OPERATING_SYSTEM;
import static org.bulwark.scoring.api.ResultState.PASS;
import static org.bulwark.store.internal.Fixtures.r;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.bulwark.store.api.Remediation;
import org.bulwark.store.api.StoreException;
import org.junit.jupiter.api.Test;

/**
 * Remediation activities: counted, completed by system confirmation or by hand, updated and cancelled (H2 here,
 * PostgreSQL in {@link PostgresStoreTest}).
 */
class RemediationStoreTest extends StoreTestBase {

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
}
