package org.bulwark.collector.tck;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.bulwark.collector.api.Collector;
import org.bulwark.testing.TestServices;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The whole TCK against a well-behaved collector registered as a service. It is not a DS component (a
 * fragment cannot carry one), so the activation check is replaced by the registration; the example plug-in
 * in {@code examples/} runs the full TCK on a DS component.
 */
class SampleCollectorContractTest extends CollectorContract {

    @RegisterExtension
    final TestServices services = new TestServices();

    @BeforeEach
    void register() {
        services.register(Collector.class, new SampleCollector()); // unregistered after each test
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
