package org.bulwark.ui.internal.handlers;

import java.util.Optional;

import org.bulwark.store.api.StoredException;
import org.bulwark.ui.internal.Session;
import org.bulwark.ui.internal.model.ExceptionRow;
import org.bulwark.ui.internal.parts.EditExceptionDialog;
import org.eclipse.swt.widgets.Shell;

/**
 * "Edit exception": the selected exception, an active one, edited in its dialog ({@code ExceptionEdit} checks the
 * form); the fields that changed are updated by the workbench's user, and the score follows from the reloaded
 * snapshot. Stateless.
 */
public class EditExceptionHandler extends ExceptionCommand {

    @Override
    Optional<Asked> ask(StoredException exception, Session session, Shell shell) {
        String id = exception.exception().id();
        ExceptionRow row = ExceptionRow.of(exception, Selections.at(session), session.current().devices());
        return new EditExceptionDialog(shell, row).openForResult().map(update -> new Asked("Updating exception "
                + id, "Exception " + id + " was not updated",
                () -> session.backend().updateException(id, update, Session.user())));
    }
}
