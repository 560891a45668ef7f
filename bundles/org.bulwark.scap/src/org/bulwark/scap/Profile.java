package org.bulwark.scap;

import java.util.List;
import java.util.Map;

/**
 * An XCCDF profile as written (its {@code extends} not yet applied).
 *
 * @param id the profile id
 * @param title its title
 * @param extendsId the profile it extends, or {@code ""}
 * @param selections its {@code select} elements in document order (rule or group ids)
 * @param refineValues {@code refine-value}: value id to selector
 * @param setValues {@code set-value}: value id to the literal value
 * @param refineRules its {@code refine-rule} elements
 */
public record Profile(String id, String title, String extendsId, List<Selection> selections,
        Map<String, String> refineValues, Map<String, String> setValues, List<RefineRule> refineRules) {

    public Profile {
        selections = List.copyOf(selections);
        refineValues = Map.copyOf(refineValues);
        setValues = Map.copyOf(setValues);
        refineRules = List.copyOf(refineRules);
    }

    /**
     * @param idref the rule or group id
     * @param selected whether it is selected
     */
    public record Selection(String idref, boolean selected) {
    }

    /**
     * @param idref the rule or group id
     * @param severity the severity it is given, or {@code ""}
     * @param weight the weight it is given, or {@code ""}
     * @param selector the check selector, or {@code ""}
     */
    public record RefineRule(String idref, String severity, String weight, String selector) {
    }
}
