package org.bulwark.ui.internal.handlers;

import java.util.Optional;

import org.bulwark.ui.WorkbenchTopics;
import org.bulwark.ui.internal.Session;
import org.bulwark.ui.internal.model.Row;
import org.bulwark.ui.internal.parts.ExceptionDialog;
import org.eclipse.swt.widgets.Shell;

/**
 * "Create exception": an exception for the shown recommendation's control, asked for in its dialog and created by
 * the workbench's user (its id given by the operations); the score and the recommendation's status follow.
 * Stateless.
 */
public class CreateExceptionHandler extends RecommendationCommand {

    @Override
    String topic() {
        return WorkbenchTopics.EXCEPTIONS_CHANGED;
    }

    @Override
    Optional<Asked> ask(Row row, Session session, Shell shell) {
        return new ExceptionDialog(shell, row).openForResult().map(draft -> new Asked("Creating the exception",
                "The exception was not stored", () -> session.backend().except(draft, Session.user())));
    }
}
