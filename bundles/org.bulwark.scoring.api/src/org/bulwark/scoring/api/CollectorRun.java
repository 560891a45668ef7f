package org.bulwark.scoring.api;

import java.time.Duration;

import org.bulwark.collector.api.Category;

/**
 * How one collector did in an assessment.
 *
 * @param collectorId   the collector's id
 * @param category      its category
 * @param bundle        the bundle providing it, {@code symbolic-name version}
 * @param outcome       what happened
 * @param duration      how long it ran
 * @param observations  how many observations it returned
 * @param message       the error, when the outcome is not OK
 */
public record CollectorRun(String collectorId, Category category, String bundle, Outcome outcome,
        Duration duration, int observations, String message) {

    /** What happened to a collector. */
    public enum Outcome {
        /** It returned well-formed observations. */
        OK,
        /** It threw an exception. */
        FAILED,
        /** It did not return by the deadline. */
        TIMED_OUT,
        /** It returned observations that break the contract. */
        MALFORMED,
        /** It was not needed by the selected controls. */
        SKIPPED
    }
}
