package org.bulwark.scoring.api;

import java.util.Objects;

import org.bulwark.collector.api.Category;

/**
 * What scoring needs to know of a control.
 *
 * @param id       the control id
 * @param title    for people
 * @param category where it scores
 * @param weight   its impact, 1 to 10
 */
public record ControlRef(String id, String title, Category category, int weight) {
    public ControlRef {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(category, "category");
        if (weight < 1 || weight > 10) {
            throw new IllegalArgumentException("control " + id + ": weight must be 1 to 10, was " + weight);
        }
        title = title == null ? id : title;
    }
}
