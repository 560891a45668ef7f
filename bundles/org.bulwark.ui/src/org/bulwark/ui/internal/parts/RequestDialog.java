package org.bulwark.ui.internal.parts;

import java.util.Locale;

import org.bulwark.operations.api.ActivityDraft;
import org.bulwark.store.api.Remediation;
import org.bulwark.ui.internal.model.Row;
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
public final class RequestDialog extends RowDialog<ActivityDraft> {

    Text titleText;
    Button hasDue;
    DateTime due;
    Combo priority;
    Text notes;

    public RequestDialog(Shell parent, Row row) {
        super(parent, row, "Submit remediation request");
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
        due = optionalDate(c, hasDue, "Due:", 14);
        hasDue.addListener(SWT.Selection, e -> due.setEnabled(hasDue.getSelection()));
        new Label(c, SWT.NONE).setText("Priority:");
        priority = new Combo(c, SWT.READ_ONLY);
        for (Remediation.Priority p : Remediation.Priority.values()) {
            priority.add(p.name().toLowerCase(Locale.ROOT));
        }
        priority.select(1);
        notes = notesField(c, new GridData(400, 60));
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
        finish(new ActivityDraft(titleText.getText().trim(), row.controlId(), Remediation.Scope.DEVICES,
                row.exposedDevices(), null, Remediation.Priority.values()[priority.getSelectionIndex()],
                dateOrNull(hasDue, due), notesOrNull(notes)));
    }
}
