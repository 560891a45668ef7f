package org.bulwark.ui.internal.jobs;

import java.util.function.Supplier;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.e4.core.services.events.IEventBroker;

/**
 * Computes what a part shows (a device's change timeline, the fleet's exposure) off the UI thread, and posts it to
 * the part's topic; the part shows it through {@code @UIEventTopic}. A system job of the workbench's family
 * ({@link LoadJob#FAMILY}). The computation reports its failures in what it returns, it does not throw.
 */
public final class PartJob extends Job {

    private final Supplier<?> compute;
    private final IEventBroker broker;
    private final String topic;

    /**
     * @param name    what the job does, e.g. "Computing the change timeline"
     * @param compute what to compute (may block: the store, the feeds)
     * @param topic   where to post its result
     */
    public PartJob(String name, Supplier<?> compute, IEventBroker broker, String topic) {
        super(name);
        this.compute = compute;
        this.broker = broker;
        this.topic = topic;
        setSystem(true);
    }

    @Override
    protected IStatus run(IProgressMonitor monitor) {
        if (monitor.isCanceled()) {
            return Status.CANCEL_STATUS;
        }
        broker.post(topic, compute.get());
        return Status.OK_STATUS;
    }

    @Override
    public boolean belongsTo(Object family) {
        return family == LoadJob.FAMILY;
    }
}
