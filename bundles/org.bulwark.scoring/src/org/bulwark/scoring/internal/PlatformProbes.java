package org.bulwark.scoring.internal;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import org.bulwark.collector.api.PlatformFacts;
import org.bulwark.collector.api.PlatformProbe;
import org.bulwark.collector.api.ProbedTarget;

/**
 * The platform probes of the whiteboard, in a copy-on-write list that the assessment service's dynamic
 * reference updates. {@link #probe} takes one snapshot and asks the probes in service ranking order (highest
 * first, then the oldest service) until one recognises the root; a probe that throws is skipped and named.
 * Thread-safe.
 */
final class PlatformProbes {

    /** A registered probe with what orders it. */
    private record Tracked(PlatformProbe probe, int ranking, long serviceId) {
    }

    private static final Comparator<Tracked> ORDER = Comparator.comparingInt((Tracked t) -> -t.ranking())
            .thenComparingLong(Tracked::serviceId);

    private final List<Tracked> probes = new CopyOnWriteArrayList<>();

    void add(PlatformProbe probe, Object ranking, Object serviceId) {
        probes.add(new Tracked(probe, ranking instanceof Integer r ? r : 0,
                serviceId instanceof Long id ? id : Long.MAX_VALUE));
    }

    void remove(PlatformProbe probe) {
        probes.removeIf(t -> t.probe() == probe);
    }

    /**
     * @return what the first probe that recognises {@code root} found; when none does, an unknown platform (not
     *         live) whose device is named after the root directory, with a problem that says so
     */
    ProbedTarget probe(Path root) {
        List<Tracked> snapshot = new ArrayList<>(probes);
        snapshot.sort(ORDER);
        List<String> problems = new ArrayList<>();
        List<String> tried = new ArrayList<>();
        for (Tracked t : snapshot) {
            String id = id(t.probe());
            tried.add(id);
            try {
                Optional<ProbedTarget> found = t.probe().probe(root);
                if (found != null && found.isPresent()) {
                    List<String> all = new ArrayList<>(problems);
                    all.addAll(found.get().problems());
                    return new ProbedTarget(found.get().platform(), found.get().live(), all);
                }
            } catch (RuntimeException | LinkageError e) {
                problems.add("platform probe " + id + " failed: " + DefaultAssessmentService.describe(e));
            }
        }
        String name = root.getFileName() == null ? "localhost" : root.getFileName().toString();
        problems.add((snapshot.isEmpty() ? "no platform probe is installed"
                : "no platform probe recognises " + root + " (asked: " + String.join(", ", tried) + ")")
                + ": the platform is unknown and the device is identified by its root directory, " + name);
        String machineId = UUID.nameUUIDFromBytes(("bulwark:root:" + root).getBytes(StandardCharsets.UTF_8))
                .toString().replace("-", "");
        PlatformFacts unknown = new PlatformFacts("unknown", "unknown", "", "unknown",
                System.getProperty("os.arch", "unknown"), name, machineId);
        return new ProbedTarget(unknown, false, problems);
    }

    private static String id(PlatformProbe probe) {
        try {
            String id = probe.id();
            return id == null || id.isBlank() ? probe.getClass().getName() : id;
        } catch (RuntimeException e) {
            return probe.getClass().getName();
        }
    }
}
