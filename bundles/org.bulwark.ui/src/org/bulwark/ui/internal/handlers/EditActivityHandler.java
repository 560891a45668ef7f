package org.bulwark.ui.internal.handlers;

import org.bulwark.store.api.Remediation;
import org.bulwark.ui.WorkbenchIds;
import org.bulwark.ui.WorkbenchTopics;
import org.bulwark.ui.internal.Session;
import org.bulwark.ui.internal.jobs.ChangeJob;
import org.bulwark.ui.internal.parts.EditActivityDialog;
import org.eclipse.e4.core.di.annotations.CanExecute;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.e4.ui.services.IServiceConstants;
import org.eclipse.swt.widgets.Shell;

import jakarta.inject.Named;

/**
 * "Edit activity": the selected activity, an active one, edited in its dialog ({@code ActivityEdit} checks the
 * form); the fields that changed are updated by the workbench's user in a {@link ChangeJob}. Stateless.
 */
public class EditActivityHandler {

    @CanExecute
    public boolean canExecute(@Optional @Named(WorkbenchIds.SELECTED_ACTIVITY) Remediation activity) {
        return Selections.active(activity);
    }

    /** @return the scheduled job, or {@code null} when nothing was asked for (or the dialog cancelled) */
    @Execute
    public ChangeJob execute(@Optional @Named(WorkbenchIds.SELECTED_ACTIVITY) Remediation activity, Session session,
            UISynchronize sync, @Named(IServiceConstants.ACTIVE_SHELL) Shell shell) {
        if (!canExecute(activity)) {
            return null;
        }
        long id = activity.id();
        return new EditActivityDialog(shell, activity).openForResult()
                .map(update -> new ChangeJob(session, sync, shell, "Updating remediation activity #" + id,
                        "Activity #" + id + " was not updated", WorkbenchTopics.ACTIVITIES_CHANGED,
                        () -> session.backend().update(id, update, Session.user())).start())
                .orElse(null);
    }
}
