package org.bulwark.ui.internal.model;

import java.util.List;

import org.bulwark.store.api.AssessmentDiff;

/**
 * A device's change timeline as the changes part shows it, computed off the UI thread and immutable: for each two
 * consecutive stored assessments of the device, newest first, the store's diff between them — the same pairs and
 * diffs as the fleet server's {@code GET /api/machines/{id}/changes} and {@code bulwark diff}.
 *
 * @param request  the number the part gave the request, so it shows the answer to its latest one only
 * @param deviceId the device
 * @param diffs    the newest {@code limit} pairs' diffs, newest first (only these were computed)
 * @param pairs    how many consecutive pairs the device's history has in all
 * @param problem  why the store could not be read, or {@code null}
 */
public record Timeline(long request, String deviceId, List<AssessmentDiff> diffs, int pairs, String problem) {

    public Timeline {
        diffs = List.copyOf(diffs);
    }

    /** @return whether older pairs exist than those computed */
    public boolean more() {
        return pairs > diffs.size();
    }
}
