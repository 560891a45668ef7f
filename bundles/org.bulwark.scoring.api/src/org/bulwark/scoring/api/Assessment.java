package org.bulwark.scoring.api;

import java.time.Instant;
import java.util.List;

import org.bulwark.collector.api.PlatformFacts;
import org.bulwark.collector.api.inventory.SoftwareInventory;

/**
 * A complete assessment of one device: what ran, every result with its evidence, the score and the
 * recommendations.
 *
 * @param device          the device
 * @param platform        the platform facts collectors saw
 * @param root            the assessed filesystem root, as given
 * @param live            whether the running system was assessed
 * @param started         when collection started
 * @param finished        when scoring finished
 * @param benchmarks      the content used
 * @param collectors      how each collector did
 * @param controls        every selected control with its result, in content order
 * @param score           the score (a fleet of one)
 * @param recommendations by descending impact
 * @param exceptions      the exceptions that were applied
 * @param problems        content problems seen while loading (rejected files, id clashes)
 * @param software        the installed software, one inventory per inventory provider that ran (each says
 *                        whether it could be read); empty when no provider is registered
 */
public record Assessment(Device device, PlatformFacts platform, String root, boolean live, Instant started,
        Instant finished, List<BenchmarkInfo> benchmarks, List<CollectorRun> collectors,
        List<AssessedControl> controls, FleetScore score, List<Recommendation> recommendations,
        List<ControlException> exceptions, List<String> problems, List<SoftwareInventory> software) {

    /** An assessment without a software inventory (no inventory provider ran). */
    public Assessment(Device device, PlatformFacts platform, String root, boolean live, Instant started,
            Instant finished, List<BenchmarkInfo> benchmarks, List<CollectorRun> collectors,
            List<AssessedControl> controls, FleetScore score, List<Recommendation> recommendations,
            List<ControlException> exceptions, List<String> problems) {
        this(device, platform, root, live, started, finished, benchmarks, collectors, controls, score,
                recommendations, exceptions, problems, List.of());
    }

    public Assessment {
        benchmarks = List.copyOf(benchmarks);
        collectors = List.copyOf(collectors);
        controls = List.copyOf(controls);
        recommendations = List.copyOf(recommendations);
        exceptions = List.copyOf(exceptions);
        problems = List.copyOf(problems);
        software = List.copyOf(software);
    }

    /** @return whether every counted result was decided (no ERROR, UNKNOWN) and no collector failed */
    public boolean complete() {
        return score.coverage().errors() == 0 && score.coverage().unknown() == 0
                && collectors.stream().allMatch(c -> c.outcome() == CollectorRun.Outcome.OK
                        || c.outcome() == CollectorRun.Outcome.SKIPPED);
    }
}
