package org.bulwark.scap;

import java.util.List;
import java.util.Map;

/**
 * A profile with its {@code extends} chain applied (XCCDF 1.2, 7.2.3.5: the base's selections and refinements
 * first, the derived profile's after them).
 *
 * @param benchmarkId the benchmark the profile belongs to
 * @param profile the profile as written
 * @param fromTailoring whether it comes from a tailoring file
 * @param selectedRules the ids of the rules in effect, in document order: selected themselves and every group
 *        containing them selected
 * @param values every value of the benchmark, by id, as the profile sets it ({@code set-value}, else the
 *        {@code refine-value} selector, else the default)
 * @param refinedRules the {@code refine-rule}s in effect, by rule or group id (the last in the chain wins)
 */
public record ResolvedProfile(String benchmarkId, Profile profile, boolean fromTailoring, List<String> selectedRules,
        Map<String, String> values, Map<String, Profile.RefineRule> refinedRules) {

    public ResolvedProfile {
        selectedRules = List.copyOf(selectedRules);
        values = Map.copyOf(values);
        refinedRules = Map.copyOf(refinedRules);
    }
}
