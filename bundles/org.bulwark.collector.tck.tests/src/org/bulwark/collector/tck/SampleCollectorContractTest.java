package org.bulwark.collector.tck;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.bulwark.collector.api.Collector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceRegistration;

/**
 * The whole TCK against a well-behaved collector registered as a service. It is not a DS component (a
 * fragment cannot carry one), so the activation check is replaced by the registration; the example plug-in
 * in {@code examples/} runs the full TCK on a DS component.
 */
class SampleCollectorContractTest extends CollectorContract {

    private final BundleContext context = FrameworkUtil.getBundle(SampleCollectorContractTest.class)
            .getBundleContext();
    private ServiceRegistration<Collector> registration;

    @BeforeEach
    void register() {
        registration = context.registerService(Collector.class, new SampleCollector(), null);
    }

    @AfterEach
    void unregister() {
        registration.unregister();
    }

    @Override
    protected String collectorId() {
        return "sample";
    }

    @Override
    protected void prepareRoot(Path root) throws IOException {
        Files.createDirectories(root.resolve("etc"));
        Files.writeString(root.resolve("etc/sample.conf"), "# sample\nenabled=yes\n");
    }

    @Override
    void componentActivates() {
        // Not a DS component: see the class comment.
    }
}
