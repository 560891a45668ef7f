package org.bulwark.scap.content.internal;

import java.util.List;

import org.bulwark.scap.oval.OvalOutcome;

/**
 * A three-valued answer with its reason: TRUE, FALSE, or undecided as ERROR, UNKNOWN or NOT_EVALUATED.
 *
 * @param outcome the answer
 * @param why for people: what was evaluated and what it gave
 */
record Decision(OvalOutcome outcome, String why) {

    static Decision of(OvalOutcome outcome, String why) {
        return new Decision(outcome == OvalOutcome.NOT_APPLICABLE ? OvalOutcome.FALSE : outcome, why);
    }

    boolean isTrue() {
        return outcome == OvalOutcome.TRUE;
    }

    boolean isFalse() {
        return outcome == OvalOutcome.FALSE;
    }

    Decision negate() {
        return new Decision(outcome.negate(), "not (" + why + ")");
    }

    /** ERROR outranks UNKNOWN outranks NOT_EVALUATED. */
    private static int rank(OvalOutcome o) {
        return switch (o) {
            case ERROR -> 3;
            case UNKNOWN -> 2;
            default -> 1;
        };
    }

    /** XCCDF's AND: a FALSE part decides; else an undecided one; else TRUE (an empty list is TRUE). */
    static Decision all(List<Decision> parts) {
        return combine(parts, OvalOutcome.FALSE, OvalOutcome.TRUE, " and ");
    }

    /** XCCDF's OR: a TRUE part decides; else an undecided one; else FALSE (an empty list is FALSE). */
    static Decision any(List<Decision> parts) {
        return combine(parts, OvalOutcome.TRUE, OvalOutcome.FALSE, " or ");
    }

    private static Decision combine(List<Decision> parts, OvalOutcome decides, OvalOutcome otherwise, String word) {
        Decision undecided = null;
        for (Decision d : parts) {
            if (d.outcome == decides) {
                return d;
            }
            if (d.outcome != otherwise && (undecided == null || rank(d.outcome) > rank(undecided.outcome))) {
                undecided = d;
            }
        }
        if (undecided != null) {
            return undecided;
        }
        return new Decision(otherwise, parts.isEmpty() ? "no condition"
                : String.join(word, parts.stream().map(Decision::why).toList()));
    }
}
