package org.bulwark.ui.internal.parts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

import org.bulwark.scoring.api.ControlException;
import org.bulwark.scoring.api.Justification;
import org.bulwark.store.api.AssessmentStore;
import org.bulwark.store.api.Remediation;
import org.bulwark.store.api.StoredException;
import org.bulwark.ui.WorkbenchIds;
import org.bulwark.ui.WorkbenchTopics;
import org.bulwark.ui.internal.TestWorkbench;
import org.bulwark.ui.internal.model.Row;
import org.bulwark.ui.internal.model.Snapshot;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.e4.ui.model.application.commands.MCommand;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Shell;
import org.junit.jupiter.api.Test;

/**
 * The commands of fragment.e4xmi executed through the handler service in a part's context, with the selection the
 * part keeps there: each changes the store exactly as asked, once, and every part re-renders from the reloaded
 * snapshot; without a selection (or with a final one) nothing can execute and nothing is written.
 */
class PartCommandsTest extends PartsTestBase {

    private static final String ACTIVITIES = WorkbenchIds.PART_ACTIVITIES;
    private static final String EXCEPTIONS = WorkbenchIds.PART_EXCEPTIONS;
    private static final String DETAILS = WorkbenchIds.PART_DETAILS;

    /** @return the stored activity for {@code top}, created now as {@code bulwark remediation create} would */
    private Remediation storeActivity(Row top) throws Exception {
        Remediation r;
        try (AssessmentStore db = store()) {
            r = db.createRemediation(new Remediation.Request("Enable it", top.controlId(), Remediation.Scope.DEVICES,
                    top.exposedDevices(), null, Remediation.Priority.MEDIUM, null, null, "tester"), Instant.now());
        }
        session.refresh();
        waitFor(() -> activities.table.getItemCount() == 1, "the activity in the part");
        left.setSelection(1);
        return r;
    }

    private List<Object> heard(String topic) {
        List<Object> data = new CopyOnWriteArrayList<>();
        broker.on(topic, data::add);
        return data;
    }

    @Test
    void everyCommandHasAHandlerThatWaitsForItsSelection() throws Exception {
        List<String> ids = TestWorkbench.elements(MCommand.class).stream().map(MCommand::getElementId).toList();
        assertEquals(List.of(WorkbenchIds.COMMAND_REASSESS, WorkbenchIds.COMMAND_SUBMIT_REQUEST,
                WorkbenchIds.COMMAND_CREATE_EXCEPTION, WorkbenchIds.COMMAND_EXPORT_ACTIVITIES,
                WorkbenchIds.COMMAND_COMPLETE_ACTIVITY, WorkbenchIds.COMMAND_EDIT_ACTIVITY,
                WorkbenchIds.COMMAND_CANCEL_ACTIVITY, WorkbenchIds.COMMAND_EDIT_EXCEPTION,
                WorkbenchIds.COMMAND_CANCEL_EXCEPTION), ids);
        // a part that selected nothing: only what needs no selection can execute
        PartCommands none = TestWorkbench.commands(workbench.part("nothing selected"));
        Map<String, Boolean> executable = new LinkedHashMap<>();
        ids.forEach(id -> executable.put(id, none.canExecute(id)));
        Map<String, Boolean> expected = new LinkedHashMap<>();
        ids.forEach(id -> expected.put(id, false));
        expected.put(WorkbenchIds.COMMAND_REASSESS, true);
        expected.put(WorkbenchIds.COMMAND_EXPORT_ACTIVITIES, true);
        assertEquals(expected, executable);
        assertNull(none.execute(WorkbenchIds.COMMAND_COMPLETE_ACTIVITY, Map.of()), "not executed");
        assertNull(none.execute(WorkbenchIds.COMMAND_CANCEL_EXCEPTION, Map.of()), "not executed");
        assertEquals(List.of(), stored());
        assertEquals(List.of(), storedExceptions());
        // the parts' buttons follow their handlers: no activity, exception nor recommendation selected yet
        assertFalse(activities.complete.isEnabled());
        assertFalse(activities.edit.isEnabled());
        assertFalse(activities.cancel.isEnabled());
        assertFalse(exceptions.edit.isEnabled());
        assertFalse(exceptions.cancel.isEnabled());
        assertFalse(details.submit.isEnabled());
        assertFalse(details.except.isEnabled());
        assertTrue(details.export.isEnabled());
        assertTrue(dashboard.reassess.isEnabled());
    }

    @Test
    void completingTheSelectedActivityCompletesItInTheStoreOnceAndThePartShowsIt() throws Exception {
        Row top = recommendations.shown().get(0);
        Remediation created = storeActivity(top);
        List<Object> changed = heard(WorkbenchTopics.ACTIVITIES_CHANGED);
        assertFalse(commands.get(ACTIVITIES).canExecute(WorkbenchIds.COMMAND_COMPLETE_ACTIVITY), "nothing selected");
        select(activities.table, 0);
        assertTrue(commands.get(ACTIVITIES).canExecute(WorkbenchIds.COMMAND_COMPLETE_ACTIVITY));
        assertTrue(activities.complete.isEnabled());

        Instant from = Instant.now().truncatedTo(ChronoUnit.MICROS);
        join(execute(ACTIVITIES, WorkbenchIds.COMMAND_COMPLETE_ACTIVITY, Map.of()));
        waitFor(() -> "completed".equals(activities.table.getItem(0).getText(5)), "the completed activity");
        Instant to = Instant.now();
        List<Remediation> stored = stored();
        assertEquals(1, stored.size());
        Remediation r = stored.get(0);
        assertTrue(!r.completed().isBefore(from) && !r.completed().isAfter(to), r.completed() + " in [" + from
                + ", " + to + "]");
        assertEquals(new Remediation(created.id(), "Enable it", top.controlId(), top.category(),
                Remediation.Scope.DEVICES, top.exposedDevices(), null, Remediation.Priority.MEDIUM, null, null,
                "tester", created.created(), Remediation.Status.COMPLETED, Remediation.Completion.MANUAL,
                r.completed(), created.targetDevices(), created.fixedDevices(), null, null, null, null), r);
        assertEquals(List.of(r), changed, "the activity as stored, posted once");
        assertEquals(List.of(Long.toString(created.id()), "Enable it", top.controlId(), "medium",
                "attention required", "completed", created.fixedDevices() + "/" + created.targetDevices(), "tester"),
                cells(activities.table, 0));
        assertEquals(0, activities.table.getSelectionIndex(), "still selected");
        assertEquals(List.of(r), now().activities());

        // final: the handlers refuse it now, and the buttons are disabled
        assertFalse(commands.get(ACTIVITIES).canExecute(WorkbenchIds.COMMAND_COMPLETE_ACTIVITY));
        assertFalse(activities.complete.isEnabled());
        assertFalse(activities.edit.isEnabled());
        assertFalse(activities.cancel.isEnabled());
        assertNull(execute(ACTIVITIES, WorkbenchIds.COMMAND_COMPLETE_ACTIVITY, Map.of()), "not executed again");
        assertNull(execute(ACTIVITIES, WorkbenchIds.COMMAND_CANCEL_ACTIVITY, Map.of()), "nor cancelled");
        assertEquals(List.of(r), stored());
    }

    @Test
    void cancellingTheSelectedExceptionAfterTheConfirmationStopsItCountingAndThePartsFollow() throws Exception {
        Snapshot before = now();
        Row top = recommendations.shown().get(0);
        ControlException e = new ControlException("ex-cmd1", top.controlId(), ControlException.Scope.GLOBAL, null,
                Justification.THIRD_PARTY_CONTROL, "tester", Instant.now().truncatedTo(ChronoUnit.SECONDS), null,
                "covered upstream");
        try (AssessmentStore db = store()) {
            db.createException(e);
        }
        session.refresh();
        waitFor(() -> exceptions.table.getItemCount() == 1 && now().row(top.controlId()).status()
                == Row.Status.EXCEPTION, "the exception in the part and the score");
        double excepted = now().score().score();
        assertTrue(excepted > before.score().score(), excepted + " > " + before.score().score());
        left.setSelection(2);
        select(exceptions.table, 0);
        List<Object> changed = heard(WorkbenchTopics.EXCEPTIONS_CHANGED);

        // declined: nothing is written
        assertNull(drive(() -> execute(EXCEPTIONS, WorkbenchIds.COMMAND_CANCEL_EXCEPTION, Map.of()),
                MessageDialog.class, m -> button(m, "Cancel").notifyListeners(SWT.Selection, new Event()),
                "Cancel exception"));
        assertEquals(List.of(new StoredException(e, null, null)), storedExceptions());

        Instant from = Instant.now().truncatedTo(ChronoUnit.MICROS);
        Object job = drive(() -> execute(EXCEPTIONS, WorkbenchIds.COMMAND_CANCEL_EXCEPTION, Map.of()),
                MessageDialog.class, m -> {
                    assertTrue(label(m.getShell(), "Cancel exception ex-cmd1 (" + top.controlId() + ")? It stops "
                            + "counting now, so the score and recommendations change; it stays listed as cancelled."),
                            "the confirmation names the exception");
                    button(m, "OK").notifyListeners(SWT.Selection, new Event());
                }, "Cancel exception");
        join(job);
        waitFor(() -> "cancelled".equals(exceptions.table.getItem(0).getText(1))
                && now().row(top.controlId()).status() == Row.Status.ACTIVE, "the cancelled exception");
        Instant to = Instant.now();
        List<StoredException> stored = storedExceptions();
        assertEquals(1, stored.size());
        StoredException c = stored.get(0);
        assertTrue(!c.cancelled().isBefore(from) && !c.cancelled().isAfter(to), c.cancelled() + " in [" + from
                + ", " + to + "]");
        assertEquals(new StoredException(e, c.cancelled(), USER), c);
        assertEquals(List.of(c), changed, "the exception as stored, posted once");
        // every part re-rendered: the score is back, the recommendation active again, the row final
        assertEquals(before.score().score(), now().score().score());
        assertEquals(DashboardPart.fmt(before.score().score()), dashboard.score.getText());
        assertEquals(Row.Status.ACTIVE.label(), recommendations.shown().stream()
                .filter(r -> r.controlId().equals(top.controlId())).findFirst().orElseThrow().status().label());
        assertFalse(exceptions.edit.isEnabled());
        assertFalse(exceptions.cancel.isEnabled());
        assertNull(execute(EXCEPTIONS, WorkbenchIds.COMMAND_CANCEL_EXCEPTION, Map.of()), "not cancelled again");
        assertEquals(List.of(c), storedExceptions());
    }

    @Test
    void theDetailsCommandsStoreExactlyWhatTheirDialogsAskFor() throws Exception {
        Snapshot before = now();
        Row top = recommendations.shown().get(0);
        select(recommendations.table, 0);
        assertTrue(commands.get(DETAILS).canExecute(WorkbenchIds.COMMAND_SUBMIT_REQUEST));
        assertTrue(commands.get(DETAILS).canExecute(WorkbenchIds.COMMAND_CREATE_EXCEPTION));
        LocalDate due = LocalDate.now(ZoneOffset.UTC).plusDays(10);

        Instant from = Instant.now().truncatedTo(ChronoUnit.MICROS);
        join(drive(() -> execute(DETAILS, WorkbenchIds.COMMAND_SUBMIT_REQUEST, Map.of()), RequestDialog.class, d -> {
            assertEquals(top.title(), d.titleText.getText(), "the recommendation's title by default");
            d.titleText.setText("Patch it");
            choose(d.priority, "low");
            d.due.setDate(due.getYear(), due.getMonthValue() - 1, due.getDayOfMonth());
            d.notes.setText("via the command");
            button(d, "OK").notifyListeners(SWT.Selection, new Event());
        }, "Submit request"));
        waitFor(() -> activities.table.getItemCount() == 1, "the activity in the part");
        Instant to = Instant.now();
        Remediation r = stored().get(0);
        assertTrue(!r.created().isBefore(from) && !r.created().isAfter(to), r.created() + " in [" + from + ", " + to
                + "]");
        assertEquals(new Remediation(r.id(), "Patch it", top.controlId(), top.category(), Remediation.Scope.DEVICES,
                top.exposedDevices(), null, Remediation.Priority.LOW, due, "via the command", USER, r.created(),
                Remediation.Status.ACTIVE, null, null, top.exposedDevices().size(), 0, null, null, null, null), r);
        assertEquals(List.of(r), stored());

        join(drive(() -> execute(DETAILS, WorkbenchIds.COMMAND_CREATE_EXCEPTION, Map.of()), ExceptionDialog.class,
                d -> {
                    choose(d.justification, "Alternate mitigation (gives credit)");
                    choose(d.scope, "Global");
                    d.expires.setSelection(false);
                    d.notes.setText("segmented network");
                    button(d, "OK").notifyListeners(SWT.Selection, new Event());
                }, "Create exception"));
        waitFor(() -> exceptions.table.getItemCount() == 1 && now().row(top.controlId()).status()
                == Row.Status.EXCEPTION, "the exception in the part and the score");
        Instant after = Instant.now();
        List<StoredException> exceptionsStored = storedExceptions();
        assertEquals(1, exceptionsStored.size());
        ControlException e = exceptionsStored.get(0).exception();
        assertTrue(e.id().matches("ex-[0-9a-f]{8}"), e.id());
        assertTrue(!e.created().isBefore(to) && !e.created().isAfter(after), e.created() + " in [" + to + ", "
                + after + "]");
        assertEquals(new StoredException(new ControlException(e.id(), top.controlId(), ControlException.Scope.GLOBAL,
                null, Justification.ALTERNATE_MITIGATION, USER, e.created(), null, "segmented network"), null, null),
                exceptionsStored.get(0));
        assertEquals(List.of(e.id(), "active", top.controlId(), "global", "never", "alternate-mitigation", USER),
                cells(exceptions.table, 0).subList(0, 7));
        assertTrue(now().score().score() > before.score().score(), now().score().score() + " > "
                + before.score().score());
        assertEquals(DashboardPart.fmt(now().score().score()), dashboard.score.getText());
    }

    @Test
    void aChangeTheStoreRefusesIsShownAndWritesNothing() throws Exception {
        Row top = recommendations.shown().get(0);
        Remediation created = storeActivity(top);
        select(activities.table, 0);
        // cancelled elsewhere (the command line) since the part last loaded: the part still shows it active
        Remediation cancelled;
        try (AssessmentStore db = store()) {
            cancelled = db.cancelRemediation(created.id(), "someone", Instant.now());
        }
        assertTrue(activities.complete.isEnabled());

        Job job = (Job) execute(ACTIVITIES, WorkbenchIds.COMMAND_COMPLETE_ACTIVITY, Map.of());
        AtomicReference<Shell> dialog = new AtomicReference<>();
        drive(null, MessageDialog.class, m -> {
            assertEquals("Bulwark", m.getShell().getText());
            dialog.set(m.getShell());
            finish(job); // the job posts the dialog before it returns its status
            assertTrue(label(m.getShell(), job.getResult().getMessage() + "\n\nNothing was changed."),
                    "the error dialog shows why: " + job.getResult().getMessage());
            button(m, "OK").notifyListeners(SWT.Selection, new Event());
        }, "the refused change");
        assertTrue(dialog.get().isDisposed(), "closed");
        assertEquals(IStatus.ERROR, job.getResult().getSeverity());
        assertTrue(job.getResult().getMessage().startsWith("Activity #" + created.id() + " was not completed: "),
                job.getResult().getMessage());
        assertEquals(List.of(cancelled), stored(), "nothing written");
    }
}
