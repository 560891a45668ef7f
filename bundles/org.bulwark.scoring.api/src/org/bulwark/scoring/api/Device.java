package org.bulwark.scoring.api;

import java.util.Objects;
import java.util.Set;

/**
 * An assessed device.
 *
 * @param id       a stable id (the machine id)
 * @param hostname its host name
 * @param os       its operating system, for people
 * @param groups   the device groups it belongs to (for group-scoped exceptions); may be empty
 */
public record Device(String id, String hostname, String os, Set<String> groups) {
    public Device {
        Objects.requireNonNull(id, "id");
        hostname = hostname == null ? id : hostname;
        os = os == null ? "" : os;
        groups = groups == null ? Set.of() : Set.copyOf(groups);
    }
}
