package org.bulwark.ui.internal.handlers;

import org.bulwark.ui.WorkbenchIds;
import org.bulwark.ui.WorkbenchTopics;
import org.bulwark.ui.internal.Session;
import org.bulwark.ui.internal.jobs.ChangeJob;
import org.bulwark.ui.internal.model.Row;
import org.bulwark.ui.internal.parts.RequestDialog;
import org.eclipse.e4.core.di.annotations.CanExecute;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.e4.ui.services.IServiceConstants;
import org.eclipse.swt.widgets.Shell;

import jakarta.inject.Named;

/**
 * "Submit request": a remediation activity for the shown recommendation's exposed devices, asked for in its dialog
 * and stored in a {@link ChangeJob}; the activities part and the dashboard follow. Stateless.
 */
public class SubmitRequestHandler {

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
        return new RequestDialog(shell, row).openForResult()
                .map(request -> new ChangeJob(session, sync, shell, "Submitting the remediation request",
                        "The remediation request was not stored", WorkbenchTopics.ACTIVITIES_CHANGED,
                        () -> session.backend().submit(request, Session.user())).start())
                .orElse(null);
    }
}
