package org.bulwark.ui.internal.handlers;

import java.util.Optional;

import org.bulwark.store.api.Remediation;
import org.bulwark.ui.internal.Session;
import org.bulwark.ui.internal.parts.EditActivityDialog;
import org.eclipse.swt.widgets.Shell;

/**
 * "Edit activity": the selected activity, an active one, edited in its dialog ({@code ActivityEdit} checks the
 * form); the fields that changed are updated by the workbench's user. Stateless.
 */
public class EditActivityHandler extends ActivityCommand {

    @Override
    Optional<Asked> ask(Remediation activity, Session session, Shell shell) {
        long id = activity.id();
        return new EditActivityDialog(shell, activity).openForResult().map(update -> new Asked(
                "Updating remediation activity #" + id, "Activity #" + id + " was not updated",
                () -> session.backend().update(id, update, Session.user())));
    }
}
