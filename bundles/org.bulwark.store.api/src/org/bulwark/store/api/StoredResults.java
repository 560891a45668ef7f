package org.bulwark.store.api;

import java.util.List;
import java.util.Objects;

import org.bulwark.scoring.api.ControlRef;
import org.bulwark.scoring.api.DeviceResults;

/**
 * One stored assessment's results, as {@link AssessmentStore#assessmentsAfter} returns them.
 *
 * @param assessmentId the store's id of the assessment
 * @param results      the device (with its groups as the store keeps them now), when it was assessed and each
 *                     control's state
 * @param controls     the assessment's controls with their title, category and weight, in its order
 * @since 1.2
 */
public record StoredResults(long assessmentId, DeviceResults results, List<ControlRef> controls) {
    public StoredResults {
        Objects.requireNonNull(results, "results");
        controls = List.copyOf(controls);
    }
}
