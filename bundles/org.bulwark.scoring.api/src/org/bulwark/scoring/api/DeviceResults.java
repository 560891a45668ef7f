package org.bulwark.scoring.api;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * One device's latest results, as scoring sees them.
 *
 * @param device     the device
 * @param assessedAt when it was assessed (devices older than the inactivity window drop out of fleet figures)
 * @param states     result state per control id; controls not in the map are NOT_CHECKED
 */
public record DeviceResults(Device device, Instant assessedAt, Map<String, ResultState> states) {
    public DeviceResults {
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(assessedAt, "assessedAt");
        states = Map.copyOf(states);
    }
}
