package org.bulwark.scap.oval;

/** The result of an OVAL definition, criteria or test (OVAL 5.11 ResultEnumeration). */
public enum OvalOutcome {
    /** The characteristics being evaluated match the information represented in the system characteristic. */
    TRUE,
    /** They do not match. */
    FALSE,
    /** A fact needed could not be determined because of an error (an unreadable file, an invalid pattern). */
    ERROR,
    /** A fact needed could not be collected (e.g. a running-system fact of an offline image). */
    UNKNOWN,
    /** The evaluator does not implement what was asked (a test type, a function); named in the message. */
    NOT_EVALUATED,
    /** The test does not apply to the target's platform. */
    NOT_APPLICABLE;

    /** @return {@code TRUE} for {@code FALSE} and the reverse; every other outcome unchanged (OVAL's negation) */
    public OvalOutcome negate() {
        return this == TRUE ? FALSE : this == FALSE ? TRUE : this;
    }
}
