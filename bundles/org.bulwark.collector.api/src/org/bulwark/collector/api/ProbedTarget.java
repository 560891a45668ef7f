package org.bulwark.collector.api;

import java.util.List;
import java.util.Objects;

/**
 * What a {@link PlatformProbe} found out about a target it recognised.
 *
 * @param platform the target's platform facts and device identity
 * @param live     whether the root is the running system Bulwark runs on (see {@link AssessmentContext#live()})
 * @param problems what could not be read and what was used instead, for people, e.g.
 *                 {@code "/etc/machine-id: is a FIFO, expected a file"}; empty when none
 */
public record ProbedTarget(PlatformFacts platform, boolean live, List<String> problems) {

    public ProbedTarget {
        Objects.requireNonNull(platform, "platform");
        problems = problems == null ? List.of() : List.copyOf(problems);
    }
}
