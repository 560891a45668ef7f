package org.bulwark.ui.internal.parts;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;

import org.bulwark.store.api.Remediation;
import org.bulwark.ui.WorkbenchTopics;
import org.bulwark.ui.internal.Session;
import org.bulwark.ui.internal.model.Snapshot;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.di.Focus;
import org.eclipse.e4.ui.di.UIEventTopic;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;

/**
 * Remediation activities: status, due date (overdue in red), progress (fixed/target devices), mark complete, edit
 * (title, priority, due date, notes; active activities only), cancel (after a confirmation), export to CSV.
 */
public class ActivitiesPart {

    private Session session;
    Table table;
    Button complete;
    Button edit;
    Button cancel;
    private Color overdue;
    private List<Remediation> activities = List.of();

    @PostConstruct
    public void create(Composite parent, Session session) {
        this.session = session;
        overdue = new Color(255, 215, 215);
        Composite root = new Composite(parent, SWT.NONE);
        root.setLayout(new GridLayout(4, false));
        table = new Table(root, SWT.BORDER | SWT.FULL_SELECTION | SWT.SINGLE);
        table.setHeaderVisible(true);
        table.setLinesVisible(true);
        table.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true, 4, 1));
        for (String[] col : new String[][] { { "#", "40" }, { "Activity", "220" }, { "Control", "150" },
                { "Priority", "70" }, { "Due", "100" }, { "Status", "90" }, { "Progress", "80" },
                { "Requester", "90" } }) {
            TableColumn tc = new TableColumn(table, SWT.NONE);
            tc.setText(col[0]);
            tc.setWidth(Integer.parseInt(col[1]));
        }
        complete = new Button(root, SWT.PUSH);
        complete.setText("Mark complete");
        complete.setEnabled(false); // until an active activity is selected, as edit and cancel
        complete.addListener(SWT.Selection, e -> {
            int i = table.getSelectionIndex();
            if (i >= 0) {
                markComplete(activities.get(i).id());
            }
        });
        edit = new Button(root, SWT.PUSH);
        edit.setText("Edit activity…");
        edit.setEnabled(false); // until an active activity is selected
        edit.addListener(SWT.Selection, e -> {
            Remediation r = selected();
            if (r != null && r.status() == Remediation.Status.ACTIVE) {
                new EditActivityDialog(root.getShell(), r).openForResult().ifPresent(u -> editActivity(r.id(), u));
            }
        });
        table.addListener(SWT.Selection, e -> enableEdit());
        cancel = new Button(root, SWT.PUSH);
        cancel.setText("Cancel activity");
        cancel.setEnabled(false);
        cancel.addListener(SWT.Selection, e -> {
            int i = table.getSelectionIndex();
            if (i >= 0 && MessageDialog.openConfirm(root.getShell(), "Bulwark", "Cancel activity #"
                    + activities.get(i).id() + "? It is no longer asked for, counted or completed; it stays listed "
                    + "as cancelled.")) {
                cancelActivity(activities.get(i).id());
            }
        });
        Button export = new Button(root, SWT.PUSH);
        export.setText("Export CSV…");
        export.addListener(SWT.Selection, e -> {
            FileDialog fd = new FileDialog(root.getShell(), SWT.SAVE);
            fd.setFileName("remediation-activities.csv");
            fd.setOverwrite(true);
            String file = fd.open();
            if (file != null) {
                Job.create("Exporting remediation activities", m -> {
                    try {
                        session.backend().exportActivities(Path.of(file));
                        return Status.OK_STATUS;
                    } catch (Exception x) {
                        root.getDisplay().asyncExec(() -> MessageDialog.openError(root.getShell(), "Bulwark",
                                "The CSV was not written: " + x.getMessage()));
                        return Status.error(x.getMessage(), x);
                    }
                }).schedule();
            }
        });
        root.addListener(SWT.Dispose, e -> overdue.dispose());
        Snapshot s = session.current();
        if (s != null) {
            show(s);
        } else {
            session.ensureLoaded();
        }
    }

    @Inject
    @Optional
    void onSnapshot(@UIEventTopic(WorkbenchTopics.SNAPSHOT) Snapshot snapshot) {
        if (table != null && !table.isDisposed()) {
            show(snapshot);
        }
    }

    /** Shows the activities of {@code s}, newest first; UI thread only. */
    public void show(Snapshot s) {
        Remediation was = selected();
        activities = new java.util.ArrayList<>(s.activities());
        java.util.Collections.reverse(activities);
        table.removeAll();
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        for (Remediation r : activities) {
            TableItem item = new TableItem(table, SWT.NONE);
            item.setText(new String[] { Long.toString(r.id()), r.title(), r.controlId(),
                    r.priority().name().toLowerCase(Locale.ROOT),
                    r.due() == null ? "attention required" : r.due().toString(),
                    r.status().name().toLowerCase(Locale.ROOT), r.fixedDevices() + "/" + r.targetDevices(),
                    r.requester() == null ? "" : r.requester() });
            if (r.status() == Remediation.Status.ACTIVE && r.due() != null && r.due().isBefore(today)) {
                item.setBackground(overdue);
            }
        }
        // the same activity stays selected across reloads (after an edit, for one)
        for (int i = 0; was != null && i < activities.size(); i++) {
            if (activities.get(i).id() == was.id()) {
                table.setSelection(i);
            }
        }
        enableEdit();
    }

    /** @return the selected activity, or {@code null} */
    private Remediation selected() {
        int i = table.getSelectionIndex();
        return i >= 0 && i < activities.size() ? activities.get(i) : null;
    }

    /** Completed and cancelled activities are final: only an active one can be completed, edited or cancelled. */
    private void enableEdit() {
        Remediation r = selected();
        boolean active = r != null && r.status() == Remediation.Status.ACTIVE;
        complete.setEnabled(active);
        edit.setEnabled(active);
        cancel.setEnabled(active);
    }

    /** @return the activities shown, newest first */
    public List<Remediation> activities() {
        return activities;
    }

    /** Marks activity {@code id} complete in a Job. */
    public Job markComplete(long id) {
        Job job = Job.create("Completing remediation activity #" + id, m -> {
            try {
                session.backend().complete(id);
            } catch (Exception x) {
                table.getDisplay().asyncExec(() -> MessageDialog.openError(table.getShell(), "Bulwark",
                        "Activity #" + id + " was not completed: " + x.getMessage()));
                return Status.error(x.getMessage(), x);
            }
            session.refresh();
            return Status.OK_STATUS;
        });
        job.schedule();
        return job;
    }

    /** Cancels activity {@code id} in a Job. */
    public Job cancelActivity(long id) {
        Job job = Job.create("Cancelling remediation activity #" + id, m -> {
            try {
                session.backend().cancel(id, user());
            } catch (Exception x) {
                table.getDisplay().asyncExec(() -> MessageDialog.openError(table.getShell(), "Bulwark",
                        "Activity #" + id + " was not cancelled: " + x.getMessage()));
                return Status.error(x.getMessage(), x);
            }
            session.refresh();
            return Status.OK_STATUS;
        });
        job.schedule();
        return job;
    }

    /**
     * Updates activity {@code id} in a Job: the fields {@code update} names (see {@code ActivityEdit}), by the
     * same user as a cancellation.
     */
    public Job editActivity(long id, Remediation.Update update) {
        Job job = Job.create("Updating remediation activity #" + id, m -> {
            try {
                session.backend().update(id, update, user());
            } catch (Exception x) {
                table.getDisplay().asyncExec(() -> {
                    if (!table.isDisposed()) {
                        MessageDialog.openError(table.getShell(), "Bulwark", "Activity #" + id
                                + " was not updated: " + x.getMessage());
                    }
                });
                return Status.error(x.getMessage(), x);
            }
            session.refresh();
            return Status.OK_STATUS;
        });
        job.schedule();
        return job;
    }

    /** @return who updates or cancels activities in this workbench: the user running it */
    static String user() {
        return System.getProperty("user.name", "workbench");
    }

    @Focus
    void focus() {
        table.setFocus();
    }
}
