package org.bulwark.ui.internal.parts;

import java.util.Optional;

import org.bulwark.ui.internal.model.FormCheck;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.dialogs.TitleAreaDialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;

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

    /** @return the title area's title: what is edited, e.g. {@code Edit activity #3} */
    abstract String title();

    /** @return the title area's message: the edited entity and what may be changed */
    abstract String message();

    /** Creates the fields in {@code form} (a label and a field a line), each calling {@link #validate} on a change. */
    abstract void fill(Composite form);

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
    protected final Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        setTitle(title());
        setMessage(message());
        fill(form(area));
        return area;
    }

    @Override
    protected Control createContents(Composite parent) {
        Control c = super.createContents(parent);
        validate();
        return c;
    }

    /** @return the form in the dialog area {@code area}: a label and a field a line, within the dialog's margins */
    final Composite form(Composite area) {
        Composite c = new Composite(area, SWT.NONE);
        c.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        GridLayout cl = new GridLayout(2, false);
        cl.marginWidth = convertHorizontalDLUsToPixels(IDialogConstants.HORIZONTAL_MARGIN);
        cl.marginHeight = convertVerticalDLUsToPixels(IDialogConstants.VERTICAL_MARGIN);
        c.setLayout(cl);
        return c;
    }

    /**
     * @return a date field of {@code chars} characters, showing {@code hint} while empty and holding {@code text},
     *         first of a two-cell row (without margins) in {@code form}'s field column; the row is its parent
     */
    final Text dateField(Composite form, String hint, String text, int chars) {
        Composite row = new Composite(form, SWT.NONE);
        GridLayout rl = new GridLayout(2, false);
        rl.marginWidth = 0;
        rl.marginHeight = 0;
        row.setLayout(rl);
        Text t = new Text(row, SWT.BORDER);
        t.setMessage(hint);
        t.setText(text);
        GridData tg = new GridData(SWT.LEFT, SWT.CENTER, false, false);
        tg.widthHint = convertWidthInCharsToPixels(chars);
        t.setLayoutData(tg);
        return t;
    }

    /** @return the "Notes:" line of {@code form}, a text of several lines holding {@code notes} (none: empty) */
    final Text notesField(Composite form, String notes) {
        Label nl = new Label(form, SWT.NONE);
        nl.setText("Notes:");
        nl.setLayoutData(new GridData(SWT.LEFT, SWT.TOP, false, false));
        Text t = new Text(form, SWT.BORDER | SWT.MULTI | SWT.WRAP | SWT.V_SCROLL);
        t.setText(notes == null ? "" : notes);
        GridData ng = new GridData(SWT.FILL, SWT.FILL, true, true);
        ng.widthHint = convertWidthInCharsToPixels(60);
        ng.heightHint = convertHeightInCharsToPixels(4);
        t.setLayoutData(ng);
        return t;
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
