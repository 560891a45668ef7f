package org.bulwark.ui.internal.handlers;

import java.util.Optional;

import org.bulwark.store.api.Remediation;
import org.bulwark.ui.internal.Session;
import org.eclipse.swt.widgets.Shell;

/** "Mark complete": the selected activity, an active one, completed by hand. Stateless. */
public class CompleteActivityHandler extends ActivityCommand {

    @Override
    Optional<Asked> ask(Remediation activity, Session session, Shell shell) {
        long id = activity.id();
        return Optional.of(new Asked("Completing remediation activity #" + id, "Activity #" + id
                + " was not completed", () -> session.backend().complete(id)));
    }
}
