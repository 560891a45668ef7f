package org.bulwark.ui.internal.handlers;

import java.util.Optional;

import org.bulwark.store.api.Remediation;
import org.bulwark.ui.internal.Session;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.widgets.Shell;

/**
 * "Cancel activity": after a confirmation, the selected activity, an active one, cancelled by the workbench's
 * user. Stateless.
 */
public class CancelActivityHandler extends ActivityCommand {

    @Override
    Optional<Asked> ask(Remediation activity, Session session, Shell shell) {
        long id = activity.id();
        if (!MessageDialog.openConfirm(shell, "Bulwark", "Cancel activity #" + id + "? It is no longer asked for, "
                + "counted or completed; it stays listed as cancelled.")) {
            return Optional.empty();
        }
        return Optional.of(new Asked("Cancelling remediation activity #" + id, "Activity #" + id
                + " was not cancelled", () -> session.backend().cancel(id, Session.user())));
    }
}
