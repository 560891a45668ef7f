package org.bulwark.scap.oval.internal;

import org.bulwark.scap.oval.OvalOutcome;

/**
 * A fault that makes the test, object or variable concerned {@code ERROR} (an invalid pattern, an unreadable file,
 * a bound exceeded) or, for what could not be collected or is not implemented, {@code UNKNOWN} /
 * {@code NOT_EVALUATED}. The message names the element (and line) or file.
 */
final class OvalError extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final OvalOutcome outcome;

    OvalError(String message) {
        this(OvalOutcome.ERROR, message);
    }

    OvalError(OvalOutcome outcome, String message) {
        super(message, null, false, false);
        this.outcome = outcome;
    }

    OvalOutcome outcome() {
        return outcome;
    }

    Res toRes() {
        return new Res(outcome, getMessage());
    }
}
