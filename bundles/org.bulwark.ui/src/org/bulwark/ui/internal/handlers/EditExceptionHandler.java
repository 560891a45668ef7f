package org.bulwark.ui.internal.handlers;

import org.bulwark.store.api.StoredException;
import org.bulwark.ui.WorkbenchIds;
import org.bulwark.ui.WorkbenchTopics;
import org.bulwark.ui.internal.Session;
import org.bulwark.ui.internal.jobs.ChangeJob;
import org.bulwark.ui.internal.model.ExceptionRow;
import org.bulwark.ui.internal.parts.EditExceptionDialog;
import org.eclipse.e4.core.di.annotations.CanExecute;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.e4.ui.services.IServiceConstants;
import org.eclipse.swt.widgets.Shell;

import jakarta.inject.Named;

/**
 * "Edit exception": the selected exception, an active one, edited in its dialog ({@code ExceptionEdit} checks the
 * form); the fields that changed are updated by the workbench's user in a {@link ChangeJob}, and the score follows
 * from the reloaded snapshot. Stateless.
 */
public class EditExceptionHandler {

    @CanExecute
    public boolean canExecute(@Optional @Named(WorkbenchIds.SELECTED_EXCEPTION) StoredException exception,
            Session session) {
        return Selections.active(exception, session);
    }

    /** @return the scheduled job, or {@code null} when nothing was asked for (or the dialog cancelled) */
    @Execute
    public ChangeJob execute(@Optional @Named(WorkbenchIds.SELECTED_EXCEPTION) StoredException exception,
            Session session, UISynchronize sync, @Named(IServiceConstants.ACTIVE_SHELL) Shell shell) {
        if (!canExecute(exception, session)) {
            return null;
        }
        String id = exception.exception().id();
        ExceptionRow row = ExceptionRow.of(exception, Selections.at(session), session.current().devices());
        return new EditExceptionDialog(shell, row).openForResult()
                .map(update -> new ChangeJob(session, sync, shell, "Updating exception " + id,
                        "Exception " + id + " was not updated", WorkbenchTopics.EXCEPTIONS_CHANGED,
                        () -> session.backend().updateException(id, update, Session.user())).start())
                .orElse(null);
    }
}
