package org.bulwark.server.internal;

import java.nio.file.Path;

import org.bulwark.server.api.FleetServer;
import org.bulwark.store.api.AssessmentStore;
import org.bulwark.store.api.AssessmentStoreFactory;
import org.osgi.framework.BundleContext;
import org.osgi.util.tracker.ServiceTracker;

/** Inside {@link ServerChild}'s framework: opens the store and starts the server through their services. */
public final class ServerChildRun {

    private ServerChildRun() {
    }

    public static void run(BundleContext context, String data, String url) throws Exception {
        AssessmentStore store = service(context, AssessmentStoreFactory.class).open(url);
        FleetServer.Running running = service(context, FleetServer.class).start(store,
                new FleetServer.Settings("127.0.0.1", 0, Path.of(data), ServerFixture.MAX_UPLOAD, 8));
        System.out.println("PORT " + running.port());
        System.out.flush();
    }

    private static <T> T service(BundleContext context, Class<T> type) throws InterruptedException {
        ServiceTracker<T, T> tracker = new ServiceTracker<>(context, type, null);
        tracker.open();
        T s = tracker.waitForService(30_000);
        if (s == null) {
            throw new IllegalStateException("no " + type.getSimpleName() + " service in the child");
        }
        return s;
    }
}
