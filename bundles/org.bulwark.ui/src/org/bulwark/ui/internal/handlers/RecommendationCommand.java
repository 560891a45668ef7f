package org.bulwark.ui.internal.handlers;

import org.bulwark.ui.WorkbenchIds;
import org.bulwark.ui.internal.Session;
import org.bulwark.ui.internal.jobs.ChangeJob;
import org.bulwark.ui.internal.model.Row;
import org.eclipse.e4.core.di.annotations.CanExecute;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.e4.ui.services.IServiceConstants;
import org.eclipse.swt.widgets.Shell;

import jakarta.inject.Named;

/**
 * A command on the recommendation the details part shows ({@link WorkbenchIds#SELECTED_RECOMMENDATION}): it
 * executes while that control is a recommendation of the current snapshot; the subclass asks what to store, and
 * it is stored in a {@link ChangeJob} posting to the subclass's topic. Stateless.
 */
abstract class RecommendationCommand {

    @CanExecute
    public boolean canExecute(@Optional @Named(WorkbenchIds.SELECTED_RECOMMENDATION) String controlId,
            Session session) {
        return Selections.row(session, controlId) != null;
    }

    /** @return the scheduled job, or {@code null} when nothing was asked for */
    @Execute
    public ChangeJob execute(@Optional @Named(WorkbenchIds.SELECTED_RECOMMENDATION) String controlId,
            Session session, UISynchronize sync, @Named(IServiceConstants.ACTIVE_SHELL) Shell shell) {
        Row row = Selections.row(session, controlId);
        return row == null ? null : Asked.start(ask(row, session, shell), topic(), session, sync, shell);
    }

    /** @return where the stored entity is posted */
    abstract String topic();

    /** @return what to store for {@code row}, or nothing when the user declined */
    abstract java.util.Optional<Asked> ask(Row row, Session session, Shell shell);
}
