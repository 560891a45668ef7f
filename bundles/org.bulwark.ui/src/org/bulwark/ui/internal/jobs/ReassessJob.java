package org.bulwark.ui.internal.jobs;

import java.util.List;
import java.util.Locale;

import org.bulwark.scoring.api.Assessment;
import org.bulwark.scoring.api.AssessmentListener;
import org.bulwark.scoring.api.CollectorRun;
import org.bulwark.scoring.api.ControlException;
import org.bulwark.ui.WorkbenchTopics;
import org.bulwark.ui.internal.Session;
import org.bulwark.ui.internal.model.Snapshot;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.SubMonitor;
import org.eclipse.core.runtime.jobs.Job;

/**
 * Re-assesses this machine with the installed collectors (a collector plug-in that appeared since the last run is
 * used, one that left is not), stores the assessment and publishes the new snapshot. Progress goes to the job's
 * monitor and to {@link WorkbenchTopics#PROGRESS} (the status line); cancelling interrupts the collectors.
 */
public final class ReassessJob extends Job {

    private final Session session;

    private static final int BEFORE = 0;
    private static final int COLLECTING = 1;
    private static final int AFTER = 2;

    public ReassessJob(Session session) {
        super("Re-assessing this device");
        this.session = session;
        setUser(true);
    }

    @Override
    protected IStatus run(IProgressMonitor monitor) {
        SubMonitor progress = SubMonitor.convert(monitor, "Collecting", 100);
        Thread worker = Thread.currentThread();
        Object lock = new Object();
        int[] phase = { BEFORE }; // guarded by lock
        // The collectors run on the assessment service's executor while this thread waits for them: cancelling
        // interrupts this thread then, and only then (an interrupt must never reach the store's file channels,
        // which the reads before and the writes after the collection use). A cancel before the collection waits
        // for it to start; one after it is seen by the check that follows the collection.
        Job watchdog = Job.create("cancel watch", m -> {
            while (!m.isCanceled()) {
                if (progress.isCanceled()) {
                    synchronized (lock) {
                        if (phase[0] == COLLECTING) {
                            worker.interrupt();
                        }
                        if (phase[0] != BEFORE) {
                            return Status.OK_STATUS;
                        }
                    }
                }
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    return Status.OK_STATUS;
                }
            }
            return Status.OK_STATUS;
        });
        watchdog.setSystem(true);
        watchdog.schedule();
        try {
            session.broker().post(WorkbenchTopics.PROGRESS, "Re-assessing: starting collectors…");
            List<ControlException> exceptions = session.backend().exceptionsInForce();
            if (progress.isCanceled()) {
                throw new InterruptedException("cancelled");
            }
            synchronized (lock) {
                phase[0] = COLLECTING;
            }
            Assessment collected;
            try {
                collected = session.backend().assess(exceptions, new AssessmentListener() {
                    @Override
                    public void started(int total) {
                        progress.setWorkRemaining(total + 1);
                    }

                    @Override
                    public void collectorFinished(CollectorRun run, int done, int total) {
                        progress.subTask(run.collectorId());
                        progress.worked(1);
                        session.broker().post(WorkbenchTopics.PROGRESS, String.format(Locale.ROOT,
                                "Re-assessing: %d/%d collectors (%s)", done, total, run.collectorId()));
                    }
                });
            } finally {
                synchronized (lock) {
                    phase[0] = AFTER;
                    Thread.interrupted();
                }
            }
            if (progress.isCanceled()) {
                throw new InterruptedException("cancelled");
            }
            Assessment a = session.backend().store(collected);
            progress.subTask("Scoring");
            Snapshot snapshot = session.backend().load();
            session.publish(snapshot);
            session.broker().post(WorkbenchTopics.PROGRESS, String.format(Locale.ROOT,
                    "Re-assessed %s: %.1f", a.device().hostname(), a.score().score()));
            return Status.OK_STATUS;
        } catch (InterruptedException e) {
            Thread.interrupted();
            session.broker().post(WorkbenchTopics.PROGRESS, "Re-assessment cancelled; nothing was stored.");
            return Status.CANCEL_STATUS;
        } catch (Exception e) {
            session.broker().post(WorkbenchTopics.PROGRESS, "Re-assessment failed: " + e.getMessage());
            return Status.error("Re-assessment failed: " + e.getMessage()
                    + ". Check the data directory and the log; the previous score is still shown.", e);
        } finally {
            watchdog.cancel();
            monitor.done();
        }
    }

    @Override
    public boolean belongsTo(Object family) {
        return family == LoadJob.FAMILY || family == ReassessJob.class;
    }
}
