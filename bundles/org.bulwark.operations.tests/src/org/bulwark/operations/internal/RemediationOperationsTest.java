package org.bulwark.operations.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.bulwark.operations.api.ActivityDraft;
import org.bulwark.operations.api.OperationException;
import org.bulwark.operations.api.OperationException.Kind;
import org.bulwark.store.api.Remediation;
import org.bulwark.store.api.Remediation.Priority;
import org.bulwark.store.api.Remediation.Scope;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Every check of an activity's creation and change, made before anything is written. */
class RemediationOperationsTest {

    private static final Instant NOW = Instant.parse("2026-11-20T23:30:00Z");
    private static final LocalDate TODAY = LocalDate.parse("2026-11-20");

    private final DefaultRemediationOperations ops = new DefaultRemediationOperations();
    private final FakeStore store = new FakeStore();

    private void refused(Kind kind, String field, String message, Executable call) {
        OperationException e = assertThrows(OperationException.class, call);
        assertEquals(kind, e.kind(), e.getMessage());
        assertEquals(field, e.field(), e.getMessage());
        assertEquals(message, e.getMessage());
    }

    private void refusedCreate(String field, String message, ActivityDraft draft) {
        refused(Kind.INVALID_INPUT, field, message, () -> ops.create(store, draft, "alice", NOW));
    }

    private static ActivityDraft devices(String title, List<String> devices, LocalDate due) {
        return new ActivityDraft(title, "c1", Scope.DEVICES, devices, null, Priority.HIGH, due, null);
    }

    @Test
    void createTakesTodayAsDueAndMediumAsTheDefaultPriority() throws Exception {
        Remediation r = ops.create(store, devices("Fix c1", List.of("d1"), TODAY), "alice", NOW);
        assertEquals(TODAY, r.due());
        ops.create(store, new ActivityDraft("Fix c1 on web", "c1", Scope.GROUP, List.of(), "web", null, null, null),
                "bob", NOW);
        assertEquals(List.of("create #1 HIGH", "create #2 MEDIUM"), store.writes);
        assertEquals("bob", store.remediations.get(1).requester());
    }

    @Test
    void createRefusesEveryBadField() {
        refusedCreate("title", "title is required", devices(" ", List.of("d1"), null));
        refusedCreate("title", "title: at most 200 characters, not 201", devices("t".repeat(201), List.of("d1"), null));
        refusedCreate("controlId", "controlId is required", new ActivityDraft("t", null, Scope.DEVICES,
                List.of("d1"), null, null, null, null));
        refusedCreate("scope", "scope is required (devices or group)", new ActivityDraft("t", "c1", null,
                List.of("d1"), null, null, null, null));
        refusedCreate("devices", "devices: scope devices needs at least one device", devices("t", List.of(), null));
        refusedCreate("devices", "devices is required (a machine id)", devices("t", List.of("d1", " "), null));
        refusedCreate("group", "group: scope devices takes no group", new ActivityDraft("t", "c1", Scope.DEVICES,
                List.of("d1"), "web", null, null, null));
        refusedCreate("group", "group is required (scope group needs a group name)", new ActivityDraft("t", "c1",
                Scope.GROUP, List.of(), null, null, null, null));
        refusedCreate("devices", "devices: scope group takes no devices", new ActivityDraft("t", "c1", Scope.GROUP,
                List.of("d1"), "web", null, null, null));
        refusedCreate("due", "due: the due date 2026-11-19 is in the past (today is 2026-11-20 UTC); leave it out "
                + "for \"attention required\"", devices("t", List.of("d1"), TODAY.minusDays(1)));
        refusedCreate("notes", "notes: at most 4000 characters, not 4001", new ActivityDraft("t", "c1",
                Scope.DEVICES, List.of("d1"), null, null, null, "n".repeat(4001)));
        refused(Kind.INVALID_INPUT, "requester", "requester is required", () -> ops.create(store,
                devices("t", List.of("d1"), null), null, NOW));
        assertEquals(List.of(), store.writes);
    }

    @Test
    void changesCheckTheUpdateTheActivityAndWho() throws Exception {
        ops.create(store, devices("Fix c1", List.of("d1"), null), "alice", NOW);
        store.writes.clear();
        refused(Kind.INVALID_INPUT, null, "nothing to update: give a title, priority, due date or notes",
                () -> ops.update(store, 1, new Remediation.Update(null, null, null, null), "bob", NOW));
        refused(Kind.INVALID_INPUT, "title", "title must not be empty",
                () -> ops.update(store, 1, new Remediation.Update(" ", null, null, null), "bob", NOW));
        refused(Kind.INVALID_INPUT, "due", "due: give either a new due date or no due date, not both",
                () -> ops.update(store, 1, new Remediation.Update(null, null, TODAY, null, true), "bob", NOW));
        refused(Kind.INVALID_INPUT, "due", "due: the due date 2026-11-19 is in the past (today is 2026-11-20 UTC); "
                + "leave it out for \"attention required\"", () -> ops.update(store, 1,
                        new Remediation.Update(null, null, TODAY.minusDays(1), null), "bob", NOW));
        refused(Kind.INVALID_INPUT, "by", "by is required (who updates it)",
                () -> ops.update(store, 1, new Remediation.Update("t", null, null, null), " ", NOW));
        refused(Kind.NOT_FOUND, "id", "no remediation activity #9",
                () -> ops.update(store, 9, new Remediation.Update("t", null, null, null), "bob", NOW));
        refused(Kind.NOT_FOUND, "id", "no remediation activity #9", () -> ops.complete(store, 9, NOW));
        refused(Kind.NOT_FOUND, "id", "no remediation activity #9", () -> ops.cancel(store, 9, "bob", NOW));
        refused(Kind.INVALID_INPUT, "by", "by is required (who cancels it)", () -> ops.cancel(store, 1, null, NOW));
        assertEquals(List.of(), store.writes);
        ops.update(store, 1, new Remediation.Update("Fix c1 now", Priority.LOW, null, ""), "bob", NOW);
        ops.complete(store, 1, NOW);
        assertEquals(List.of("update #1 by bob", "complete #1"), store.writes);
    }

    @Test
    void completedAndCancelledActivitiesAreFinal() {
        Instant done = Instant.parse("2026-11-21T08:00:00Z");
        store.remediations.add(new Remediation(1, "t", "c1", null, Scope.DEVICES, List.of("d1"), null, Priority.LOW,
                null, null, "alice", NOW, Remediation.Status.COMPLETED, Remediation.Completion.SYSTEM_CONFIRMATION,
                done, 1, 1));
        store.remediations.add(new Remediation(2, "t", "c1", null, Scope.DEVICES, List.of("d1"), null, Priority.LOW,
                null, null, "alice", NOW, Remediation.Status.CANCELLED, null, null, 1, 0, done, "dave", null, null));
        refused(Kind.CONFLICT, "id", "remediation activity #1 is already completed (system confirmation, "
                + "2026-11-21T08:00:00Z)", () -> ops.complete(store, 1, NOW));
        refused(Kind.CONFLICT, "id", "remediation activity #1 is already completed (system confirmation, "
                + "2026-11-21T08:00:00Z) and cannot be updated", () -> ops.update(store, 1,
                        new Remediation.Update("x", null, null, null), "bob", NOW));
        refused(Kind.CONFLICT, "id", "remediation activity #2 was cancelled at 2026-11-21T08:00:00Z by dave and "
                + "cannot be cancelled", () -> ops.cancel(store, 2, "bob", NOW));
        refused(Kind.CONFLICT, "id", "remediation activity #2 was cancelled at 2026-11-21T08:00:00Z by dave and "
                + "cannot be completed", () -> ops.complete(store, 2, NOW));
        assertEquals(List.of(), store.writes);
    }

    @Test
    void listFiltersByStatus() throws Exception {
        ops.create(store, devices("a", List.of("d1"), null), "alice", NOW);
        store.remediations.add(new Remediation(2, "b", "c1", null, Scope.DEVICES, List.of("d1"), null, Priority.LOW,
                null, null, "alice", NOW, Remediation.Status.CANCELLED, null, null, 1, 0, NOW, "dave", null, null));
        assertEquals(List.of(1L, 2L), ops.list(store, null).stream().map(Remediation::id).toList());
        assertEquals(List.of(2L), ops.list(store, Remediation.Status.CANCELLED).stream().map(Remediation::id).toList());
        assertEquals(List.of(), ops.list(store, Remediation.Status.COMPLETED));
    }
}
