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
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.widgets.Shell;

import jakarta.inject.Named;

/**
 * "Cancel activity": after a confirmation, the selected activity, an active one, cancelled by the workbench's user
 * in a {@link ChangeJob}. Stateless.
 */
public class CancelActivityHandler {

    @CanExecute
    public boolean canExecute(@Optional @Named(WorkbenchIds.SELECTED_ACTIVITY) Remediation activity) {
        return Selections.active(activity);
    }

    /** @return the scheduled job, or {@code null} when nothing was asked for (or the confirmation declined) */
    @Execute
    public ChangeJob execute(@Optional @Named(WorkbenchIds.SELECTED_ACTIVITY) Remediation activity, Session session,
            UISynchronize sync, @Named(IServiceConstants.ACTIVE_SHELL) Shell shell) {
        if (!canExecute(activity) || !MessageDialog.openConfirm(shell, "Bulwark", "Cancel activity #"
                + activity.id() + "? It is no longer asked for, counted or completed; it stays listed as "
                + "cancelled.")) {
            return null;
        }
        long id = activity.id();
        return new ChangeJob(session, sync, shell, "Cancelling remediation activity #" + id,
                "Activity #" + id + " was not cancelled", WorkbenchTopics.ACTIVITIES_CHANGED,
                () -> session.backend().cancel(id, Session.user())).start();
    }
}
