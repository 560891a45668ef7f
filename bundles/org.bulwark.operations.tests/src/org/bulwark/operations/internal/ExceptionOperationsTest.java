package org.bulwark.operations.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.bulwark.operations.api.ExceptionDraft;
import org.bulwark.operations.api.ExceptionEntry;
import org.bulwark.operations.api.OperationException;
import org.bulwark.operations.api.OperationException.Kind;
import org.bulwark.scoring.api.ControlException;
import org.bulwark.scoring.api.ControlException.Scope;
import org.bulwark.scoring.api.Justification;
import org.bulwark.store.api.StoredException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** The one exception id generator, the id rule, and every check of create, update and cancel. */
class ExceptionOperationsTest {

    private static final Instant NOW = Instant.parse("2026-11-20T12:00:00Z");
    private static final Justification ALT = Justification.ALTERNATE_MITIGATION;

    private final DefaultExceptionOperations ops = new DefaultExceptionOperations();
    private final FakeStore store = new FakeStore();

    private static OperationException refused(Kind kind, String field, String message, Executable call) {
        OperationException e = assertThrows(OperationException.class, call);
        assertEquals(kind, e.kind(), e.getMessage());
        assertEquals(field, e.field(), e.getMessage());
        assertEquals(message, e.getMessage());
        return e;
    }

    private void refusedCreate(String field, String message, ExceptionDraft draft) {
        refused(Kind.INVALID_INPUT, field, message, () -> ops.create(store, draft, "alice", NOW));
        assertEquals(List.of(), store.writes, "nothing written");
    }

    @Test
    void generatedIdsAreExDashAndEightHexDigitsAndDiffer() {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            String id = ops.newId();
            assertTrue(id.matches("ex-[0-9a-f]{8}"), id);
            ids.add(id);
        }
        assertEquals(200, ids.size());
    }

    @Test
    void givenIdsAreOneToSixtyFourCharactersOfLettersDigitsDotsUnderscoresAndDashes() throws Exception {
        assertEquals("a", ops.checkId("a"));
        assertEquals("Ex-1.2_3", ops.checkId("Ex-1.2_3"));
        assertEquals("x".repeat(64), ops.checkId("x".repeat(64)));
        String rule = ": 1 to 64 letters, digits, '.', '_' or '-'";
        refused(Kind.INVALID_INPUT, "id", "id '' is not a valid exception id" + rule, () -> ops.checkId(""));
        refused(Kind.INVALID_INPUT, "id", "id 'null' is not a valid exception id" + rule, () -> ops.checkId(null));
        refused(Kind.INVALID_INPUT, "id", "id '" + "x".repeat(65) + "' is not a valid exception id" + rule,
                () -> ops.checkId("x".repeat(65)));
        refused(Kind.INVALID_INPUT, "id", "id 'a b' is not a valid exception id" + rule, () -> ops.checkId("a b"));
        refused(Kind.INVALID_INPUT, "id", "id 'é' is not a valid exception id" + rule, () -> ops.checkId("é"));
        refused(Kind.INVALID_INPUT, "id", "id 'a/b' is not a valid exception id" + rule, () -> ops.checkId("a/b"));
    }

    @Test
    void createStoresTheDraftWithAGeneratedIdWhenItHasNone() throws Exception {
        StoredException s = ops.create(store, new ExceptionDraft(null, "c1", Scope.DEVICE, "d1", ALT,
                Instant.parse("2027-01-01T00:00:00Z"), "behind the firewall"), "alice", NOW);
        ControlException e = s.exception();
        assertTrue(e.id().matches("ex-[0-9a-f]{8}"), e.id());
        assertEquals(List.of("create " + e.id()), store.writes);
        assertEquals(new ControlException(e.id(), "c1", Scope.DEVICE, "d1", ALT, "alice", NOW,
                Instant.parse("2027-01-01T00:00:00Z"), "behind the firewall"), e);
        StoredException g = ops.create(store, new ExceptionDraft("g1", "c1", Scope.GLOBAL, null,
                Justification.RISK_ACCEPTED, null, null), "bob", NOW);
        assertEquals(new ControlException("g1", "c1", Scope.GLOBAL, null, Justification.RISK_ACCEPTED, "bob", NOW,
                null, null), g.exception());
    }

    @Test
    void createRefusesEveryBadField() {
        refusedCreate("controlId", "controlId is required", new ExceptionDraft(null, " ", Scope.GLOBAL, null, ALT,
                null, null));
        refusedCreate("scope", "scope is required (device, group or global)", new ExceptionDraft(null, "c1", null,
                null, ALT, null, null));
        refusedCreate("justification", "justification is required (third-party-control, alternate-mitigation, "
                + "risk-accepted or planned-remediation)", new ExceptionDraft(null, "c1", Scope.GLOBAL, null, null,
                        null, null));
        refusedCreate("target", "target: a global exception has no target", new ExceptionDraft(null, "c1",
                Scope.GLOBAL, "d1", ALT, null, null));
        refusedCreate("target", "target is required for scope device (the machine id)", new ExceptionDraft(null,
                "c1", Scope.DEVICE, null, ALT, null, null));
        refusedCreate("target", "target is required for scope group (the group name)", new ExceptionDraft(null,
                "c1", Scope.GROUP, " ", ALT, null, null));
        refusedCreate("target", "target: at most 200 characters, not 201", new ExceptionDraft(null, "c1",
                Scope.GROUP, "g".repeat(201), ALT, null, null));
        refusedCreate("expires", "expires 2020-01-01 is not in the future", new ExceptionDraft(null, "c1",
                Scope.GLOBAL, null, ALT, Instant.parse("2020-01-01T00:00:00Z"), null));
        refusedCreate("expires", "expires 2026-11-20T12:00:00Z is not in the future", new ExceptionDraft(null,
                "c1", Scope.GLOBAL, null, ALT, NOW, null));
        refusedCreate("notes", "notes: at most 4000 characters, not 4001", new ExceptionDraft(null, "c1",
                Scope.GLOBAL, null, ALT, null, "n".repeat(4001)));
        refusedCreate("id", "id 'a b' is not a valid exception id: 1 to 64 letters, digits, '.', '_' or '-'",
                new ExceptionDraft("a b", "c1", Scope.GLOBAL, null, ALT, null, null));
        refused(Kind.INVALID_INPUT, "author", "author is required", () -> ops.create(store,
                new ExceptionDraft(null, "c1", Scope.GLOBAL, null, ALT, null, null), " ", NOW));
        assertEquals(List.of(), store.writes);
    }

    @Test
    void aTakenIdIsAConflictAndTheStoresRefusalIsInvalidInput() throws Exception {
        ops.create(store, new ExceptionDraft("e1", "c1", Scope.GLOBAL, null, ALT, null, null), "alice", NOW);
        refused(Kind.CONFLICT, "id", "id 'e1' is taken", () -> ops.create(store,
                new ExceptionDraft("e1", "c1", Scope.GLOBAL, null, ALT, null, null), "alice", NOW));
        refused(Kind.INVALID_INPUT, null, "unknown control 'zz': no stored assessment has it; nothing was written",
                () -> ops.create(store, new ExceptionDraft("e2", "zz", Scope.GLOBAL, null, ALT, null, null),
                        "alice", NOW));
        assertEquals(List.of("create e1"), store.writes);
    }

    @Test
    void updateAndCancelCheckBeforeTheyWrite() throws Exception {
        ops.create(store, new ExceptionDraft("e1", "c1", Scope.GLOBAL, null, ALT, null, null), "alice", NOW);
        store.writes.clear();
        refused(Kind.INVALID_INPUT, null, "nothing to update: give a new expiry, no expiry, notes or a justification",
                () -> ops.update(store, "e1", new StoredException.Update(null, false, null, null), "bob", NOW));
        refused(Kind.INVALID_INPUT, "expires", "expires: give either a new expiry or no expiry, not both",
                () -> ops.update(store, "e1", new StoredException.Update(NOW.plusSeconds(9), true, null, null),
                        "bob", NOW));
        refused(Kind.INVALID_INPUT, "expires", "expires: exception 'e1': it must expire after it is created "
                + "(2026-11-20T12:00:00Z)", () -> ops.update(store, "e1",
                        new StoredException.Update(NOW, false, null, null), "bob", NOW));
        refused(Kind.INVALID_INPUT, "by", "by is required (who updates it)", () -> ops.update(store, "e1",
                new StoredException.Update(null, false, "n", null), null, NOW));
        refused(Kind.NOT_FOUND, "id", "no exception 'nope'", () -> ops.update(store, "nope",
                new StoredException.Update(null, false, "n", null), "bob", NOW));
        refused(Kind.NOT_FOUND, "id", "no exception 'nope'", () -> ops.cancel(store, "nope", "bob", NOW));
        refused(Kind.INVALID_INPUT, "by", "by is required (who cancels it)", () -> ops.cancel(store, "e1", "", NOW));
        assertEquals(List.of(), store.writes);

        // an expiry in the past, after the creation, is taken: the exception stops counting then
        ops.update(store, "e1", new StoredException.Update(NOW.plusSeconds(1), false, null, null), "bob",
                NOW.plusSeconds(60));
        ops.cancel(store, "e1", "carol", NOW.plusSeconds(120));
        assertEquals(List.of("update e1 by bob", "cancel e1 by carol"), store.writes);
        refused(Kind.CONFLICT, "id", "exception 'e1' was cancelled at 2026-11-20T12:02:00Z by carol; a cancelled "
                + "exception cannot be updated", () -> ops.update(store, "e1",
                        new StoredException.Update(null, false, "n", null), "bob", NOW));
        refused(Kind.CONFLICT, "id", "exception 'e1' was already cancelled at 2026-11-20T12:02:00Z by carol",
                () -> ops.cancel(store, "e1", "bob", NOW));
        assertEquals(2, store.writes.size());
    }

    @Test
    void listGivesEachExceptionItsStatusByOneRule() throws Exception {
        ops.create(store, new ExceptionDraft("active", "c1", Scope.GLOBAL, null, ALT, null, null), "a", NOW);
        ops.create(store, new ExceptionDraft("expiring", "c1", Scope.GLOBAL, null, ALT, NOW.plusSeconds(60), null),
                "a", NOW);
        ops.create(store, new ExceptionDraft("cancelled", "c1", Scope.GLOBAL, null, ALT, null, null), "a", NOW);
        ops.cancel(store, "cancelled", "b", NOW.plusSeconds(30));
        List<ExceptionEntry> at = ops.list(store, NOW.plusSeconds(90));
        assertEquals(List.of("active ACTIVE", "expiring EXPIRED", "cancelled CANCELLED"),
                at.stream().map(e -> e.stored().exception().id() + " " + e.status()).toList());
        List<ExceptionEntry> before = ops.list(store, NOW.minusSeconds(1));
        assertEquals(List.of("active PENDING", "expiring PENDING", "cancelled PENDING"),
                before.stream().map(e -> e.stored().exception().id() + " " + e.status()).toList());
        assertNull(at.get(0).stored().cancelled());
    }
}
