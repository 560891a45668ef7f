package org.bulwark.scoring.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.bulwark.collector.api.PlatformFacts;
import org.bulwark.collector.api.PlatformProbe;
import org.bulwark.collector.api.ProbedTarget;
import org.bulwark.scoring.api.Assessment;
import org.bulwark.scoring.api.AssessmentListener;
import org.bulwark.scoring.api.AssessmentRequest;
import org.bulwark.scoring.api.AssessmentService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceRegistration;

/**
 * Platform probes are a whiteboard of the assessment service: the Linux probe of {@code org.bulwark.linux} is
 * bound as a DS service, a probe registered later and ranked higher takes over from the next assessment on, and
 * a root no probe recognises is assessed with the problem said.
 */
class PlatformProbeOsgiTest {

    private final BundleContext context = FrameworkUtil.getBundle(PlatformProbeOsgiTest.class).getBundleContext();
    private AssessmentService service;

    @TempDir
    Path dir;

    @BeforeEach
    void service() throws InterruptedException {
        service = AssessmentServices.await(context);
    }

    private Assessment assess(Path root) throws InterruptedException {
        return service.assess(AssessmentRequest.of(root), AssessmentListener.NONE);
    }

    @Test
    void theLinuxProbeDescribesALinuxRoot() throws Exception {
        Path root = Files.createDirectories(dir.resolve("web-01/etc"));
        Files.writeString(root.resolve("machine-id"), "m-7\n");
        Files.writeString(root.resolve("hostname"), "web-01\n");
        Assessment a = assess(root.getParent());
        assertEquals("m-7", a.device().id());
        assertEquals("web-01", a.device().hostname());
        assertEquals("linux", a.platform().osFamily());
        assertEquals(false, a.live());
        assertEquals(List.of(), a.problems().stream().filter(p -> p.contains("probe")).toList());
    }

    @Test
    void aRootNoProbeRecognisesIsAssessedWithTheProblemSaid() throws Exception {
        Path root = Files.createDirectories(dir.resolve("empty"));
        Assessment a = assess(root);
        assertEquals("unknown", a.platform().osFamily());
        assertEquals("empty", a.device().hostname());
        assertEquals(List.of("no platform probe recognises " + root + " (asked: linux): the platform is unknown and"
                + " the device is identified by its root directory, empty"),
                a.problems().stream().filter(p -> p.contains("probe")).toList());
    }

    @Test
    void aHigherRankedProbeTakesOverAndLeaves() throws Exception {
        Path root = Files.createDirectories(dir.resolve("web-02/etc"));
        Files.writeString(root.resolve("machine-id"), "m-8\n");
        PlatformProbe container = new PlatformProbe() {
            @Override
            public String id() {
                return "container";
            }

            @Override
            public Optional<ProbedTarget> probe(Path r) {
                return Optional.of(new ProbedTarget(new PlatformFacts("linux", "alpine", "3.20", "Alpine", "amd64",
                        "ctr", "container-1"), false, List.of()));
            }
        };
        ServiceRegistration<PlatformProbe> reg = context.registerService(PlatformProbe.class, container,
                new Hashtable<>(Map.of(Constants.SERVICE_RANKING, 100)));
        try {
            assertEquals("container-1", assess(root.getParent()).device().id());
        } finally {
            reg.unregister();
        }
        assertEquals("m-8", assess(root.getParent()).device().id());
    }
}
