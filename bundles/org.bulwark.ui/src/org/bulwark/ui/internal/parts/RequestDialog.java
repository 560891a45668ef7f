package org.bulwark.ui.internal.parts;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;

import org.bulwark.operations.api.ActivityDraft;
import org.bulwark.store.api.Remediation;
import org.bulwark.ui.internal.model.Row;
import org.eclipse.jface.dialogs.Dialog;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.DateTime;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;

/** "Submit request": due date, priority and notes for a remediation activity on the exposed devices. */
public final class RequestDialog extends Dialog {

    private final Row row;
    Text titleText;
    Button hasDue;
    DateTime due;
    Combo priority;
    Text notes;
    private ActivityDraft result;

    public RequestDialog(Shell parent, Row row) {
        super(parent);
        this.row = row;
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText("Submit remediation request");
    }

    @Override
    protected org.eclipse.swt.widgets.Control createDialogArea(Composite parent) {
        Composite c = (Composite) super.createDialogArea(parent);
        c.setLayout(new GridLayout(2, false));
        new Label(c, SWT.NONE).setText("Title:");
        titleText = new Text(c, SWT.BORDER);
        titleText.setText(row.title());
        titleText.setLayoutData(new GridData(400, SWT.DEFAULT));
        hasDue = new Button(c, SWT.CHECK);
        hasDue.setText("Due:");
        hasDue.setSelection(true);
        due = new DateTime(c, SWT.DATE | SWT.DROP_DOWN);
        LocalDate d = LocalDate.now().plusDays(14);
        due.setDate(d.getYear(), d.getMonthValue() - 1, d.getDayOfMonth());
        hasDue.addListener(SWT.Selection, e -> due.setEnabled(hasDue.getSelection()));
        new Label(c, SWT.NONE).setText("Priority:");
        priority = new Combo(c, SWT.READ_ONLY);
        for (Remediation.Priority p : Remediation.Priority.values()) {
            priority.add(p.name().toLowerCase(Locale.ROOT));
        }
        priority.select(1);
        new Label(c, SWT.NONE).setText("Notes:");
        notes = new Text(c, SWT.BORDER | SWT.MULTI | SWT.WRAP);
        GridData ng = new GridData(400, 60);
        notes.setLayoutData(ng);
        new Label(c, SWT.NONE).setText("Devices:");
        new Label(c, SWT.NONE).setText(row.exposedDevices().size() + " exposed device(s)");
        return c;
    }

    @Override
    protected void okPressed() {
        if (titleText.getText().isBlank()) {
            MessageDialog.openError(getShell(), "Submit remediation request", "The title is required.");
            return;
        }
        if (row.exposedDevices().isEmpty()) {
            MessageDialog.openError(getShell(), "Submit remediation request",
                    "No device is exposed: nothing to remediate.");
            return;
        }
        result = new ActivityDraft(titleText.getText().trim(), row.controlId(), Remediation.Scope.DEVICES,
                row.exposedDevices(), null, Remediation.Priority.values()[priority.getSelectionIndex()],
                hasDue.getSelection() ? LocalDate.of(due.getYear(), due.getMonth() + 1, due.getDay()) : null,
                notes.getText().isBlank() ? null : notes.getText());
        super.okPressed();
    }

    /** @return the activity asked for, or nothing when the dialog was cancelled */
    public Optional<ActivityDraft> openForResult() {
        return super.open() == OK ? Optional.ofNullable(result) : Optional.empty();
    }
}
