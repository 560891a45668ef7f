package org.bulwark.ui.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.bulwark.benchmark.api.BenchmarkRegistry;
import org.bulwark.operations.api.Assessments;
import org.bulwark.operations.api.EntityCsv;
import org.bulwark.operations.api.ExceptionOperations;
import org.bulwark.operations.api.FileOutput;
import org.bulwark.operations.api.Location;
import org.bulwark.operations.api.Locations;
import org.bulwark.operations.api.RecommendationRows;
import org.bulwark.operations.api.RemediationOperations;
import org.bulwark.operations.api.VulnerabilityOperations;
import org.bulwark.scoring.api.AssessmentListener;
import org.bulwark.scoring.api.ScoringService;
import org.bulwark.ui.internal.model.Backend;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

/**
 * Sessions for tests: the real OSGi services of the test runtime (the operations layer among them), a temporary
 * store and a fixture root.
 */
public final class TestSessions implements AutoCloseable {

    private final List<ServiceTracker<?, ?>> trackers = new ArrayList<>();

    private <T> T service(Class<T> type) throws InterruptedException {
        BundleContext context = FrameworkUtil.getBundle(Session.class).getBundleContext();
        ServiceTracker<T, T> t = new ServiceTracker<>(context, type, null);
        t.open();
        trackers.add(t);
        T s = t.waitForService(20_000);
        if (s == null) {
            throw new IllegalStateException(type.getSimpleName() + " is not registered in the test runtime");
        }
        return s;
    }

    public Session open(TestBroker broker, Path data, Path root) throws InterruptedException {
        Session s = new Session(broker, new Location(data, null), root);
        s.locations = service(Locations.class);
        s.assessments = service(Assessments.class);
        s.exceptions = service(ExceptionOperations.class);
        s.remediations = service(RemediationOperations.class);
        s.rows = service(RecommendationRows.class);
        s.csv = service(EntityCsv.class);
        s.files = service(FileOutput.class);
        s.scoring = service(ScoringService.class);
        s.registry = service(BenchmarkRegistry.class);
        s.vulnerabilities = service(VulnerabilityOperations.class);
        return s;
    }

    /**
     * @return the backend of a session without events on a store in {@code dir/data}, after one assessment of a
     *         Debian 12 fixture root in {@code dir/root} (only its {@code /etc/os-release})
     */
    public Backend assessedBackend(Path dir) throws Exception {
        Path root = dir.resolve("root");
        Files.createDirectories(root.resolve("etc"));
        Files.writeString(root.resolve("etc/os-release"), "ID=debian\nVERSION_ID=\"12\"\n");
        Backend backend = open(new TestBroker(null), dir.resolve("data"), root).backend();
        backend.reassess(AssessmentListener.NONE);
        return backend;
    }

    @Override
    public void close() {
        trackers.forEach(ServiceTracker::close);
    }
}
