package org.bulwark.ui.internal.jobs;

import org.bulwark.ui.internal.Session;
import org.bulwark.ui.internal.model.Snapshot;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;

/** Reads every device's latest results from the store and scores them, off the UI thread. */
public final class LoadJob extends Job {

    /** The family of every workbench job, e.g. for tests to wait on. */
    public static final Object FAMILY = LoadJob.class;

    private final Session session;

    public LoadJob(Session session) {
        super("Loading the secure score");
        this.session = session;
        setSystem(true);
    }

    @Override
    protected IStatus run(IProgressMonitor monitor) {
        Snapshot snapshot;
        try {
            snapshot = session.backend().load();
        } catch (RuntimeException e) {
            snapshot = Snapshot.empty("Loading the secure score failed: " + e.getMessage());
        }
        session.publish(snapshot);
        // the dashboard first, then the evidence of the stored reports for the details (parsing reports is slower)
        Snapshot withEvidence = session.backend().withStoredEvidence(snapshot);
        if (withEvidence != snapshot) {
            session.publish(withEvidence);
        }
        return Status.OK_STATUS;
    }

    @Override
    public boolean belongsTo(Object family) {
        return family == FAMILY;
    }
}
