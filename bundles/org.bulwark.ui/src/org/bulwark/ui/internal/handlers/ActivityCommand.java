package org.bulwark.ui.internal.handlers;

import org.bulwark.store.api.Remediation;
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
 * A command on the activities part's selected activity ({@link WorkbenchIds#SELECTED_ACTIVITY}): it executes for
 * an active one only (completed and cancelled activities are final); the subclass asks what to change, and the
 * change runs in a {@link ChangeJob} posting to {@link WorkbenchTopics#ACTIVITIES_CHANGED}. Stateless.
 */
abstract class ActivityCommand {

    @CanExecute
    public boolean canExecute(@Optional @Named(WorkbenchIds.SELECTED_ACTIVITY) Remediation activity) {
        return activity != null && activity.status() == Remediation.Status.ACTIVE;
    }

    /** @return the scheduled job, or {@code null} when nothing was asked for */
    @Execute
    public ChangeJob execute(@Optional @Named(WorkbenchIds.SELECTED_ACTIVITY) Remediation activity, Session session,
            UISynchronize sync, @Named(IServiceConstants.ACTIVE_SHELL) Shell shell) {
        return canExecute(activity) ? Asked.start(ask(activity, session, shell), WorkbenchTopics.ACTIVITIES_CHANGED,
                session, sync, shell) : null;
    }

    /** @return the change to make to {@code activity}, or nothing when the user declined */
    abstract java.util.Optional<Asked> ask(Remediation activity, Session session, Shell shell);
}
