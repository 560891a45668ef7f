package org.bulwark.ui.internal;

import org.bulwark.ui.internal.jobs.ReassessJob;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.e4.core.di.annotations.CanExecute;
import org.eclipse.e4.core.di.annotations.Execute;

/** "Re-assess": schedules a {@link ReassessJob}, one at a time. Stateless. */
public class ReassessHandler {

    @CanExecute
    public boolean canExecute() {
        return Job.getJobManager().find(ReassessJob.class).length == 0;
    }

    @Execute
    public void execute(Session session) {
        if (canExecute()) {
            new ReassessJob(session).schedule();
        }
    }
}
