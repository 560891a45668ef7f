package org.bulwark.ui.internal.parts;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

import org.bulwark.store.api.Remediation;
import org.bulwark.ui.WorkbenchIds;
import org.bulwark.ui.internal.Session;
import org.bulwark.ui.internal.model.Snapshot;
import org.eclipse.e4.ui.di.Focus;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;

import jakarta.annotation.PostConstruct;

/**
 * Remediation activities: status, due date (overdue in red), progress (fixed/target devices), and the buttons of
 * the commands mark complete, edit (title, priority, due date, notes), cancel (after a confirmation) for the
 * selected activity, an active one, and export to CSV. The selection is the part's context variable
 * {@link WorkbenchIds#SELECTED_ACTIVITY}.
 */
public class ActivitiesPart extends SnapshotPart {

    private PartCommands commands;
    Table table;
    Button complete;
    Button edit;
    Button cancel;
    private Color overdue;
    private List<Remediation> activities = List.of();

    @PostConstruct
    public void create(Composite parent, Session session, PartCommands commands) {
        this.commands = commands;
        overdue = new Color(255, 215, 215);
        Composite root = new Composite(parent, SWT.NONE);
        root.setLayout(new GridLayout(4, false));
        table = Tables.create(root, SWT.NONE, 4);
        showWhile(table);
        Tables.columns(table, new String[][] { { "#", "40" }, { "Activity", "220" }, { "Control", "150" },
                { "Priority", "70" }, { "Due", "100" }, { "Status", "90" }, { "Progress", "80" },
                { "Requester", "90" } });
        // each executes its command on the selected activity; enabled while its handler can execute (active only)
        complete = commands.button(root, "Mark complete", WorkbenchIds.COMMAND_COMPLETE_ACTIVITY);
        edit = commands.button(root, "Edit activity…", WorkbenchIds.COMMAND_EDIT_ACTIVITY);
        cancel = commands.button(root, "Cancel activity", WorkbenchIds.COMMAND_CANCEL_ACTIVITY);
        commands.button(root, "Export CSV…", WorkbenchIds.COMMAND_EXPORT_ACTIVITIES);
        table.addListener(SWT.Selection, e -> select());
        root.addListener(SWT.Dispose, e -> overdue.dispose());
        session.showOrLoad(this::show, this::select);
    }

    /** Shows the activities of {@code s}, newest first; UI thread only. */
    @Override
    public void show(Snapshot s) {
        Remediation was = selected();
        activities = new ArrayList<>(s.activities());
        Collections.reverse(activities);
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
        Tables.reselect(table, activities, was, Remediation::id);
        select();
    }

    /** @return the selected activity, or {@code null} */
    private Remediation selected() {
        int i = table.getSelectionIndex();
        return i >= 0 && i < activities.size() ? activities.get(i) : null;
    }

    /** Keeps the selected activity in the part's context, for the commands' handlers (and the buttons). */
    private void select() {
        commands.select(WorkbenchIds.SELECTED_ACTIVITY, selected());
    }

    /** @return the activities shown, newest first */
    public List<Remediation> activities() {
        return activities;
    }

    @Focus
    void focus() {
        table.setFocus();
    }
}
