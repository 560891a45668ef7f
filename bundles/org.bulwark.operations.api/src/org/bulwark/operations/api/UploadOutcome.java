package org.bulwark.operations.api;

import java.util.List;
import java.util.Objects;

import org.bulwark.scoring.api.ControlRef;
import org.bulwark.scoring.api.DeviceResults;
import org.bulwark.store.api.AssessmentSummary;

/**
 * A stored upload, with what a server holding the fleet in memory needs to take it in.
 *
 * @param saved    the stored assessment's summary (its id, the device with its decided group, the score)
 * @param results  the device (with its decided group), when it was assessed and each control's state
 * @param controls the upload's controls as the server's content has them, in the upload's order
 */
public record UploadOutcome(AssessmentSummary saved, DeviceResults results, List<ControlRef> controls) {

    public UploadOutcome {
        Objects.requireNonNull(saved, "saved");
        Objects.requireNonNull(results, "results");
        controls = List.copyOf(controls);
    }
}
