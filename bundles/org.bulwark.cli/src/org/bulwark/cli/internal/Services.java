package org.bulwark.cli.internal;

import java.util.ArrayList;
import java.util.List;

import org.osgi.framework.BundleContext;
import org.osgi.util.tracker.ServiceTracker;

/**
 * The OSGi services commands use, looked up when first needed. The application is created by the Equinox
 * application container, not by DS, so it tracks services itself; every tracker is closed at the end.
 */
public class Services implements AutoCloseable {

    /** How long to wait for a service to appear while the runtime is starting. */
    private static final long WAIT_MS = 20_000;

    private final BundleContext context;
    private final List<ServiceTracker<?, ?>> trackers = new ArrayList<>();

    public Services(BundleContext context) {
        this.context = context;
    }

    /** @return the application's bundle context, for commands that inspect the runtime itself */
    public BundleContext context() {
        return context;
    }

    /**
     * @return the service of {@code type}, waiting up to 20 s for it to be registered
     * @throws CliException naming the service when none appears
     */
    public <T> T get(Class<T> type) {
        ServiceTracker<T, T> tracker = new ServiceTracker<>(context, type, null);
        tracker.open();
        trackers.add(tracker);
        try {
            T service = tracker.waitForService(WAIT_MS);
            if (service == null) {
                throw new CliException(ExitCodes.IO, "the " + type.getSimpleName()
                        + " service is not available in this runtime (is its bundle installed and started?)");
            }
            return service;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliException(ExitCodes.INTERNAL, "interrupted while waiting for " + type.getSimpleName());
        }
    }

    @Override
    public void close() {
        trackers.forEach(ServiceTracker::close);
    }
}
