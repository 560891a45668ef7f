package org.bulwark.collector.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.List;

import org.bulwark.collector.api.Collector;
import org.bulwark.collector.api.Observation;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;

/**
 * The collector TCK. Extend it in a test of your plug-in and name your collector:
 *
 * <pre>
 * class DockerDaemonCollectorContractTest extends CollectorContract {
 *     protected String collectorId() { return "docker.daemon"; }
 *     protected void prepareRoot(Path root) throws IOException {   // a target that has your files
 *         Files.createDirectories(root.resolve("etc/docker"));
 *         Files.writeString(root.resolve("etc/docker/daemon.json"), "{\"icc\": false}");
 *     }
 * }
 * </pre>
 *
 * In OSGi (a test fragment of your bundle, with Felix SCR in the test runtime) the collector is the
 * {@code Collector} service with that id, so the TCK also checks that its DS component activates. Outside
 * OSGi, override {@link #collector()} to return an instance, and the activation check is skipped.
 */
public abstract class CollectorContract {

    /** How long to wait for the collector service to appear. */
    protected static final Duration SERVICE_WAIT = Duration.ofSeconds(10);

    @TempDir
    Path root;

    /** @return the id of the collector under test */
    protected abstract String collectorId();

    /** Fills the target root with the files your collector reads; by default it stays empty. */
    protected void prepareRoot(Path root) throws IOException {
    }

    /** @return the time the collector is given for one run on the prepared root; 10 s by default */
    protected Duration budget() {
        return Duration.ofSeconds(10);
    }

    /** @return the collector under test: in OSGi the service with {@link #collectorId()} */
    protected Collector collector() throws Exception {
        return (Collector) context().getService(reference());
    }

    private static BundleContext context() {
        Bundle tck = FrameworkUtil.getBundle(CollectorContract.class);
        Assumptions.assumeTrue(tck != null && tck.getBundleContext() != null,
                "not running in OSGi: override collector()");
        return tck.getBundleContext();
    }

    /** The registered Collector service whose id is {@link #collectorId()}, waiting for it. */
    private ServiceReference<Collector> reference() throws Exception {
        BundleContext context = context();
        long end = System.nanoTime() + SERVICE_WAIT.toNanos();
        while (true) {
            for (ServiceReference<Collector> r : context.getServiceReferences(Collector.class, null)) {
                Collector c = context.getService(r);
                try {
                    if (c != null && collectorId().equals(c.id())) {
                        return r;
                    }
                } finally {
                    context.ungetService(r);
                }
            }
            if (System.nanoTime() > end) {
                fail("no Collector service with id '" + collectorId() + "' appeared within " + SERVICE_WAIT.toSeconds()
                        + " s: is the bundle started, and is its component satisfied?");
            }
            Thread.sleep(50);
        }
    }

    private Path preparedRoot() throws IOException {
        Path r = Files.createDirectories(root.resolve("target"));
        prepareRoot(r);
        return r;
    }

    @Test
    void componentActivates() throws Exception {
        ServiceReference<Collector> ref = reference();
        Object name = ref.getProperty("component.name");
        assertNotNull(name, collectorId() + " is registered, but not by Declarative Services (@Component)");
        BundleContext context = context();
        ServiceReference<ServiceComponentRuntime> scrRef = context.getServiceReference(ServiceComponentRuntime.class);
        assertNotNull(scrRef, "Felix SCR (ServiceComponentRuntime) must run in the test runtime");
        ServiceComponentRuntime scr = context.getService(scrRef);
        Collector c = context.getService(ref);
        try {
            assertNotNull(c, collectorId() + ": its component did not activate");
            ComponentDescriptionDTO d = scr.getComponentDescriptionDTO(ref.getBundle(), name.toString());
            assertNotNull(d, "no component description for " + name);
            Collection<ComponentConfigurationDTO> configurations = scr.getComponentConfigurationDTOs(d);
            ComponentConfigurationDTO mine = configurations.stream()
                    .filter(x -> Long.valueOf(x.id).equals(ref.getProperty("component.id"))).findFirst()
                    .orElseThrow(() -> new AssertionError("no configuration of " + name));
            assertEquals(ComponentConfigurationDTO.ACTIVE, mine.state,
                    collectorId() + ": component state " + mine.state + (mine.failure == null ? "" : ": " + mine.failure));
            assertEquals(collectorId(), c.id());
        } finally {
            context.ungetService(ref);
            context.ungetService(scrRef);
        }
    }

    @Test
    void declaresIdCategoryAndProvides() throws Exception {
        Collector c = collector();
        assertEquals(collectorId(), c.id());
        CollectorChecks.declaresIdCategoryAndProvides(c);
    }

    @Test
    void returnsWellFormedObservationsForThePreparedRoot() throws Exception {
        Collector c = collector();
        List<Observation> observations = CollectorChecks.collect(c, TestContext.of(preparedRoot(), budget()),
                budget().plus(CollectorChecks.GRACE));
        CollectorChecks.wellFormed(c, observations);
    }

    @Test
    void reportsAnEmptyRootWithObservationsNotAnException() throws Exception {
        Collector c = collector();
        Path empty = Files.createDirectories(root.resolve("empty"));
        List<Observation> observations = CollectorChecks.collect(c, TestContext.of(empty, budget()),
                budget().plus(CollectorChecks.GRACE));
        CollectorChecks.wellFormed(c, observations);
    }

    @Test
    void honoursTheDeadline() throws Exception {
        CollectorChecks.honoursTheDeadline(collector(), preparedRoot(), budget());
    }

    @Test
    void writesNothingUnderAReadOnlyRoot() throws Exception {
        Collector c = collector();
        CollectorChecks.wellFormed(c, CollectorChecks.writesNothing(c, preparedRoot(), budget()));
    }
}
