package org.bulwark.scoring.api;

import java.util.List;

import org.bulwark.benchmark.api.Control;

/**
 * What to fix: one per control that is counted and lacks credit on at least one device, or is covered by an
 * exception there.
 *
 * @param control        the control (title, category, weight, remediation, references)
 * @param impact         score points gained when every exposed device is fixed
 * @param exposedDevices devices without credit
 * @param status         active, or under exception
 * @param evidence       per exposed or excepted device, what was expected and found
 */
public record Recommendation(Control control, double impact, List<String> exposedDevices, Status status,
        List<DeviceEvidence> evidence) {

    /** Whether a recommendation still asks for work. */
    public enum Status {
        /** Some device is exposed and not covered by an exception. */
        ACTIVE,
        /** Every non-passing device is covered by an active exception. */
        EXCEPTION,
        /** Some non-passing devices are covered by an active exception, others are not. */
        PARTIAL_EXCEPTION
    }

    /**
     * One device's part of a recommendation.
     *
     * @param deviceId the device
     * @param result   its result with evidence
     * @param exception the active exception covering it, or {@code null}
     */
    public record DeviceEvidence(String deviceId, ControlResult result, ControlException exception) {
    }

    public Recommendation {
        exposedDevices = List.copyOf(exposedDevices);
        evidence = List.copyOf(evidence);
    }
}
