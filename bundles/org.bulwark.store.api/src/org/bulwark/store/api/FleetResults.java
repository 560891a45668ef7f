package org.bulwark.store.api;

import java.util.List;

import org.bulwark.scoring.api.ControlRef;
import org.bulwark.scoring.api.DeviceResults;

/**
 * Every device's latest stored results, ready for {@code ScoringService.score(controls, devices, exceptions, now)}:
 * the fleet score as of the newest assessments.
 *
 * @param controls      every control in those assessments (title, category and weight as of the newest one)
 * @param devices       each device's latest results, the device with its groups as the store keeps them now
 * @param assessmentIds the store's id of each of those assessments, in the order of {@code devices} (since 1.2;
 *                      empty when the store did not give them)
 */
public record FleetResults(List<ControlRef> controls, List<DeviceResults> devices, List<Long> assessmentIds) {
    public FleetResults {
        controls = List.copyOf(controls);
        devices = List.copyOf(devices);
        assessmentIds = List.copyOf(assessmentIds);
        if (!assessmentIds.isEmpty() && assessmentIds.size() != devices.size()) {
            throw new IllegalArgumentException("one assessment id per device, or none");
        }
    }

    /** Results without their assessment ids (the 1.0 and 1.1 form). */
    public FleetResults(List<ControlRef> controls, List<DeviceResults> devices) {
        this(controls, devices, List.of());
    }
}
