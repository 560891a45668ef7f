package org.bulwark.operations.internal;

import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

/** Looks up the services of the test runtime. */
final class OsgiServices {

    private OsgiServices() {
    }

    /** @return the service of {@code type}, waiting up to 10 s; fails the test when none appears */
    static <T> T get(Class<T> type) throws InterruptedException {
        BundleContext context = FrameworkUtil.getBundle(OsgiServices.class).getBundleContext();
        ServiceTracker<T, T> tracker = new ServiceTracker<>(context, type, null);
        tracker.open();
        T service = tracker.waitForService(10_000);
        if (service == null) {
            throw new AssertionError("no " + type.getName() + " service");
        }
        return service; // the tracker stays open for the life of the test runtime
    }
}
