package org.bulwark.ui.internal.parts;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;

import org.bulwark.operations.api.ExceptionDraft;
import org.bulwark.scoring.api.ControlException;
import org.bulwark.scoring.api.Justification;
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

/** "Create exception": justification, scope (everywhere, a device, a group) and expiry. */
public final class ExceptionDialog extends RowDialog<ExceptionDraft> {

    Combo justification;
    Combo scope;
    Text target;
    Button expires;
    DateTime expiry;
    Text notes;

    public ExceptionDialog(Shell parent, Row row) {
        super(parent, row, "Create exception for " + row.controlId());
    }

    @Override
    protected org.eclipse.swt.widgets.Control createDialogArea(Composite parent) {
        Composite c = (Composite) super.createDialogArea(parent);
        c.setLayout(new GridLayout(2, false));
        new Label(c, SWT.NONE).setText("Justification:");
        justification = new Combo(c, SWT.READ_ONLY);
        for (Justification j : Justification.values()) {
            justification.add(label(j) + (j.givesCredit() ? " (gives credit)" : " (no credit)"));
        }
        justification.select(0);
        new Label(c, SWT.NONE).setText("Scope:");
        scope = new Combo(c, SWT.READ_ONLY);
        for (ControlException.Scope s : ControlException.Scope.values()) {
            scope.add(label(s));
        }
        scope.select(ControlException.Scope.GLOBAL.ordinal());
        new Label(c, SWT.NONE).setText("Device id / group:");
        target = new Text(c, SWT.BORDER);
        target.setLayoutData(new GridData(300, SWT.DEFAULT));
        if (!row.exposedDevices().isEmpty()) {
            target.setText(row.exposedDevices().get(0));
        }
        expires = new Button(c, SWT.CHECK);
        expiry = optionalDate(c, expires, "Expires:", 90);
        notes = notesField(c, new GridData(300, 60));
        return c;
    }

    static String label(Enum<?> e) {
        String s = e.name().toLowerCase(Locale.ROOT).replace('_', ' ');
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    @Override
    protected void okPressed() {
        ControlException.Scope s = ControlException.Scope.values()[scope.getSelectionIndex()];
        String t = target.getText().trim();
        if (s != ControlException.Scope.GLOBAL && t.isEmpty()) {
            MessageDialog.openError(getShell(), "Create exception", "Scope " + label(s).toLowerCase(Locale.ROOT)
                    + " needs a device id or group name.");
            return;
        }
        LocalDate until = dateOrNull(expires, expiry);
        // the id is the operations' to give
        finish(new ExceptionDraft(null, row.controlId(), s, s == ControlException.Scope.GLOBAL ? null : t,
                Justification.values()[justification.getSelectionIndex()], until == null ? null : endOfDay(until),
                notesOrNull(notes)));
    }

    /** @return the end of {@code d}: the start of the next day, UTC */
    static Instant endOfDay(LocalDate d) {
        return d.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC);
    }
}
