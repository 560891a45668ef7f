package org.bulwark.report.api;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.bulwark.scoring.api.ControlException;
import org.bulwark.scoring.api.ControlRef;
import org.bulwark.scoring.api.Device;
import org.bulwark.scoring.api.DeviceResults;
import org.bulwark.scoring.api.ResultState;

/**
 * What a saved report tells fleet scoring about one device: feed {@link #controls()}, {@link #results()} and
 * {@link #exceptions()} of several reports to {@code ScoringService.score} to recompute a fleet's figures.
 *
 * @param device     the device (id, host name, OS, groups)
 * @param assessedAt when the assessment finished
 * @param controls   every control in the report, in report order
 * @param states     the result state per control id
 * @param exceptions the exceptions the report says were applied, each once
 */
public record ReportedAssessment(Device device, Instant assessedAt, List<ControlRef> controls,
        Map<String, ResultState> states, List<ControlException> exceptions) {

    public ReportedAssessment {
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(assessedAt, "assessedAt");
        controls = List.copyOf(controls);
        states = Map.copyOf(states);
        exceptions = List.copyOf(exceptions);
    }

    /** @return the device's results as scoring takes them */
    public DeviceResults results() {
        return new DeviceResults(device, assessedAt, states);
    }
}
