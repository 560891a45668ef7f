package org.bulwark.ui.internal.parts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.bulwark.store.api.AssessmentStore;
import org.bulwark.store.api.Remediation;
import org.bulwark.ui.WorkbenchIds;
import org.bulwark.ui.internal.model.Row;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Event;
import org.junit.jupiter.api.Test;

/** The remediation activities part: its table, and its commands edit, cancel and export on the selected activity. */
class ActivitiesPartTest extends PartsTestBase {

    /** Stores an activity for {@code top} as {@code bulwark remediation create} would, and selects it in the part. */
    private Remediation submitActivity(Row top, LocalDate due) throws Exception {
        try (AssessmentStore db = store()) {
            db.createRemediation(new Remediation.Request("Fix " + top.title(), top.controlId(),
                    Remediation.Scope.DEVICES, top.exposedDevices(), null, Remediation.Priority.HIGH, due,
                    "from the UI test", "tester"), Instant.now());
        }
        session.refresh();
        waitFor(() -> activities.table.getItemCount() == 1, "the activity in the activities part");
        left.setSelection(1);
        select(activities.table, 0);
        return activities.activities().get(0);
    }

    private List<String> cells(int row) {
        return cells(activities.table, row);
    }

    @Test
    void anActiveActivityIsEditedInTheDialogAndTheTableTheStoreAndTheCsvShowTheNewValues() throws Exception {
        Row top = recommendations.shown().get(0);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        Remediation before = submitActivity(top, today.plusDays(7));
        LocalDate due = today.plusDays(30);
        String user = System.getProperty("user.name", "workbench");

        Instant from = Instant.now().truncatedTo(ChronoUnit.MICROS);
        clickAndDrive(activities.edit, EditActivityDialog.class, d -> {
            // filled with the current values
            assertEquals("Edit remediation activity", d.getShell().getText());
            assertTrue(label(d.getShell(), "Edit activity #" + before.id()), "the title area names the activity");
            assertEquals("Fix " + top.title(), d.title.getText());
            assertEquals("high", d.priority.getText());
            assertEquals(today.plusDays(7).toString(), d.due.getText());
            assertFalse(d.noDue.getSelection());
            assertEquals("from the UI test", d.notes.getText());
            assertFalse(button(d, "OK").isEnabled(), "nothing changed yet");

            d.title.setText("Harden ASLR, then reboot");
            choose(d.priority, "low");
            d.due.setText(due.toString());
            d.notes.setText("patch window: Saturday");
            assertNull(d.getErrorMessage());
            assertNull(d.error());
            assertTrue(button(d, "OK").isEnabled());
            screenshot(d.getShell(), "edit-activity-dialog");
            button(d, "OK").notifyListeners(SWT.Selection, new Event());
        });
        waitFor(() -> "Harden ASLR, then reboot".equals(activities.table.getItem(0).getText(1)),
                "the edited activity in the table");
        Instant to = Instant.now();
        assertEquals(List.of(Long.toString(before.id()), "Harden ASLR, then reboot", top.controlId(), "low",
                due.toString(), "active", before.fixedDevices() + "/" + before.targetDevices(), "tester"), cells(0));
        assertEquals(0, activities.table.getSelectionIndex(), "the edited activity stays selected");
        assertTrue(activities.edit.isEnabled());
        screenshot("activity-edited");

        // in the store: the four fields, who updated it and when; nothing else changed
        List<Remediation> stored = stored();
        assertEquals(1, stored.size());
        Remediation r = stored.get(0);
        assertTrue(!r.updated().isBefore(from) && !r.updated().isAfter(to), r.updated() + " in [" + from + ", "
                + to + "]");
        assertEquals(new Remediation(before.id(), "Harden ASLR, then reboot", top.controlId(), top.category(),
                Remediation.Scope.DEVICES, top.exposedDevices(), null, Remediation.Priority.LOW, due,
                "patch window: Saturday", "tester", before.created(), Remediation.Status.ACTIVE, null, null,
                before.targetDevices(), before.fixedDevices(), null, null, r.updated(), user), r);

        // in the CSV
        Path csv = tmp.resolve("export/activities.csv");
        join(execute(WorkbenchIds.PART_ACTIVITIES, WorkbenchIds.COMMAND_EXPORT_ACTIVITIES,
                Map.of(WorkbenchIds.PARAMETER_FILE, csv.toString())));
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        assertEquals(List.of(String.join(",", Remediation.CSV_COLUMNS), before.id() + ",\"Harden ASLR, then reboot\","
                + top.controlId() + "," + top.category().name().toLowerCase(Locale.ROOT).replace('_', '-')
                + ",devices," + String.join(" ", top.exposedDevices()) + ",low," + due + ",active,,,"
                + before.targetDevices() + "," + before.fixedDevices() + ",tester," + before.created()
                + ",patch window: Saturday," + r.updated() + "," + user + ",,"), lines);

        // "attention required": the due date removed
        clickAndDrive(activities.edit, EditActivityDialog.class, d -> {
            assertEquals("Harden ASLR, then reboot", d.title.getText());
            assertEquals("low", d.priority.getText());
            assertEquals(due.toString(), d.due.getText());
            d.noDue.setSelection(true);
            d.noDue.notifyListeners(SWT.Selection, new Event());
            assertFalse(d.due.isEnabled());
            button(d, "OK").notifyListeners(SWT.Selection, new Event());
        });
        waitFor(() -> "attention required".equals(activities.table.getItem(0).getText(4)),
                "the activity without a due date");
        assertNull(stored().get(0).due());

        // cancelled through its button and the confirmation: final, so it cannot be edited
        clickAndDrive(activities.cancel, MessageDialog.class, m -> {
            assertEquals("Bulwark", m.getShell().getText());
            button(m, "OK").notifyListeners(SWT.Selection, new Event());
        });
        waitFor(() -> "cancelled".equals(activities.table.getItem(0).getText(5)), "the cancelled activity");
        assertEquals(0, activities.table.getSelectionIndex());
        assertFalse(activities.edit.isEnabled(), "a cancelled activity cannot be edited");
        assertFalse(activities.complete.isEnabled(), "nor completed");
        assertFalse(activities.cancel.isEnabled(), "nor cancelled again");
        assertEquals(Remediation.Status.CANCELLED, stored().get(0).status());
        assertEquals(user, stored().get(0).cancelledBy());
        activities.table.deselectAll();
        activities.table.notifyListeners(SWT.Selection, new Event());
        assertFalse(activities.edit.isEnabled(), "nothing selected");
        assertFalse(activities.complete.isEnabled(), "nothing selected");
    }

    @Test
    void aBadDueDateIsShownInTheEditDialogAndNothingIsWritten() throws Exception {
        Row top = recommendations.shown().get(0);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        submitActivity(top, today.plusDays(7));
        List<Remediation> before = stored();
        List<String> shown = cells(0);

        clickAndDrive(activities.edit, EditActivityDialog.class, d -> {
            d.notes.setText("changed, but never saved");
            d.due.setText("2020-01-01");
            assertEquals("The due date 2020-01-01 is in the past (today is " + today + " UTC).",
                    d.getErrorMessage());
            assertFalse(button(d, "OK").isEnabled());
            // even pressed, OK does not close the dialog nor write anything
            button(d, "OK").notifyListeners(SWT.Selection, new Event());
            assertFalse(d.getShell().isDisposed(), "the dialog stays open");

            d.due.setText("31.12.2030");
            assertEquals("\"31.12.2030\" is not a date: enter the due date as YYYY-MM-DD.", d.getErrorMessage());
            assertFalse(button(d, "OK").isEnabled());
            screenshot(d.getShell(), "edit-activity-bad-date");

            d.due.setText(today.plusDays(9).toString());
            d.title.setText("  ");
            assertEquals("The title is required.", d.getErrorMessage());
            assertFalse(button(d, "OK").isEnabled());
            d.title.setText("Fix it");
            assertNull(d.getErrorMessage());
            assertTrue(button(d, "OK").isEnabled());
            button(d, "Cancel").notifyListeners(SWT.Selection, new Event());
        });
        settle();
        assertEquals(before, stored(), "nothing written");
        assertNull(stored().get(0).updated());
        assertEquals(shown, cells(0));
    }
}
