package org.bulwark.scap;

import java.util.Map;

/**
 * An XCCDF value.
 *
 * @param id the value id
 * @param title its title
 * @param type its {@code type} attribute ({@code string} when absent)
 * @param operator its {@code operator} attribute ({@code equals} when absent)
 * @param groupId the enclosing group's id, or {@code ""} at the benchmark's top level
 * @param defaultValue the {@code value} element without a selector, or {@code ""}
 * @param selectors the {@code value} elements with a selector, by selector
 */
public record Value(String id, String title, String type, String operator, String groupId, String defaultValue,
        Map<String, String> selectors) {

    public Value {
        selectors = Map.copyOf(selectors);
    }

    /**
     * @param selector a {@code refine-value} selector, or {@code ""}
     * @return the value that selector chooses; the default when the selector is empty or unknown (XCCDF 1.2,
     *         7.2.3.4.2: an unmatched selector falls back to the default)
     */
    public String select(String selector) {
        return selectors.getOrDefault(selector, defaultValue);
    }
}
