package org.bulwark.ui.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;

import org.bulwark.operations.api.ExceptionDraft;
import org.bulwark.operations.api.OperationException;
import org.bulwark.scoring.api.ControlException;
import org.bulwark.scoring.api.Device;
import org.bulwark.scoring.api.Justification;
import org.bulwark.store.api.StoredException;
import org.bulwark.ui.internal.model.Backend;
import org.bulwark.ui.internal.model.ExceptionEdit;
import org.bulwark.ui.internal.model.ExceptionRow;
import org.bulwark.ui.internal.model.Row;
import org.bulwark.ui.internal.model.Snapshot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The exceptions part's model, without widgets: {@link ExceptionRow} (the table's cells and status),
 * {@link ExceptionEdit} (the "Edit exception" form, checked as {@code bulwark exception update} and the store check
 * it) and the {@link Backend} calls on a temporary store.
 */
class ExceptionModelTest {

    private static final Instant CREATED = Instant.parse("2026-03-01T09:00:00Z");
    private static final Instant EXPIRES = Instant.parse("2026-06-01T00:00:00Z");
    private static final Instant NOW = Instant.parse("2026-03-10T12:00:00Z");
    private static final StoredException ACTIVE = stored(EXPIRES, "covered by the firewall", null);

    @TempDir
    Path tmp;

    private static StoredException stored(Instant expires, String notes, Instant cancelled) {
        return new StoredException(new ControlException("ex-1a2b3c4d", "linux.net.ip-forward",
                ControlException.Scope.GLOBAL, null, Justification.THIRD_PARTY_CONTROL, "alice", CREATED, expires,
                notes), cancelled, cancelled == null ? null : "bob");
    }

    private static ExceptionEdit edit(StoredException e, String expires, Justification j, String notes) {
        return ExceptionEdit.of(e, expires, j, notes, NOW);
    }

    @Test
    void theRowShowsEveryCellAndTheStatusAtTheSnapshotsTime() {
        assertEquals(List.of("ID", "Status", "Control", "Scope", "Expires (UTC)", "Justification", "Author",
                "Created (UTC)", "Notes"), ExceptionRow.COLUMNS);
        ExceptionRow r = ExceptionRow.of(ACTIVE, NOW, List.of());
        assertEquals(List.of("ex-1a2b3c4d", "active", "linux.net.ip-forward", "global", "2026-06-01 00:00",
                "third-party-control", "alice", "2026-03-01 09:00", "covered by the firewall"), r.cells());
        assertEquals("global", r.cell("Scope"));
        assertEquals(StoredException.Status.ACTIVE, r.status());
        assertTrue(r.active());
        assertEquals("ex-1a2b3c4d: created 2026-03-01 09:00 UTC by alice", r.audit());

        // a device by its host name when the store knows it, a group by its name; never; notes on one line
        Device web = new Device("0123456789abcdef", "web-1", "debian 12", Set.of("prod"));
        StoredException device = new StoredException(new ControlException("ex-2", "c.two",
                ControlException.Scope.DEVICE, web.id(), Justification.RISK_ACCEPTED, "carol", CREATED, null,
                "line 1\n  line 2\n"), null, null, Instant.parse("2026-03-05T08:30:59Z"), "dave");
        assertEquals(List.of("ex-2", "active", "c.two", "device web-1", "never", "risk-accepted", "carol",
                "2026-03-01 09:00", "line 1 / line 2"), ExceptionRow.of(device, NOW, List.of(web)).cells());
        assertEquals("device 0123456789abcdef", ExceptionRow.of(device, NOW, List.of()).cell("Scope"));
        assertEquals("ex-2: created 2026-03-01 09:00 UTC by carol; updated 2026-03-05 08:30 UTC by dave",
                ExceptionRow.of(device, NOW, List.of()).audit());
        StoredException group = new StoredException(new ControlException("ex-3", "c.three",
                ControlException.Scope.GROUP, "prod", Justification.PLANNED_REMEDIATION, "carol", CREATED,
                Instant.parse("2026-03-05T12:30:00Z"), null), null, null);
        ExceptionRow expired = ExceptionRow.of(group, NOW, List.of());
        assertEquals(List.of("ex-3", "expired", "c.three", "group prod", "2026-03-05 12:30", "planned-remediation",
                "carol", "2026-03-01 09:00", ""), expired.cells());
        assertFalse(expired.active());

        ExceptionRow cancelled = ExceptionRow.of(stored(EXPIRES, null, Instant.parse("2026-03-08T10:00:00Z")), NOW,
                List.of());
        assertEquals("cancelled", cancelled.cell("Status"));
        assertFalse(cancelled.active());
        assertEquals("ex-1a2b3c4d: created 2026-03-01 09:00 UTC by alice; cancelled 2026-03-08 10:00 UTC by bob",
                cancelled.audit());
        // cancelled later than the snapshot: still active then
        assertEquals("active", ExceptionRow.of(stored(EXPIRES, null, Instant.parse("2026-03-11T10:00:00Z")), NOW,
                List.of()).cell("Status"));
        assertEquals("pending", ExceptionRow.of(ACTIVE, CREATED.minusSeconds(1), List.of()).cell("Status"));
    }

    @Test
    void theRowsOfASnapshotAreNewestFirst() {
        StoredException later = new StoredException(new ControlException("ex-later", "c.two",
                ControlException.Scope.GLOBAL, null, Justification.RISK_ACCEPTED, "carol", CREATED.plusSeconds(60),
                null, null), null, null);
        Snapshot s = new Snapshot(NOW, null, List.of(), List.of(), List.of(), java.util.Map.of(), java.util.Map.of(),
                List.of(), List.of(), List.of(ACTIVE, later), null);
        assertEquals(List.of("ex-later", "ex-1a2b3c4d"), ExceptionRow.of(s).stream().map(ExceptionRow::id).toList());
    }

    @Test
    void theExpiryFieldShowsNeverADateOrTheInstant() {
        assertEquals("never", ExceptionEdit.text(null));
        assertEquals("2026-06-01", ExceptionEdit.text(EXPIRES));
        assertEquals("2026-06-01T12:30:00Z", ExceptionEdit.text(Instant.parse("2026-06-01T12:30:00Z")));
    }

    @Test
    void anUnchangedExceptionFormChangesNothingAndIsNoError() {
        ExceptionEdit e = edit(ACTIVE, "2026-06-01", Justification.THIRD_PARTY_CONTROL, "covered by the firewall");
        assertEquals(new ExceptionEdit(null, null, null), e);
        assertFalse(e.changed());
        // surrounding blanks, the instant of the same expiry, NEVER for none: no change either
        assertFalse(edit(ACTIVE, " 2026-06-01 ", Justification.THIRD_PARTY_CONTROL, "covered by the firewall")
                .changed());
        assertFalse(edit(ACTIVE, "2026-06-01T00:00:00Z", Justification.THIRD_PARTY_CONTROL,
                "covered by the firewall").changed());
        StoredException bare = stored(null, null, null);
        assertEquals(new ExceptionEdit(null, null, null), edit(bare, "NEVER", Justification.THIRD_PARTY_CONTROL,
                "  "));
    }

    @Test
    void anExceptionEditAsksForWhatChangedOnly() {
        // a date is the start of that day, UTC, as `bulwark exception update --expires` reads it
        assertEquals(new ExceptionEdit(new StoredException.Update(Instant.parse("2026-09-01T00:00:00Z"), false,
                "reviewed", Justification.RISK_ACCEPTED), null, null), edit(ACTIVE, "2026-09-01",
                        Justification.RISK_ACCEPTED, "reviewed"));
        assertEquals(new StoredException.Update(null, true, null, null), edit(ACTIVE, "never",
                Justification.THIRD_PARTY_CONTROL, "covered by the firewall").update());
        assertEquals(new StoredException.Update(null, false, null, Justification.ALTERNATE_MITIGATION),
                edit(ACTIVE, "2026-06-01", Justification.ALTERNATE_MITIGATION, "covered by the firewall").update());
        // an instant, as the command line also takes
        assertEquals(new StoredException.Update(Instant.parse("2026-03-20T12:30:00Z"), false, null, null),
                edit(ACTIVE, "2026-03-20T12:30:00Z", Justification.THIRD_PARTY_CONTROL, "covered by the firewall")
                        .update());
        // a first expiry for one that never expired
        assertEquals(new StoredException.Update(Instant.parse("2026-04-01T00:00:00Z"), false, null, null),
                edit(stored(null, "x", null), "2026-04-01", Justification.THIRD_PARTY_CONTROL, "x").update());
        // blank notes remove them ("" for the store); new notes replace them as typed
        assertEquals(new StoredException.Update(null, false, "", null), edit(ACTIVE, "2026-06-01",
                Justification.THIRD_PARTY_CONTROL, " \n ").update());
        assertEquals(new StoredException.Update(null, false, "line 1\nline 2", null), edit(ACTIVE, "2026-06-01",
                Justification.THIRD_PARTY_CONTROL, "line 1\nline 2").update());
    }

    @Test
    void anExpiryInThePastAfterTheCreationIsAllowedWithAWarning() {
        // as `bulwark exception update` allows it: the exception stops counting at once
        ExceptionEdit e = edit(ACTIVE, "2026-03-05", Justification.THIRD_PARTY_CONTROL, "covered by the firewall");
        assertEquals(new ExceptionEdit(new StoredException.Update(Instant.parse("2026-03-05T00:00:00Z"), false, null,
                null), null, "The expiry 2026-03-05 has passed: the exception stops counting at once (expired)."), e);
        assertTrue(e.changed());
        // the day of now, 00:00 UTC, has passed at 12:00
        assertEquals("The expiry 2026-03-10 has passed: the exception stops counting at once (expired).",
                edit(ACTIVE, "2026-03-10", Justification.THIRD_PARTY_CONTROL, "covered by the firewall").warning());
        assertNull(edit(ACTIVE, "2026-03-11", Justification.THIRD_PARTY_CONTROL, "covered by the firewall")
                .warning());
    }

    @Test
    void aWrongExceptionFormIsAnErrorAndNoUpdate() {
        String forms = "YYYY-MM-DD (the start of that day, UTC) or never";
        assertEquals(new ExceptionEdit(null, "\"31.12.2026\" is not a date: enter the expiry as " + forms + ".",
                null), edit(ACTIVE, "31.12.2026", Justification.RISK_ACCEPTED, "other"));
        assertEquals(new ExceptionEdit(null, "\"2026-02-30\" is not a date: enter the expiry as " + forms + ".",
                null), edit(ACTIVE, "2026-02-30", Justification.RISK_ACCEPTED, "other"));
        assertEquals(new ExceptionEdit(null, "\"tomorrow\" is not a date: enter the expiry as " + forms + ".",
                null), edit(ACTIVE, "tomorrow", Justification.THIRD_PARTY_CONTROL, "covered by the firewall"));
        assertEquals(new ExceptionEdit(null, "Enter the expiry as " + forms + ".", null), edit(ACTIVE, "  ",
                Justification.THIRD_PARTY_CONTROL, "covered by the firewall"));
        // not after its creation (2026-03-01 09:00): the store refuses it
        assertEquals(new ExceptionEdit(null, "The expiry 2026-03-01 is not after the exception's creation "
                + "(2026-03-01 09:00 UTC).", null), edit(ACTIVE, "2026-03-01", Justification.THIRD_PARTY_CONTROL,
                        "covered by the firewall"));
        assertEquals("The expiry 2026-03-01T09:00:00Z is not after the exception's creation (2026-03-01 09:00 UTC).",
                edit(ACTIVE, "2026-03-01T09:00:00Z", Justification.THIRD_PARTY_CONTROL, "covered by the firewall")
                        .error());
        // a cancelled exception cannot be updated
        assertEquals(new ExceptionEdit(null, "Exception ex-1a2b3c4d is cancelled and cannot be edited.", null),
                edit(stored(EXPIRES, null, Instant.parse("2026-03-08T10:00:00Z")), "never",
                        Justification.RISK_ACCEPTED, "x"));
    }

    @Test
    void theBackendListsUpdatesAndCancelsExceptionsAndTheScoreFollows() throws Exception {
        try (TestSessions sessions = new TestSessions()) {
            Backend backend = sessions.assessedBackend(tmp);
            Snapshot before = backend.load();
            assertEquals(List.of(), before.exceptions());
            Row top = before.rows().get(0);
            assertEquals(Row.Status.ACTIVE, top.status());
            Instant expires = LocalDate.now(ZoneOffset.UTC).plusDays(30).atStartOfDay(ZoneOffset.UTC).toInstant();
            Instant from0 = Instant.now().truncatedTo(ChronoUnit.MICROS);
            StoredException created0 = backend.except(new ExceptionDraft("ex-model1", top.controlId(),
                    ControlException.Scope.GLOBAL, null, Justification.THIRD_PARTY_CONTROL, expires, "first notes"),
                    "alice");
            Instant created = created0.exception().created();
            assertTrue(!created.isBefore(from0) && !created.isAfter(Instant.now()), created + " after " + from0);
            ControlException e = new ControlException("ex-model1", top.controlId(), ControlException.Scope.GLOBAL,
                    null, Justification.THIRD_PARTY_CONTROL, "alice", created, expires, "first notes");
            assertEquals(new StoredException(e, null, null), created0);

            Snapshot excepted = backend.load();
            assertEquals(List.of(new StoredException(e, null, null)), excepted.exceptions());
            assertEquals(Row.Status.EXCEPTION, excepted.row(top.controlId()).status());
            assertTrue(excepted.score().score() > before.score().score());

            Instant from = Instant.now().truncatedTo(ChronoUnit.MICROS);
            Instant later = expires.plus(30, ChronoUnit.DAYS);
            StoredException updated = backend.updateException("ex-model1", new StoredException.Update(later, false,
                    "", Justification.RISK_ACCEPTED), "bob");
            Instant to = Instant.now();
            assertTrue(!updated.updated().isBefore(from) && !updated.updated().isAfter(to), updated.updated()
                    + " in [" + from + ", " + to + "]");
            StoredException expected = new StoredException(new ControlException("ex-model1", top.controlId(),
                    ControlException.Scope.GLOBAL, null, Justification.RISK_ACCEPTED, "alice", created, later, null),
                    null, null, updated.updated(), "bob");
            assertEquals(expected, updated);
            Snapshot noCredit = backend.load();
            assertEquals(List.of(expected), noCredit.exceptions(), "as stored");
            // no credit: the score is as without the exception and the device still exposed; the recommendation
            // shows the exception (the operations' one rule: every non-passing device covered is EXCEPTION)
            assertEquals(before.score().score(), noCredit.score().score());
            assertEquals(Row.Status.EXCEPTION, noCredit.row(top.controlId()).status());
            assertEquals(top.exposedDevices(), noCredit.row(top.controlId()).exposedDevices());
            assertEquals(1, noCredit.row(top.controlId()).recommendation().exceptedDevices());

            StoredException never = backend.updateException("ex-model1", new StoredException.Update(null, true,
                    null, null), "carol");
            assertNull(never.exception().expires());
            assertEquals(Justification.RISK_ACCEPTED, never.exception().justification());
            assertEquals("carol", never.updatedBy());

            // the operations refuse an expiry not after the creation: nothing is written
            OperationException early = assertThrows(OperationException.class, () -> backend.updateException(
                    "ex-model1", new StoredException.Update(created, false, null, null), "bob"));
            assertEquals(OperationException.Kind.INVALID_INPUT, early.kind());
            assertEquals(List.of(never), backend.load().exceptions());

            Instant cancelFrom = Instant.now().truncatedTo(ChronoUnit.MICROS);
            StoredException cancelled = backend.cancelException("ex-model1", "dave");
            assertEquals("dave", cancelled.cancelledBy());
            assertTrue(!cancelled.cancelled().isBefore(cancelFrom), cancelled.cancelled() + " >= " + cancelFrom);
            Snapshot after = backend.load();
            StoredException stored = after.exceptions().get(0);
            assertEquals(new StoredException(never.exception(), cancelled.cancelled(), "dave", never.updated(),
                    "carol"), stored);
            assertEquals(StoredException.Status.CANCELLED, stored.status(after.at()));
            assertEquals(Row.Status.ACTIVE, after.row(top.controlId()).status());
            assertEquals(before.score().score(), after.score().score());

            // final: neither updated nor cancelled again (a conflict); an unknown one is not found
            assertEquals(OperationException.Kind.CONFLICT, assertThrows(OperationException.class,
                    () -> backend.updateException("ex-model1", new StoredException.Update(null, false, "x", null),
                            "bob")).kind());
            assertEquals(OperationException.Kind.CONFLICT, assertThrows(OperationException.class,
                    () -> backend.cancelException("ex-model1", "bob")).kind());
            assertEquals(OperationException.Kind.NOT_FOUND, assertThrows(OperationException.class,
                    () -> backend.cancelException("ex-none", "bob")).kind());
            // the id is taken
            assertEquals(OperationException.Kind.CONFLICT, assertThrows(OperationException.class,
                    () -> backend.except(new ExceptionDraft("ex-model1", top.controlId(),
                            ControlException.Scope.GLOBAL, null, Justification.RISK_ACCEPTED, null, null), "bob"))
                    .kind());
            assertEquals(List.of(stored), backend.load().exceptions());
        }
    }
}
