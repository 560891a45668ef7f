package org.bulwark.scap;

import java.util.List;

/**
 * An XCCDF group.
 *
 * @param id the group id
 * @param title its title
 * @param selected its default {@code selected} attribute
 * @param parentId the enclosing group's id, or {@code ""} at the benchmark's top level
 * @param platforms the CPE names or platform ids of its {@code platform} elements
 */
public record Group(String id, String title, boolean selected, String parentId, List<String> platforms) {

    public Group {
        platforms = List.copyOf(platforms);
    }
}
