package org.bulwark.ui.internal.parts;

import java.util.List;

import org.bulwark.store.api.StoredException;
import org.bulwark.ui.WorkbenchIds;
import org.bulwark.ui.internal.Session;
import org.bulwark.ui.internal.model.ExceptionRow;
import org.bulwark.ui.internal.model.Snapshot;
import org.eclipse.e4.ui.di.Focus;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;

import jakarta.annotation.PostConstruct;

/**
 * Every stored exception, newest first: id, status (active, pending, expired, cancelled; inactive ones greyed),
 * control, scope and target, expires, justification, author, created and notes, with who updated or cancelled the
 * selected one. The buttons of the commands edit (expiry, justification, notes) and cancel (after a confirmation)
 * the selected exception, an active one ({@link WorkbenchIds#SELECTED_EXCEPTION} in the part's context); the score
 * and recommendations follow from the reloaded snapshot.
 */
public class ExceptionsPart extends SnapshotPart {

    /**
     * What each column must show whole (its widest usual cell, or a width in pixels; the control column grows to
     * its longest id): the id, status, control, scope and expiry fit the part's default width (the left stack, 45%
     * of the window).
     */
    private static final Object[] FITS = { "ex-00000000", "cancelled", 200, 80, "0000-00-00 00:00",
            "alternate-mitigation", 80, "0000-00-00 00:00", 240 };

    /** The widest the control column grows to fit its ids. */
    private static final int MAX_CONTROL = 280;

    private PartCommands commands;
    Table table;
    Label audit;
    Button edit;
    Button cancel;
    private List<ExceptionRow> rows = List.of();

    @PostConstruct
    public void create(Composite parent, Session session, PartCommands commands) {
        this.commands = commands;
        Composite root = new Composite(parent, SWT.NONE);
        root.setLayout(new GridLayout(2, false));
        table = Tables.create(root, SWT.NONE, 2);
        showWhile(table);
        GC gc = new GC(table);
        try {
            int pad = gc.textExtent("MM").x; // the cell's margins
            for (int i = 0; i < ExceptionRow.COLUMNS.size(); i++) {
                TableColumn tc = new TableColumn(table, SWT.NONE);
                tc.setText(ExceptionRow.COLUMNS.get(i));
                tc.setWidth(FITS[i] instanceof Integer px ? px : Math.max(gc.textExtent((String) FITS[i]).x,
                        gc.textExtent(tc.getText()).x) + pad);
            }
        } finally {
            gc.dispose();
        }
        audit = new Label(root, SWT.NONE);
        audit.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));
        // each executes its command on the selected exception; enabled while its handler can execute (active only)
        edit = commands.button(root, "Edit exception…", WorkbenchIds.COMMAND_EDIT_EXCEPTION);
        cancel = commands.button(root, "Cancel exception", WorkbenchIds.COMMAND_CANCEL_EXCEPTION);
        table.addListener(SWT.Selection, e -> enableEdit());
        session.showOrLoad(this::show, this::enableEdit);
    }

    /** Shows the exceptions of {@code s}, newest first; UI thread only. */
    @Override
    public void show(Snapshot s) {
        ExceptionRow was = selected();
        rows = ExceptionRow.of(s);
        table.removeAll();
        Color inactive = table.getDisplay().getSystemColor(SWT.COLOR_WIDGET_DISABLED_FOREGROUND);
        for (ExceptionRow r : rows) {
            TableItem item = new TableItem(table, SWT.NONE);
            item.setText(r.cells().toArray(String[]::new));
            if (r.status() != StoredException.Status.ACTIVE) {
                item.setForeground(inactive);
            }
        }
        fitControls();
        Tables.reselect(table, rows, was, ExceptionRow::id);
        enableEdit();
    }

    /** Widens the control column to the longest control id shown, up to {@link #MAX_CONTROL} pixels. */
    private void fitControls() {
        TableColumn column = table.getColumn(ExceptionRow.COLUMNS.indexOf("Control"));
        GC gc = new GC(table);
        try {
            int need = 0;
            for (ExceptionRow r : rows) {
                need = Math.max(need, gc.textExtent(r.cell("Control")).x + gc.textExtent("MM").x);
            }
            if (need > column.getWidth()) {
                column.setWidth(Math.min(need, MAX_CONTROL));
            }
        } finally {
            gc.dispose();
        }
    }

    /** @return the selected exception, or {@code null} */
    private ExceptionRow selected() {
        int i = table.getSelectionIndex();
        return i >= 0 && i < rows.size() ? rows.get(i) : null;
    }

    /**
     * Keeps the selected exception in the part's context, for the commands' handlers (which enable the buttons:
     * cancelled, expired and pending exceptions cannot be edited nor cancelled here), and shows who changed it.
     */
    private void enableEdit() {
        ExceptionRow r = selected();
        commands.select(WorkbenchIds.SELECTED_EXCEPTION, r == null ? null : r.stored());
        audit.setText(r == null ? "" : r.audit());
        audit.getParent().layout(new Control[] { audit });
    }

    /** @return the exceptions shown, newest first */
    public List<ExceptionRow> exceptions() {
        return rows;
    }

    @Focus
    void focus() {
        table.setFocus();
    }
}
