package org.bulwark.scoring.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.bulwark.collector.api.PlatformFacts;
import org.bulwark.collector.api.PlatformProbe;
import org.bulwark.collector.api.ProbedTarget;
import org.junit.jupiter.api.Test;

/** The probe whiteboard: ranking order, the first that recognises wins, failures contained, none said clearly. */
class PlatformProbesTest {

    private static final Path ROOT = Path.of("/mnt/images/web-01");
    private static final String ARCH = System.getProperty("os.arch", "unknown");

    private static PlatformFacts facts(String id) {
        return new PlatformFacts("linux", "debian", "12", "Debian", "amd64", "h-" + id, id);
    }

    /** A probe that recognises every root (or none), or throws. */
    private record Fixed(String id, boolean recognises, RuntimeException failure) implements PlatformProbe {
        @Override
        public Optional<ProbedTarget> probe(Path root) {
            if (failure != null) {
                throw failure;
            }
            return recognises ? Optional.of(new ProbedTarget(facts(id), true, List.of(id + " says hello")))
                    : Optional.empty();
        }
    }

    private final PlatformProbes probes = new PlatformProbes();

    @Test
    void noProbeInstalledIsSaidClearly() {
        String derived = UUID.nameUUIDFromBytes(("bulwark:root:" + ROOT).getBytes(StandardCharsets.UTF_8)).toString()
                .replace("-", "");
        assertEquals(new ProbedTarget(new PlatformFacts("unknown", "unknown", "", "unknown", ARCH, "web-01", derived),
                false, List.of("no platform probe is installed: the platform is unknown and the device is identified"
                        + " by its root directory, web-01")), probes.probe(ROOT));
    }

    @Test
    void theHighestRankedProbeThatRecognisesTheRootWins() {
        Fixed older = new Fixed("older", true, null);
        probes.add(new Fixed("low", true, null), 0, 5L);
        probes.add(new Fixed("high", true, null), 10, 9L);
        probes.add(older, 10, 7L);
        probes.add(new Fixed("never", false, null), 20, 1L);
        assertEquals(new ProbedTarget(facts("older"), true, List.of("older says hello")), probes.probe(ROOT));
        probes.remove(older);
        assertEquals("high", probes.probe(ROOT).platform().machineId());
        probes.add(new Fixed("unranked", true, null), null, 2L);
        assertEquals("high", probes.probe(ROOT).platform().machineId());
    }

    @Test
    void aFailingProbeIsNamedAndTheNextOneAsked() {
        probes.add(new Fixed("boom", false, new IllegalStateException("no /etc")), 5, 1L);
        probes.add(new Fixed("linux", true, null), 0, 2L);
        assertEquals(new ProbedTarget(facts("linux"), true, List.of(
                "platform probe boom failed: IllegalStateException: no /etc", "linux says hello")), probes.probe(ROOT));
    }

    @Test
    void noProbeRecognisingTheRootIsSaidClearly() {
        probes.add(new Fixed("linux", false, null), 0, 2L);
        probes.add(new Fixed("windows", false, null), 0, 3L);
        ProbedTarget t = probes.probe(ROOT);
        assertEquals(List.of("no platform probe recognises /mnt/images/web-01 (asked: linux, windows): the platform is"
                + " unknown and the device is identified by its root directory, web-01"), t.problems());
        assertEquals("unknown", t.platform().osFamily());
        assertEquals(false, t.live());
    }
}
