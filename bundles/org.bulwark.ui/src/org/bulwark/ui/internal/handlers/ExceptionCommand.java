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
import org.eclipse.swt.widgets.Shell;

import jakarta.inject.Named;

/**
 * A command on the exceptions part's selected exception ({@link WorkbenchIds#SELECTED_EXCEPTION}): it executes
 * for an active one only (cancelled, expired and pending exceptions are not changed in the workbench), its status
 * taken at the snapshot's time as the part shows it; the subclass asks what to change, and the change runs in a
 * {@link ChangeJob} posting to {@link WorkbenchTopics#EXCEPTIONS_CHANGED}. Stateless.
 */
abstract class ExceptionCommand {

    @CanExecute
    public boolean canExecute(@Optional @Named(WorkbenchIds.SELECTED_EXCEPTION) StoredException exception,
            Session session) {
        return exception != null && exception.status(Selections.at(session)) == StoredException.Status.ACTIVE;
    }

    /** @return the scheduled job, or {@code null} when nothing was asked for */
    @Execute
    public ChangeJob execute(@Optional @Named(WorkbenchIds.SELECTED_EXCEPTION) StoredException exception,
            Session session, UISynchronize sync, @Named(IServiceConstants.ACTIVE_SHELL) Shell shell) {
        return canExecute(exception, session) ? Asked.start(ask(exception, session, shell),
                WorkbenchTopics.EXCEPTIONS_CHANGED, session, sync, shell) : null;
    }

    /** @return the change to make to {@code exception}, or nothing when the user declined */
    abstract java.util.Optional<Asked> ask(StoredException exception, Session session, Shell shell);
}
