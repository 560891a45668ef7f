package org.bulwark.ui.internal.handlers;

import org.bulwark.store.api.StoredException;
import org.bulwark.ui.WorkbenchIds;
import org.bulwark.ui.WorkbenchTopics;
import org.bulwark.ui.internal.Session;
import org.bulwark.ui.internal.jobs.ChangeJob;
import org.eclipse.e4.core.di.annotations.CanExecute;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.e4.ui.services.IServiceConstants;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.widgets.Shell;

import jakarta.inject.Named;

/**
 * "Cancel exception": after a confirmation, the selected exception, an active one, cancelled now by the
 * workbench's user in a {@link ChangeJob}; it stops counting, so the score and recommendations change. Stateless.
 */
public class CancelExceptionHandler {

    @CanExecute
    public boolean canExecute(@Optional @Named(WorkbenchIds.SELECTED_EXCEPTION) StoredException exception,
            Session session) {
        return Selections.active(exception, session);
    }

    /** @return the scheduled job, or {@code null} when nothing was asked for (or the confirmation declined) */
    @Execute
    public ChangeJob execute(@Optional @Named(WorkbenchIds.SELECTED_EXCEPTION) StoredException exception,
            Session session, UISynchronize sync, @Named(IServiceConstants.ACTIVE_SHELL) Shell shell) {
        if (!canExecute(exception, session)) {
            return null;
        }
        String id = exception.exception().id();
        if (!MessageDialog.openConfirm(shell, "Bulwark", "Cancel exception " + id + " ("
                + exception.exception().controlId() + ")? It stops counting now, so the score and recommendations "
                + "change; it stays listed as cancelled.")) {
            return null;
        }
        return new ChangeJob(session, sync, shell, "Cancelling exception " + id, "Exception " + id
                + " was not cancelled", WorkbenchTopics.EXCEPTIONS_CHANGED,
                () -> session.backend().cancelException(id, Session.user())).start();
    }
}
