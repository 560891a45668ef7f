package org.bulwark.ui.internal.parts;

import java.time.Instant;

import org.bulwark.scoring.api.ControlException;
import org.bulwark.scoring.api.Justification;
import org.bulwark.store.api.StoredException;
import org.bulwark.ui.internal.model.ExceptionEdit;
import org.bulwark.ui.internal.model.ExceptionRow;
import org.bulwark.ui.internal.model.FormCheck;
import org.eclipse.jface.dialogs.IMessageProvider;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;

/**
 * "Edit exception": the expiry (a date, the start of that day UTC, or never), justification and notes of an active
 * exception, filled with its current values. Every change is checked at once ({@link ExceptionEdit}): a mistake is
 * shown in the dialog's title area and OK stays disabled, so nothing wrong is written; an expiry in the past is
 * allowed (as the command line allows it) with a warning.
 */
public final class EditExceptionDialog extends EditDialog<StoredException.Update> {

    private final ExceptionRow row;
    Text expires;
    Combo justification;
    Text notes;

    public EditExceptionDialog(Shell parent, ExceptionRow row) {
        super(parent, "Edit exception");
        this.row = row;
    }

    @Override
    String title() {
        return "Edit exception " + row.stored().exception().id();
    }

    @Override
    void fill(Composite c) {
        ControlException e = row.stored().exception();
        new Label(c, SWT.NONE).setText("Expires:");
        expires = dateField(c, "YYYY-MM-DD or never", ExceptionEdit.text(e.expires()), 24);
        new Label(expires.getParent(), SWT.NONE).setText(ExceptionEdit.EXPIRY_FORMS);

        new Label(c, SWT.NONE).setText("Justification:");
        justification = new Combo(c, SWT.READ_ONLY);
        for (Justification j : Justification.values()) {
            justification.add(ExceptionDialog.label(j) + (j.givesCredit() ? " (gives credit)" : " (no credit)"));
        }
        justification.select(e.justification().ordinal());

        notes = notesField(c, e.notes());

        expires.addListener(SWT.Modify, ev -> validate());
        justification.addListener(SWT.Selection, ev -> validate());
        notes.addListener(SWT.Modify, ev -> validate());
    }

    @Override
    String message() {
        ControlException e = row.stored().exception();
        return e.controlId() + ", " + row.cell("Scope") + ", created " + ExceptionRow.when(e.created()) + " UTC by "
                + e.author() + ". Change the expiry, justification or notes.";
    }

    @Override
    ExceptionEdit check() {
        if (expires == null) {
            return null; // still being created
        }
        return ExceptionEdit.of(row.stored(), expires.getText(),
                Justification.values()[justification.getSelectionIndex()], notes.getText(), Instant.now());
    }

    /** A warning (an expiry in the past) in the title area, else the dialog's message. */
    @Override
    void show(FormCheck<StoredException.Update> c) {
        String warning = ((ExceptionEdit) c).warning();
        if (warning != null) {
            setMessage(warning, IMessageProvider.WARNING);
        } else {
            setMessage(message());
        }
    }

    /** @return the warning the dialog shows, or {@code null} */
    String warning() {
        return checked() == null ? null : ((ExceptionEdit) checked()).warning();
    }
}
