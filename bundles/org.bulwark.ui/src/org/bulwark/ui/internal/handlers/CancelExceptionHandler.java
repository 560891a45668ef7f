package org.bulwark.ui.internal.handlers;

import java.util.Optional;

import org.bulwark.store.api.StoredException;
import org.bulwark.ui.internal.Session;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.widgets.Shell;

/**
 * "Cancel exception": after a confirmation, the selected exception, an active one, cancelled now by the
 * workbench's user; it stops counting, so the score and recommendations change. Stateless.
 */
public class CancelExceptionHandler extends ExceptionCommand {

    @Override
    Optional<Asked> ask(StoredException exception, Session session, Shell shell) {
        String id = exception.exception().id();
        if (!MessageDialog.openConfirm(shell, "Bulwark", "Cancel exception " + id + " ("
                + exception.exception().controlId() + ")? It stops counting now, so the score and recommendations "
                + "change; it stays listed as cancelled.")) {
            return Optional.empty();
        }
        return Optional.of(new Asked("Cancelling exception " + id, "Exception " + id + " was not cancelled",
                () -> session.backend().cancelException(id, Session.user())));
    }
}
