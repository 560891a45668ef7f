package org.bulwark.ui.internal.handlers;

import java.util.Optional;

import org.bulwark.ui.WorkbenchTopics;
import org.bulwark.ui.internal.Session;
import org.bulwark.ui.internal.model.Row;
import org.bulwark.ui.internal.parts.RequestDialog;
import org.eclipse.swt.widgets.Shell;

/**
 * "Submit request": a remediation activity for the shown recommendation's exposed devices, asked for in its
 * dialog and requested by the workbench's user; the activities part and the dashboard follow. Stateless.
 */
public class SubmitRequestHandler extends RecommendationCommand {

    @Override
    String topic() {
        return WorkbenchTopics.ACTIVITIES_CHANGED;
    }

    @Override
    Optional<Asked> ask(Row row, Session session, Shell shell) {
        return new RequestDialog(shell, row).openForResult().map(draft -> new Asked(
                "Submitting the remediation request", "The remediation request was not stored",
                () -> session.backend().submit(draft, Session.user())));
    }
}
