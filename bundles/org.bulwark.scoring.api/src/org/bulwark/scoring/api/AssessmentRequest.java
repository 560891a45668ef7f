package org.bulwark.scoring.api;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.bulwark.benchmark.api.Benchmark;
import org.bulwark.collector.api.Category;

/**
 * What to assess.
 *
 * @param root             the filesystem root of the target ({@code /} for this machine)
 * @param categories       the categories to assess; empty for all
 * @param benchmarks       content to use instead of the installed content; empty for the installed content
 * @param collectorTimeout how long each collector may run
 * @param exceptions       exceptions to apply
 */
public record AssessmentRequest(Path root, Set<Category> categories, List<Benchmark> benchmarks,
        Duration collectorTimeout, List<ControlException> exceptions) {

    /** How long a collector may run unless the request says otherwise. */
    public static final Duration DEFAULT_COLLECTOR_TIMEOUT = Duration.ofSeconds(120);

    public AssessmentRequest {
        Objects.requireNonNull(root, "root");
        categories = categories == null ? Set.of() : Set.copyOf(categories);
        benchmarks = benchmarks == null ? List.of() : List.copyOf(benchmarks);
        collectorTimeout = collectorTimeout == null ? DEFAULT_COLLECTOR_TIMEOUT : collectorTimeout;
        exceptions = exceptions == null ? List.of() : List.copyOf(exceptions);
        if (collectorTimeout.isNegative() || collectorTimeout.isZero()) {
            throw new IllegalArgumentException("collector timeout must be positive: " + collectorTimeout);
        }
    }

    /** A request for everything installed on {@code root}. */
    public static AssessmentRequest of(Path root) {
        return new AssessmentRequest(root, Set.of(), List.of(), DEFAULT_COLLECTOR_TIMEOUT, List.of());
    }
}
