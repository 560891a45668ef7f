package org.bulwark.ui.internal.handlers;

import org.bulwark.ui.WorkbenchIds;
import org.bulwark.ui.WorkbenchTopics;
import org.bulwark.ui.internal.Session;
import org.bulwark.ui.internal.jobs.ChangeJob;
import org.bulwark.ui.internal.model.Row;
import org.bulwark.ui.internal.parts.ExceptionDialog;
import org.eclipse.e4.core.di.annotations.CanExecute;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.e4.ui.services.IServiceConstants;
import org.eclipse.swt.widgets.Shell;

import jakarta.inject.Named;

/**
 * "Create exception": an exception for the shown recommendation's control, asked for in its dialog and stored in a
 * {@link ChangeJob}; the score and the recommendation's status follow. Stateless.
 */
public class CreateExceptionHandler {

    @CanExecute
    public boolean canExecute(@Optional @Named(WorkbenchIds.SELECTED_RECOMMENDATION) String controlId,
            Session session) {
        return Selections.row(session, controlId) != null;
    }

    /** @return the scheduled job, or {@code null} when nothing was asked for (or the dialog cancelled) */
    @Execute
    public ChangeJob execute(@Optional @Named(WorkbenchIds.SELECTED_RECOMMENDATION) String controlId,
            Session session, UISynchronize sync, @Named(IServiceConstants.ACTIVE_SHELL) Shell shell) {
        Row row = Selections.row(session, controlId);
        if (row == null) {
            return null;
        }
        return new ExceptionDialog(shell, row).openForResult()
                .map(exception -> new ChangeJob(session, sync, shell, "Creating the exception",
                        "The exception was not stored", WorkbenchTopics.EXCEPTIONS_CHANGED,
                        () -> session.backend().except(exception, Session.user())).start())
                .orElse(null);
    }
}
