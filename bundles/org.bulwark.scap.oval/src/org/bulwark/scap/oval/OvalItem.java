package org.bulwark.scap.oval;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One item an object collected from the target, e.g. a file with its mode or a line of a text file.
 *
 * @param type the item's OVAL name, e.g. {@code file_item}
 * @param fields its entities by name, each with its values in collection order (most have one)
 */
public record OvalItem(String type, Map<String, List<String>> fields) {

    public OvalItem {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        fields.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        fields = java.util.Collections.unmodifiableMap(copy);
    }

    /** @return the first value of field {@code name}, or {@code ""} */
    public String first(String name) {
        List<String> values = fields.get(name);
        return values == null || values.isEmpty() ? "" : values.get(0);
    }
}
