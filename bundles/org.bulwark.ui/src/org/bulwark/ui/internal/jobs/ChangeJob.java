package org.bulwark.ui.internal.jobs;

import org.bulwark.ui.WorkbenchTopics;
import org.bulwark.ui.internal.Session;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.SubMonitor;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.widgets.Shell;

/**
 * One change a command asked for (a request, an exception, an activity's or an exception's change, an export),
 * off the UI thread: progress to the job's monitor and to {@link WorkbenchTopics#PROGRESS} (the status line), the
 * changed entity to its topic, then the snapshot reloaded so that every part re-renders. A failure is shown in an
 * error dialog through {@link UISynchronize}; nothing was changed then.
 */
public final class ChangeJob extends Job {

    /** The family of every change job, e.g. for tests to wait on. */
    public static final Object FAMILY = ChangeJob.class;

    /** The change itself; may block (the store). */
    @FunctionalInterface
    public interface Change {
        /** @return what changed, posted to the job's topic */
        Object run() throws Exception;
    }

    private final Session session;
    private final UISynchronize sync;
    private final Shell shell;
    private final String failure;
    private final String topic;
    private final Change change;

    /**
     * @param name    what it does, e.g. {@code Completing remediation activity #3}
     * @param failure the start of the error message, e.g. {@code Activity #3 was not completed}
     * @param topic   where the result of {@code change} is posted, or {@code null}
     */
    public ChangeJob(Session session, UISynchronize sync, Shell shell, String name, String failure, String topic,
            Change change) {
        super(name);
        this.session = session;
        this.sync = sync;
        this.shell = shell;
        this.failure = failure;
        this.topic = topic;
        this.change = change;
        setUser(true);
    }

    /** Schedules this job; returns it (a handler's result, which tests join). */
    public ChangeJob start() {
        schedule();
        return this;
    }

    @Override
    protected IStatus run(IProgressMonitor monitor) {
        SubMonitor progress = SubMonitor.convert(monitor, getName(), 2);
        session.broker().post(WorkbenchTopics.PROGRESS, getName() + "…");
        Object changed;
        try {
            changed = change.run();
        } catch (Exception e) {
            String message = failure + ": " + e.getMessage();
            session.broker().post(WorkbenchTopics.PROGRESS, message);
            sync.asyncExec(() -> {
                if (!shell.isDisposed()) {
                    MessageDialog.openError(shell, "Bulwark", message + "\n\nNothing was changed.");
                }
            });
            return Status.error(message, e);
        } finally {
            progress.worked(1);
        }
        if (topic != null && changed != null) {
            session.broker().post(topic, changed);
        }
        progress.subTask("Reloading the secure score");
        session.refresh();
        progress.worked(1);
        session.broker().post(WorkbenchTopics.PROGRESS, getName() + ": done.");
        return Status.OK_STATUS;
    }

    @Override
    public boolean belongsTo(Object family) {
        return family == FAMILY || family == LoadJob.FAMILY;
    }
}
