package org.bulwark.scap;

import java.util.Map;

/**
 * An XCCDF value.
 *
 * @param id the value id
 * @param type its {@code type} attribute ({@code string} when absent)
 * @param operator its {@code operator} attribute ({@code equals} when absent)
 * @param defaultValue the {@code value} element without a selector, or {@code ""}
 * @param selectors the {@code value} elements with a selector, by selector
 */
public record Value(String id, String type, String operator, String defaultValue, Map<String, String> selectors) {

    public Value {
        selectors = Map.copyOf(selectors);
    }
}
