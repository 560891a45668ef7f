package org.bulwark.ui.internal.jobs;

import java.util.Locale;

import org.bulwark.operations.api.AssessOutcome;
import org.bulwark.scoring.api.Assessment;
import org.bulwark.scoring.api.AssessmentListener;
import org.bulwark.scoring.api.CollectorRun;
import org.bulwark.ui.WorkbenchTopics;
import org.bulwark.ui.internal.Session;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.SubMonitor;
import org.eclipse.core.runtime.jobs.Job;

/**
 * Re-assesses this machine with the installed collectors (a collector plug-in that appeared since the last run is
 * used, one that left is not) and stores the assessment, through the operations' {@code Assessments}, then
 * publishes the new snapshot. Progress goes to the job's monitor and to {@link WorkbenchTopics#PROGRESS} (the
 * status line); cancelling interrupts the collectors.
 */
public final class ReassessJob extends Job {

    private final Session session;

    private static final int BEFORE = 0;
    private static final int ASSESSING = 1;
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
        // Cancelling interrupts this thread while it assesses, and only then (the store keeps its file work on
        // threads of its own, so the interrupt cannot reach them). A cancel is looked at as collection starts and as
        // each collector finishes, on this thread and before the assessment is stored, so one made while the
        // collectors run is never missed; the watchdog also interrupts collectors that hang. A cancel before the
        // assessment waits for it to start; one after it is too late (the assessment is stored).
        Runnable interruptIfCancelled = () -> {
            synchronized (lock) {
                if (phase[0] == ASSESSING && progress.isCanceled()) {
                    worker.interrupt();
                }
            }
        };
        Job watchdog = Job.create("cancel watch", m -> {
            while (!m.isCanceled()) {
                if (progress.isCanceled()) {
                    interruptIfCancelled.run();
                    synchronized (lock) {
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
            if (progress.isCanceled()) {
                throw new InterruptedException("cancelled");
            }
            synchronized (lock) {
                phase[0] = ASSESSING;
            }
            AssessOutcome outcome;
            try {
                outcome = session.backend().reassess(new AssessmentListener() {
                    @Override
                    public void started(int total) {
                        progress.setWorkRemaining(total + 1);
                        interruptIfCancelled.run();
                    }

                    @Override
                    public void collectorFinished(CollectorRun run, int done, int total) {
                        progress.subTask(run.collectorId());
                        progress.worked(1);
                        session.broker().post(WorkbenchTopics.PROGRESS, String.format(Locale.ROOT,
                                "Re-assessing: %d/%d collectors (%s)", done, total, run.collectorId()));
                        interruptIfCancelled.run();
                    }
                });
            } finally {
                synchronized (lock) {
                    phase[0] = AFTER;
                    Thread.interrupted();
                }
            }
            if (outcome.storeFailure() != null) {
                throw outcome.storeFailure();
            }
            Assessment a = outcome.assessment();
            progress.subTask("Scoring");
            session.publish(session.backend().load());
            session.broker().post(WorkbenchTopics.PROGRESS, String.format(Locale.ROOT, "Re-assessed %s: %.1f%s",
                    a.device().hostname(), a.score().score(), outcome.warnings().isEmpty() ? ""
                            : " (" + String.join("; ", outcome.warnings()) + ")"));
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
