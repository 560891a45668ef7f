package org.bulwark.store.internal;

import static org.bulwark.scoring.api.ResultState.ERROR;
import static org.bulwark.scoring.api.ResultState.FAIL;
import static org.bulwark.scoring.api.ResultState.NOT_APPLICABLE;
import static org.bulwark.scoring.api.ResultState.PASS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import org.bulwark.collector.api.Category;
import org.bulwark.store.api.Remediation;
import org.bulwark.store.internal.RemediationRules.Change;
import org.bulwark.store.internal.RemediationRules.Progress;
import org.junit.jupiter.api.Test;

/** The remediation rules without a database: counting, system confirmation, status changes, due dates. */
class RemediationRulesTest {

    private static final Instant CREATED = Instant.parse("2026-11-01T10:00:00Z");

    @Test
    void targetsAreCountedAndOnlyPassingOnesAreFixed() {
        // a device without an assessment, or whose latest lacks the control, counts as a target not fixed
        Progress p = RemediationRules.progress(Arrays.asList(PASS, FAIL, null, ERROR, NOT_APPLICABLE, PASS));
        assertEquals(new Progress(6, 2), p);
        assertFalse(p.confirmed());
        assertEquals(new Progress(0, 0), RemediationRules.progress(List.of()));
    }

    @Test
    void systemConfirmationNeedsEveryTargetToPassAndAtLeastOneTarget() {
        assertTrue(RemediationRules.progress(List.of(PASS, PASS, PASS)).confirmed());
        assertTrue(new Progress(1, 1).confirmed());
        assertFalse(RemediationRules.progress(List.of(PASS, PASS, FAIL)).confirmed());
        assertFalse(new Progress(0, 0).confirmed(), "a group without devices is never done by itself");
        assertFalse(RemediationRules.progress(Arrays.asList(PASS, null)).confirmed());
    }

    @Test
    void onlyAnActiveActivityChanges() {
        Remediation active = activity(Remediation.Status.ACTIVE, null, null, null, null);
        for (Change c : Change.values()) {
            assertNull(RemediationRules.refusal(active, c), c.name());
        }
        assertEquals(Remediation.Status.COMPLETED, Change.COMPLETE.result());
        assertEquals(Remediation.Status.ACTIVE, Change.UPDATE.result());
        assertEquals(Remediation.Status.CANCELLED, Change.CANCEL.result());
    }

    @Test
    void completedAndCancelledAreFinal() {
        Remediation manual = activity(Remediation.Status.COMPLETED, Remediation.Completion.MANUAL,
                Instant.parse("2026-11-20T10:00:00Z"), null, null);
        assertEquals("remediation activity #7 is already completed (manual, 2026-11-20T10:00:00Z)",
                RemediationRules.refusal(manual, Change.COMPLETE));
        assertEquals("remediation activity #7 is already completed (manual, 2026-11-20T10:00:00Z) and cannot be "
                + "updated", RemediationRules.refusal(manual, Change.UPDATE));
        assertEquals("remediation activity #7 is already completed (manual, 2026-11-20T10:00:00Z) and cannot be "
                + "cancelled", RemediationRules.refusal(manual, Change.CANCEL));
        Remediation confirmed = activity(Remediation.Status.COMPLETED, Remediation.Completion.SYSTEM_CONFIRMATION,
                Instant.parse("2026-11-10T10:00:00Z"), null, null);
        assertEquals("remediation activity #7 is already completed (system confirmation, 2026-11-10T10:00:00Z) and "
                + "cannot be cancelled", RemediationRules.refusal(confirmed, Change.CANCEL));

        Remediation cancelled = activity(Remediation.Status.CANCELLED, null, null,
                Instant.parse("2026-11-01T12:00:00Z"), "dave");
        assertEquals("remediation activity #7 was cancelled at 2026-11-01T12:00:00Z by dave and cannot be completed",
                RemediationRules.refusal(cancelled, Change.COMPLETE));
        assertEquals("remediation activity #7 was cancelled at 2026-11-01T12:00:00Z by dave and cannot be updated",
                RemediationRules.refusal(cancelled, Change.UPDATE));
        assertEquals("remediation activity #7 was cancelled at 2026-11-01T12:00:00Z by dave and cannot be "
                + "cancelled", RemediationRules.refusal(cancelled, Change.CANCEL));
    }

    @Test
    void aDueDateMayBeTodayOrLaterInUtc() {
        Instant lateEvening = Instant.parse("2026-11-01T23:30:00Z");
        assertNull(RemediationRules.dueDateProblem(null, lateEvening), "no due date: attention required");
        assertNull(RemediationRules.dueDateProblem(LocalDate.parse("2026-11-01"), lateEvening));
        assertNull(RemediationRules.dueDateProblem(LocalDate.parse("2026-12-24"), lateEvening));
        assertEquals("the due date 2026-10-31 is in the past (today is 2026-11-01 UTC)",
                RemediationRules.dueDateProblem(LocalDate.parse("2026-10-31"), lateEvening));
        // just after midnight UTC, the day before is in the past
        assertEquals("the due date 2026-11-01 is in the past (today is 2026-11-02 UTC)",
                RemediationRules.dueDateProblem(LocalDate.parse("2026-11-01"), Instant.parse("2026-11-02T00:00:00Z")));
    }

    private static Remediation activity(Remediation.Status status, Remediation.Completion completion,
            Instant completed, Instant cancelled, String cancelledBy) {
        return new Remediation(7, "Fix c1", "c1", Category.OPERATING_SYSTEM, Remediation.Scope.DEVICES,
                List.of("d1"), null, Remediation.Priority.HIGH, null, null, "alice", CREATED, status, completion,
                completed, 1, completion == null ? 0 : 1, cancelled, cancelledBy, null, null);
    }
}
