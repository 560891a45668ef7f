package org.bulwark.ui.internal.parts;

import java.time.LocalDate;
import java.util.Optional;

import org.bulwark.ui.internal.model.Row;
import org.eclipse.jface.dialogs.Dialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.DateTime;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;

/**
 * A dialog that asks for a draft about one recommendation row (an exception, a remediation request): its title,
 * its result once OK was pressed on a right form, and the fields both kinds of draft have.
 *
 * @param <D> the draft asked for
 */
abstract class RowDialog<D> extends Dialog {

    final Row row;
    private final String shellText;
    private D result;

    RowDialog(Shell parent, Row row, String shellText) {
        super(parent);
        this.row = row;
        this.shellText = shellText;
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText(shellText);
    }

    /** @return a date field {@code days} from today after {@code check}, labelled {@code label} and selected */
    static DateTime optionalDate(Composite c, Button check, String label, int days) {
        check.setText(label);
        check.setSelection(true);
        DateTime date = new DateTime(c, SWT.DATE | SWT.DROP_DOWN);
        LocalDate d = LocalDate.now().plusDays(days);
        date.setDate(d.getYear(), d.getMonthValue() - 1, d.getDayOfMonth());
        return date;
    }

    /** @return the date of {@code date} if {@code check} is selected, else {@code null} */
    static LocalDate dateOrNull(Button check, DateTime date) {
        return check.getSelection() ? LocalDate.of(date.getYear(), date.getMonth() + 1, date.getDay()) : null;
    }

    /** @return the "Notes:" line of {@code c}, a text of several lines laid out as {@code layout} */
    static Text notesField(Composite c, GridData layout) {
        new Label(c, SWT.NONE).setText("Notes:");
        Text notes = new Text(c, SWT.BORDER | SWT.MULTI | SWT.WRAP);
        notes.setLayoutData(layout);
        return notes;
    }

    /** @return the notes written, {@code null} for none */
    static String notesOrNull(Text notes) {
        return notes.getText().isBlank() ? null : notes.getText();
    }

    /** Closes the dialog with {@code draft} as its result (from {@code okPressed}, once the form is right). */
    final void finish(D draft) {
        result = draft;
        super.okPressed();
    }

    /** @return the draft asked for, or nothing when the dialog was cancelled */
    public Optional<D> openForResult() {
        return super.open() == OK ? Optional.ofNullable(result) : Optional.empty();
    }
}
