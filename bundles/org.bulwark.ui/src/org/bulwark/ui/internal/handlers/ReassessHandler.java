package org.bulwark.ui.internal.handlers;

import org.bulwark.ui.internal.Session;
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

    /** @return the scheduled job, or {@code null} when one runs already */
    @Execute
    public Job execute(Session session) {
        if (!canExecute()) {
            return null;
        }
        Job job = new ReassessJob(session);
        job.schedule();
        return job;
    }
}
