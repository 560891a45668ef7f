package org.bulwark.benchmark.api;

import java.util.Objects;

/**
 * When a control applies. If {@link #when} does not hold, the control's result is NOT_APPLICABLE with
 * {@link #reason}; if it cannot be decided, the result is that of the undecided observation.
 *
 * @param when   the condition, e.g. {@code linux.packages.openssh-server present}
 * @param reason shown when the control does not apply, e.g. {@code "openssh-server is not installed"}
 */
public record Applicability(Expectation when, String reason) {
    public Applicability {
        Objects.requireNonNull(when, "when");
        Objects.requireNonNull(reason, "reason");
    }
}
