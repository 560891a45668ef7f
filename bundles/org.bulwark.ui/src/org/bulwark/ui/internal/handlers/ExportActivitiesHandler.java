package org.bulwark.ui.internal.handlers;

import java.nio.file.Path;

import org.bulwark.ui.WorkbenchIds;
import org.bulwark.ui.internal.Session;
import org.bulwark.ui.internal.jobs.ChangeJob;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.e4.ui.services.IServiceConstants;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Shell;

import jakarta.inject.Named;

/**
 * "Export CSV": every remediation activity written to the file of the command's {@link WorkbenchIds#PARAMETER_FILE}
 * parameter, else to the one a save dialog asks for, in a {@link ChangeJob} (the file replaced atomically).
 * Stateless.
 */
public class ExportActivitiesHandler {

    /** @return the scheduled job, or {@code null} when no file was chosen */
    @Execute
    public ChangeJob execute(@Optional @Named(WorkbenchIds.PARAMETER_FILE) String file, Session session,
            UISynchronize sync, @Named(IServiceConstants.ACTIVE_SHELL) Shell shell) {
        String target = file;
        if (target == null || target.isBlank()) {
            FileDialog fd = new FileDialog(shell, SWT.SAVE);
            fd.setFileName("remediation-activities.csv");
            fd.setOverwrite(true);
            target = fd.open();
        }
        if (target == null) {
            return null;
        }
        Path path = Path.of(target);
        return new ChangeJob(session, sync, shell, "Exporting remediation activities to " + path.getFileName(),
                "The CSV was not written", null, () -> session.backend().exportActivities(path)).start();
    }
}
