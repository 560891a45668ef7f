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

/** "Mark complete": the selected activity, an active one, completed by hand in a {@link ChangeJob}. Stateless. */
public class CompleteActivityHandler {

    @CanExecute
    public boolean canExecute(@Optional @Named(WorkbenchIds.SELECTED_ACTIVITY) Remediation activity) {
        return Selections.active(activity);
    }

    /** @return the scheduled job, or {@code null} when nothing was asked for */
    @Execute
    public ChangeJob execute(@Optional @Named(WorkbenchIds.SELECTED_ACTIVITY) Remediation activity, Session session,
            UISynchronize sync, @Named(IServiceConstants.ACTIVE_SHELL) Shell shell) {
        if (!canExecute(activity)) {
            return null;
        }
        long id = activity.id();
        return new ChangeJob(session, sync, shell, "Completing remediation activity #" + id,
                "Activity #" + id + " was not completed", WorkbenchTopics.ACTIVITIES_CHANGED,
                () -> session.backend().complete(id)).start();
    }
}
