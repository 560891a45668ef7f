package org.bulwark.store.api;

import java.util.List;
import java.util.Objects;

import org.bulwark.scoring.api.ResultState;

/**
 * Why a device's score moved between two assessments. Every change carries the points it moved: the earned and
 * possible deltas of all changes add up exactly to the difference of the two assessments' points, and the score
 * is {@code 100 · earned / possible} on each side.
 *
 * @param from    the earlier assessment
 * @param to      the later one
 * @param changes what changed, by control id
 */
public record AssessmentDiff(AssessmentSummary from, AssessmentSummary to, List<Change> changes) {
    public AssessmentDiff {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        changes = List.copyOf(changes);
    }

    /** What moved a control's part of the score. */
    public enum Kind {
        /** The control's result changed (e.g. FAIL → PASS). */
        RESULT_CHANGED,
        /** The control is new in the later assessment (a content update, or another category selection). */
        CONTROL_ADDED,
        /** The control is gone from the later assessment. */
        CONTROL_REMOVED,
        /** An exception now covers the (unchanged) result. */
        EXCEPTION_CREATED,
        /** The exception that covered the (unchanged) result expired. */
        EXCEPTION_EXPIRED,
        /** The exception that covered the (unchanged) result was cancelled or no longer applies. */
        EXCEPTION_REMOVED,
        /** The control's weight changed with a content update. */
        WEIGHT_CHANGED
    }

    /**
     * One control's change.
     *
     * @param kind          what happened
     * @param controlId     the control
     * @param title         its title (the later one when it exists)
     * @param before        its earlier result, or {@code null} when added
     * @param after         its later result, or {@code null} when removed
     * @param exceptionId   the exception involved, or {@code null}
     * @param earnedDelta   earned points later minus earlier
     * @param possibleDelta possible points later minus earlier
     */
    public record Change(Kind kind, String controlId, String title, ResultState before, ResultState after,
            String exceptionId, double earnedDelta, double possibleDelta) {
    }

    /** @return the later score minus the earlier one ({@code NaN} when either has none) */
    public double scoreDelta() {
        return to.score() - from.score();
    }
}
