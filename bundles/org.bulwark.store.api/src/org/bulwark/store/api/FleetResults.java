package org.bulwark.store.api;

import java.util.List;

import org.bulwark.scoring.api.ControlRef;
import org.bulwark.scoring.api.DeviceResults;

/**
 * Every device's latest stored results, ready for {@code ScoringService.score(controls, devices, exceptions, now)}:
 * the fleet score as of the newest assessments.
 *
 * @param controls every control in those assessments (title, category and weight as of the newest one)
 * @param devices  each device's latest results, the device with its groups as the store keeps them now
 */
public record FleetResults(List<ControlRef> controls, List<DeviceResults> devices) {
    public FleetResults {
        controls = List.copyOf(controls);
        devices = List.copyOf(devices);
    }
}
