package org.bulwark.operations.api;

import java.util.List;
import java.util.Objects;

import org.bulwark.benchmark.api.RemediationType;
import org.bulwark.collector.api.Category;
import org.bulwark.scoring.api.Recommendation;

/**
 * One recommendation of a fleet: a counted control that lacks credit, or is under exception, on some device.
 *
 * @param controlId       the control
 * @param title           its title (the installed content's, else the scored one's, else its id)
 * @param category        its category
 * @param weight          its weight, 1 to 10
 * @param impact          the fleet score points fixing it on every exposed device would add
 * @param exposedDevices  the ids of the devices without credit for it, sorted
 * @param exceptedDevices how many non-passing devices an active exception covers (with or without credit)
 * @param status          {@link RecommendationRows#rows the status rule}
 * @param remediationType how it is fixed, or {@code null} when the installed content lacks the control
 * @param remediation     the remediation text, or {@code null}
 * @param description     what the control checks, or {@code null}
 */
public record RecommendationRow(String controlId, String title, Category category, int weight, double impact,
        List<String> exposedDevices, int exceptedDevices, Recommendation.Status status,
        RemediationType remediationType, String remediation, String description) {

    public RecommendationRow {
        Objects.requireNonNull(controlId, "controlId");
        Objects.requireNonNull(status, "status");
        exposedDevices = List.copyOf(exposedDevices);
    }

    /** @return the remediation type for people, e.g. {@code Configuration change}, or {@code —} when unknown */
    public String remediationLabel() {
        return remediationType == null ? "—" : remediationType.label();
    }
}
