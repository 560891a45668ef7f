package org.bulwark.operations.api;

import java.util.List;
import java.util.Objects;

import org.bulwark.scoring.api.Assessment;
import org.bulwark.scoring.api.ControlRef;
import org.bulwark.scoring.api.Device;
import org.bulwark.scoring.api.DeviceResults;

/**
 * An upload read, checked against the installed content, put in its device group, authorized and scored, but not
 * stored yet: {@link UploadIntake#save} stores it.
 *
 * @param assessment the assessment to store (its device with the decided group)
 * @param results    the device (with its decided group), when it was assessed and each control's state
 * @param controls   the upload's controls as the installed content has them, in the upload's order
 * @param body       the upload as received (stored as sent when it came compressed)
 * @since 1.2
 */
public record PreparedUpload(Assessment assessment, DeviceResults results, List<ControlRef> controls,
        UploadBody body) {

    public PreparedUpload {
        Objects.requireNonNull(assessment, "assessment");
        Objects.requireNonNull(results, "results");
        Objects.requireNonNull(body, "body");
        controls = List.copyOf(controls);
    }

    /** @return the device with its decided group */
    public Device device() {
        return results.device();
    }
}
