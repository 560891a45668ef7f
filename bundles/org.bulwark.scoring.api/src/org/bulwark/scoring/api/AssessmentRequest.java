package org.bulwark.scoring.api;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
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
 * @param deviceGroups     the device groups each known device belongs to, by device id, so that group-scoped
 *                         exceptions apply to the assessed device; empty when none are known
 */
public record AssessmentRequest(Path root, Set<Category> categories, List<Benchmark> benchmarks,
        Duration collectorTimeout, List<ControlException> exceptions, Map<String, Set<String>> deviceGroups) {

    /** How long a collector may run unless the request says otherwise. */
    public static final Duration DEFAULT_COLLECTOR_TIMEOUT = Duration.ofSeconds(120);

    public AssessmentRequest {
        Objects.requireNonNull(root, "root");
        categories = categories == null ? Set.of() : Set.copyOf(categories);
        benchmarks = benchmarks == null ? List.of() : List.copyOf(benchmarks);
        collectorTimeout = collectorTimeout == null ? DEFAULT_COLLECTOR_TIMEOUT : collectorTimeout;
        exceptions = exceptions == null ? List.of() : List.copyOf(exceptions);
        deviceGroups = deviceGroups == null ? Map.of() : Map.copyOf(deviceGroups);
        if (collectorTimeout.isNegative() || collectorTimeout.isZero()) {
            throw new IllegalArgumentException("collector timeout must be positive: " + collectorTimeout);
        }
    }

    /** A request without device groups (API 1.0). */
    public AssessmentRequest(Path root, Set<Category> categories, List<Benchmark> benchmarks,
            Duration collectorTimeout, List<ControlException> exceptions) {
        this(root, categories, benchmarks, collectorTimeout, exceptions, Map.of());
    }

    /** A request for everything installed on {@code root}. */
    public static AssessmentRequest of(Path root) {
        return new AssessmentRequest(root, Set.of(), List.of(), DEFAULT_COLLECTOR_TIMEOUT, List.of(), Map.of());
    }

    /** @return the groups of device {@code deviceId}, empty when it is in none */
    public Set<String> groupsOf(String deviceId) {
        return deviceGroups.getOrDefault(deviceId, Set.of());
    }
}
