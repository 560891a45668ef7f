package org.bulwark.scoring.api;

/**
 * The outcome of one control on one device. ERROR and UNKNOWN count against the score: a check that
 * could not run never raises it.
 */
public enum ResultState {
    /** The expectation holds. Counted, credit 1. */
    PASS(true),
    /** It does not hold. Counted, credit 0. */
    FAIL(true),
    /** The check could not run (permission, collector crash or timeout). Counted, credit 0. */
    ERROR(true),
    /** The check ran but its outcome cannot be decided (unparseable value). Counted, credit 0. */
    UNKNOWN(true),
    /** The control does not apply to this device. Not counted. */
    NOT_APPLICABLE(false),
    /** No collector provides the data. Not counted. */
    NOT_CHECKED(false),
    /** Reported for information only. Not counted. */
    INFORMATIONAL(false);

    private final boolean counted;

    ResultState(boolean counted) {
        this.counted = counted;
    }

    /** @return whether the result enters the score */
    public boolean counted() {
        return counted;
    }

    /** @return whether the result was decided by a check that ran: PASS or FAIL */
    public boolean decided() {
        return this == PASS || this == FAIL;
    }
}
