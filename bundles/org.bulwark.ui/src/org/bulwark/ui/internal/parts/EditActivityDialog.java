package org.bulwark.ui.internal.parts;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;

import org.bulwark.store.api.Remediation;
import org.bulwark.ui.internal.model.ActivityEdit;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;

/**
 * "Edit activity": the title, priority, due date (or none: "attention required") and notes of an active
 * remediation activity, filled with its current values. Every change is checked at once ({@link ActivityEdit}):
 * a mistake is shown in the dialog's title area and OK stays disabled, so nothing wrong is written.
 */
public final class EditActivityDialog extends EditDialog<Remediation.Update> {

    private final Remediation activity;
    Text title;
    Combo priority;
    Text due;
    Button noDue;
    Text notes;

    public EditActivityDialog(Shell parent, Remediation activity) {
        super(parent, "Edit remediation activity");
        this.activity = activity;
    }

    @Override
    String title() {
        return "Edit activity #" + activity.id();
    }

    @Override
    void fill(Composite c) {
        new Label(c, SWT.NONE).setText("Title:");
        title = new Text(c, SWT.BORDER);
        title.setText(activity.title());
        GridData tg = new GridData(SWT.FILL, SWT.CENTER, true, false);
        tg.widthHint = convertWidthInCharsToPixels(60);
        title.setLayoutData(tg);

        new Label(c, SWT.NONE).setText("Priority:");
        priority = new Combo(c, SWT.READ_ONLY);
        for (Remediation.Priority p : Remediation.Priority.values()) {
            priority.add(p.name().toLowerCase(Locale.ROOT));
        }
        priority.select(activity.priority().ordinal());

        new Label(c, SWT.NONE).setText("Due date:");
        due = dateField(c, "YYYY-MM-DD", activity.due() == null ? "" : activity.due().toString(), 14);
        noDue = new Button(due.getParent(), SWT.CHECK);
        noDue.setText("No due date (attention required)");
        noDue.setSelection(activity.due() == null);
        due.setEnabled(activity.due() != null);

        notes = notesField(c, activity.notes());

        title.addListener(SWT.Modify, e -> validate());
        priority.addListener(SWT.Selection, e -> validate());
        due.addListener(SWT.Modify, e -> validate());
        noDue.addListener(SWT.Selection, e -> {
            due.setEnabled(!noDue.getSelection());
            validate();
        });
        notes.addListener(SWT.Modify, e -> validate());
    }

    @Override
    String message() {
        return activity.controlId() + ": " + activity.fixedDevices() + "/" + activity.targetDevices()
                + " device(s) fixed" + (activity.requester() == null ? "" : ", requested by " + activity.requester())
                + ". Change the title, priority, due date or notes.";
    }

    @Override
    ActivityEdit check() {
        if (title == null) {
            return null; // still being created
        }
        return ActivityEdit.of(activity, title.getText(), Remediation.Priority.values()[priority.getSelectionIndex()],
                due.getText(), noDue.getSelection(), notes.getText(), LocalDate.now(ZoneOffset.UTC));
    }
}
