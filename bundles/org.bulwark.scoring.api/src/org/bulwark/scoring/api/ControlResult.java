package org.bulwark.scoring.api;

import java.util.List;
import java.util.Objects;

/**
 * The outcome of one control on one device.
 *
 * @param controlId the control
 * @param state     the outcome
 * @param reason    why, for every state but PASS (e.g. the failing value, the error, why not applicable)
 * @param evidence  the observations it was decided on
 */
public record ControlResult(String controlId, ResultState state, String reason, List<Evidence> evidence) {
    public ControlResult {
        Objects.requireNonNull(controlId, "controlId");
        Objects.requireNonNull(state, "state");
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
    }
}
