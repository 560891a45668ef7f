package org.bulwark.operations.api;

import java.util.List;

import org.bulwark.store.api.AssessmentDiff;

/**
 * A page of a device's change timeline: its stored assessments paired into consecutive ones, newest pair first.
 *
 * @param pairs how many pairs the whole timeline has (one less than the device's assessments, or 0)
 * @param diffs the store's diff of each pair of the page, newest first
 * @since 1.4
 */
public record Changes(long pairs, List<AssessmentDiff> diffs) {

    public Changes {
        diffs = List.copyOf(diffs);
    }
}
