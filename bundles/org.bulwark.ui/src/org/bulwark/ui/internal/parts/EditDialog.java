package org.bulwark.ui.internal.parts;

import java.util.Optional;

import org.bulwark.ui.internal.model.FormCheck;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.dialogs.TitleAreaDialog;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Shell;

/**
 * An edit dialog whose form is checked at every change ({@link FormCheck}): a mistake is shown in the title area
 * and OK stays disabled until the form is right and changes something, so nothing wrong is written.
 *
 * @param <U> the store's update value, the dialog's result
 */
abstract class EditDialog<U> extends TitleAreaDialog {

    private final String shellText;
    private FormCheck<U> check;
    private U result;

    EditDialog(Shell parent, String shellText) {
        super(parent);
        this.shellText = shellText;
    }

    /** @return the form checked now, or {@code null} while its widgets are being created */
    abstract FormCheck<U> check();

    /** Shows what the check says besides its error (e.g. a warning); nothing by default. */
    void show(FormCheck<U> c) {
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText(shellText);
    }

    @Override
    protected boolean isResizable() {
        return true;
    }

    @Override
    protected Control createContents(Composite parent) {
        Control c = super.createContents(parent);
        validate();
        return c;
    }

    /** Checks the form: shows what is wrong, enables OK only for a right change. */
    final void validate() {
        if (getButton(IDialogConstants.OK_ID) == null) {
            return; // still being created
        }
        FormCheck<U> c = check();
        if (c == null) {
            return;
        }
        check = c;
        show(c);
        setErrorMessage(c.error());
        getButton(IDialogConstants.OK_ID).setEnabled(c.changed());
    }

    /** @return the form's check as last made, or {@code null} before the first */
    FormCheck<U> checked() {
        return check;
    }

    /** @return what is wrong with the form, or {@code null} */
    String error() {
        return check == null ? null : check.error();
    }

    @Override
    protected void okPressed() {
        validate();
        if (check == null || !check.changed()) {
            return;
        }
        result = check.update();
        super.okPressed();
    }

    /** @return the update asked for, or nothing when the dialog was cancelled */
    public Optional<U> openForResult() {
        return open() == OK ? Optional.ofNullable(result) : Optional.empty();
    }
}
