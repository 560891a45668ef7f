package org.bulwark.store.api;

import java.util.List;
import java.util.Objects;

/**
 * One piece of software across the devices asked for: on how many it is installed, and in which versions.
 *
 * @param origin   where it was read, e.g. {@code dpkg}
 * @param name     the package or product name
 * @param vendor   its publisher when recorded, else empty
 * @param devices  the number of devices it is installed on (in any version or architecture)
 * @param versions the installed versions, each once, sorted as text
 * @since 1.4
 */
public record SoftwareSummary(String origin, String name, String vendor, int devices, List<String> versions) {

    public SoftwareSummary {
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(vendor, "vendor");
        versions = List.copyOf(versions);
    }
}
