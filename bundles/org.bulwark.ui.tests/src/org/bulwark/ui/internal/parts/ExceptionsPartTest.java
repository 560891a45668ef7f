package org.bulwark.ui.internal.parts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.bulwark.scoring.api.ControlException;
import org.bulwark.scoring.api.Justification;
import org.bulwark.store.api.AssessmentStore;
import org.bulwark.store.api.StoredException;
import org.bulwark.ui.internal.model.Row;
import org.bulwark.ui.internal.model.Snapshot;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Event;
import org.junit.jupiter.api.Test;

/** The exceptions part: its table, and its commands edit and cancel on the selected exception. */
class ExceptionsPartTest extends PartsTestBase {

    /** Stores {@code exceptions} as {@code bulwark exception create} would, and waits for the part to list them. */
    private void except(ControlException... exceptions) throws Exception {
        try (AssessmentStore db = store()) {
            for (ControlException e : exceptions) {
                db.createException(e);
            }
        }
        session.refresh();
        waitFor(() -> this.exceptions.table.getItemCount() == exceptions.length, "the exceptions in the part");
    }

    private List<String> exceptionCells(int row) {
        return cells(exceptions.table, row);
    }

    private void selectException(int row) {
        select(exceptions.table, row);
    }

    /** @return {@code t} as the exceptions part shows it, {@code YYYY-MM-DD HH:MM} (UTC) */
    private static String utc(Instant t) {
        return t.atOffset(ZoneOffset.UTC).toLocalDate() + " " + String.format(Locale.ROOT, "%02d:%02d",
                t.atOffset(ZoneOffset.UTC).getHour(), t.atOffset(ZoneOffset.UTC).getMinute());
    }

    @Test
    void storedExceptionsAreListedAnActiveOneIsEditedInTheDialogAndCancelledAndTheScoreFollows() throws Exception {
        Snapshot before = now();
        Row top = recommendations.shown().get(0);
        assertEquals(Row.Status.ACTIVE, top.status());
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        Instant created = today.minusDays(1).atTime(9, 30).toInstant(ZoneOffset.UTC);
        Instant expires = today.plusDays(30).atStartOfDay(ZoneOffset.UTC).toInstant();
        String user = System.getProperty("user.name", "workbench");
        // as `bulwark exception create` stored them yesterday: one that expired today at 00:00 UTC, one active with
        // credit (the details part's create path, which creates them now, is DetailsPartTest's)
        except(new ControlException("ex-uiold", top.controlId(), ControlException.Scope.GLOBAL, null,
                Justification.RISK_ACCEPTED, "tester", created, today.atStartOfDay(ZoneOffset.UTC).toInstant(), null),
                new ControlException("ex-uitest2", top.controlId(), ControlException.Scope.GLOBAL, null,
                        Justification.THIRD_PARTY_CONTROL, "tester", created.plusSeconds(60), expires,
                        "covered by the data-centre firewall"));
        waitFor(() -> exceptions.table.getItemCount() == 2 && now().row(top.controlId()) != null
                && now().row(top.controlId()).status() == Row.Status.EXCEPTION, "both exceptions in the part");
        left.setSelection(2);
        String yesterday = today.minusDays(1).toString();
        assertEquals(List.of("ID", "Status", "Control", "Scope", "Expires (UTC)", "Justification", "Author",
                "Created (UTC)", "Notes"), Arrays.stream(exceptions.table.getColumns()).map(c -> c.getText())
                        .toList());
        // newest first
        assertEquals(List.of("ex-uitest2", "active", top.controlId(), "global",
                today.plusDays(30) + " 00:00", "third-party-control", "tester", yesterday + " 09:31", "covered by the data-centre firewall"),
                exceptionCells(0));
        assertEquals(List.of("ex-uiold", "expired", top.controlId(), "global", today + " 00:00",
                "risk-accepted", "tester", yesterday + " 09:30", ""), exceptionCells(1));
        assertFalse(exceptions.edit.isEnabled(), "nothing selected");
        assertFalse(exceptions.cancel.isEnabled(), "nothing selected");
        double withCredit = now().score().score();
        assertTrue(withCredit > before.score().score(), withCredit + " > " + before.score().score());

        // an expired exception is listed, not editable
        selectException(1);
        assertFalse(exceptions.edit.isEnabled(), "an expired exception cannot be edited");
        assertFalse(exceptions.cancel.isEnabled(), "nor cancelled");
        assertEquals("ex-uiold: created " + yesterday + " 09:30 UTC by tester", exceptions.audit.getText());
        selectException(0);
        assertTrue(exceptions.edit.isEnabled());
        assertTrue(exceptions.cancel.isEnabled());
        assertEquals("ex-uitest2: created " + yesterday + " 09:31 UTC by tester", exceptions.audit.getText());
        right.setSelection(0);
        screenshot("exceptions");

        LocalDate newExpiry = today.plusDays(90);
        Instant from = Instant.now().truncatedTo(ChronoUnit.MICROS);
        clickAndDrive(exceptions.edit, EditExceptionDialog.class, d -> {
            // filled with the current values
            assertEquals("Edit exception", d.getShell().getText());
            assertTrue(label(d.getShell(), "Edit exception ex-uitest2"), "the title area names the exception");
            assertEquals(today.plusDays(30).toString(), d.expires.getText());
            assertEquals("Third party control (gives credit)", d.justification.getText());
            assertEquals("covered by the data-centre firewall", d.notes.getText());
            assertEquals(top.controlId() + ", global, created " + yesterday + " 09:31 UTC by tester. Change the "
                    + "expiry, justification or notes.", d.getMessage());
            assertFalse(button(d, "OK").isEnabled(), "nothing changed yet");

            d.expires.setText(newExpiry.toString());
            choose(d.justification, "Risk accepted (no credit)");
            d.notes.setText("firewall rule retired; risk accepted until the migration");
            assertNull(d.getErrorMessage());
            assertNull(d.error());
            assertNull(d.warning());
            assertTrue(button(d, "OK").isEnabled());
            screenshot(d.getShell(), "edit-exception-dialog");
            button(d, "OK").notifyListeners(SWT.Selection, new Event());
        });
        waitFor(() -> "risk-accepted".equals(exceptions.table.getItem(0).getText(5))
                && now().row(top.controlId()) != null
                && now().row(top.controlId()).status() == Row.Status.EXCEPTION, "the edited exception");
        // no credit: still exposed, under exception (the operations' one status rule)
        assertEquals(top.exposedDevices(), now().row(top.controlId()).exposedDevices());
        Instant to = Instant.now();
        assertEquals(List.of("ex-uitest2", "active", top.controlId(), "global", newExpiry + " 00:00",
                "risk-accepted", "tester", yesterday + " 09:31", "firewall rule retired; risk accepted until the migration"),
                exceptionCells(0));
        assertEquals(List.of("ex-uiold", "expired", top.controlId(), "global", today + " 00:00",
                "risk-accepted", "tester", yesterday + " 09:30", ""), exceptionCells(1));
        assertEquals(0, exceptions.table.getSelectionIndex(), "the edited exception stays selected");
        assertTrue(exceptions.edit.isEnabled());
        // no credit any more: the score is back where it was, the recommendation shows the exception
        assertEquals(before.score().score(), now().score().score());
        assertEquals(DashboardPart.fmt(before.score().score()), dashboard.score.getText());

        // in the store: the three fields, who updated it and when; nothing else changed
        List<StoredException> stored = storedExceptions();
        assertEquals(2, stored.size());
        StoredException e = stored.get(1);
        assertTrue(!e.updated().isBefore(from) && !e.updated().isAfter(to), e.updated() + " in [" + from + ", " + to
                + "]");
        assertEquals(new StoredException(new ControlException("ex-uitest2", top.controlId(),
                ControlException.Scope.GLOBAL, null, Justification.RISK_ACCEPTED, "tester", created.plusSeconds(60),
                newExpiry.atStartOfDay(ZoneOffset.UTC).toInstant(),
                "firewall rule retired; risk accepted until the migration"), null, null, e.updated(), user), e);
        assertEquals(new StoredException(new ControlException("ex-uiold", top.controlId(),
                ControlException.Scope.GLOBAL, null, Justification.RISK_ACCEPTED, "tester", created,
                today.atStartOfDay(ZoneOffset.UTC).toInstant(), null), null, null), stored.get(0));
        assertEquals("ex-uitest2: created " + yesterday + " 09:31 UTC by tester; updated " + utc(e.updated())
                + " UTC by " + user, exceptions.audit.getText());
        screenshot("exceptions-edited");

        // cancelled through its button and the confirmation: it stops counting, stays listed, is final
        clickAndDrive(exceptions.cancel, MessageDialog.class, m -> {
            assertEquals("Bulwark", m.getShell().getText());
            assertTrue(label(m.getShell(), "Cancel exception ex-uitest2 (" + top.controlId() + ")? It stops counting "
                    + "now, so the score and recommendations change; it stays listed as cancelled."),
                    "the confirmation names the exception");
            button(m, "OK").notifyListeners(SWT.Selection, new Event());
        });
        waitFor(() -> "cancelled".equals(exceptions.table.getItem(0).getText(1))
                && now().row(top.controlId()) != null
                && now().row(top.controlId()).status() == Row.Status.ACTIVE, "the cancelled exception");
        assertEquals(List.of("ex-uitest2", "cancelled", top.controlId(), "global",
                newExpiry + " 00:00", "risk-accepted", "tester", yesterday + " 09:31",
                "firewall rule retired; risk accepted until the migration"), exceptionCells(0));
        assertEquals(0, exceptions.table.getSelectionIndex());
        assertFalse(exceptions.edit.isEnabled(), "a cancelled exception cannot be edited");
        assertFalse(exceptions.cancel.isEnabled(), "nor cancelled again");
        StoredException c = storedExceptions().get(1);
        assertEquals(user, c.cancelledBy());
        assertTrue(!c.cancelled().isBefore(to), c.cancelled() + " >= " + to);
        assertEquals(StoredException.Status.CANCELLED, c.status(Instant.now()));
        assertEquals(new StoredException(e.exception(), c.cancelled(), user, e.updated(), user), c);
        assertEquals("ex-uitest2: created " + yesterday + " 09:31 UTC by tester; updated " + utc(e.updated())
                + " UTC by " + user + "; cancelled " + utc(c.cancelled()) + " UTC by " + user,
                exceptions.audit.getText());
        assertEquals(before.score().score(), now().score().score());
        exceptions.table.deselectAll();
        exceptions.table.notifyListeners(SWT.Selection, new Event());
        assertFalse(exceptions.edit.isEnabled(), "nothing selected");
        assertFalse(exceptions.cancel.isEnabled(), "nothing selected");
        assertEquals("", exceptions.audit.getText());
    }

    @Test
    void aBadExpiryIsShownInTheEditExceptionDialogAndNothingIsWritten() throws Exception {
        Row top = recommendations.shown().get(0);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        Instant created = today.minusDays(1).atTime(9, 30).toInstant(ZoneOffset.UTC);
        except(new ControlException("ex-uitest3", top.controlId(), ControlException.Scope.GLOBAL, null,
                Justification.ALTERNATE_MITIGATION, "tester", created, null, "segmented network"));
        left.setSelection(2);
        selectException(0);
        List<StoredException> before = storedExceptions();
        List<String> shown = exceptionCells(0);
        assertEquals(List.of("ex-uitest3", "active", top.controlId(), "global", "never",
                "alternate-mitigation", "tester", today.minusDays(1) + " 09:30", "segmented network"), shown);
        String forms = "YYYY-MM-DD (the start of that day, UTC) or never";

        clickAndDrive(exceptions.edit, EditExceptionDialog.class, d -> {
            assertEquals("never", d.expires.getText());
            d.notes.setText("changed, but never saved");
            d.expires.setText("31.12.2030");
            assertEquals("\"31.12.2030\" is not a date: enter the expiry as " + forms + ".", d.getErrorMessage());
            assertFalse(button(d, "OK").isEnabled());
            // even pressed, OK does not close the dialog nor write anything
            button(d, "OK").notifyListeners(SWT.Selection, new Event());
            assertFalse(d.getShell().isDisposed(), "the dialog stays open");

            String early = today.minusDays(2).toString();
            d.expires.setText(early);
            assertEquals("The expiry " + early + " is not after the exception's creation (" + today.minusDays(1)
                    + " 09:30 UTC).", d.getErrorMessage());
            assertFalse(button(d, "OK").isEnabled());
            screenshot(d.getShell(), "edit-exception-bad-date");

            d.expires.setText(" ");
            assertEquals("Enter the expiry as " + forms + ".", d.getErrorMessage());
            assertFalse(button(d, "OK").isEnabled());

            // today 00:00 UTC: after the creation, but passed: allowed with a warning, as the command line allows it
            d.expires.setText(today.toString());
            assertNull(d.getErrorMessage());
            assertEquals("The expiry " + today + " has passed: the exception stops counting at once (expired).",
                    d.warning());
            assertEquals(d.warning(), d.getMessage());
            assertTrue(button(d, "OK").isEnabled());

            d.expires.setText("never");
            assertNull(d.getErrorMessage());
            assertNull(d.warning());
            assertTrue(button(d, "OK").isEnabled(), "the notes changed");
            button(d, "Cancel").notifyListeners(SWT.Selection, new Event());
        });
        settle();
        assertEquals(before, storedExceptions(), "nothing written");
        assertNull(storedExceptions().get(0).updated());
        assertEquals(shown, exceptionCells(0));
        assertTrue(exceptions.edit.isEnabled());
    }
}
