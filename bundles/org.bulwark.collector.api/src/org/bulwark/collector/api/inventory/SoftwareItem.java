package org.bulwark.collector.api.inventory;

import java.util.Objects;

/**
 * One installed piece of software. Identified within an inventory by ({@code origin}, {@code name},
 * {@code architecture}): a Debian {@code Multi-Arch: same} package installed for two architectures is two items.
 *
 * @param name          the package or product name, e.g. {@code bsdutils}
 * @param architecture  e.g. {@code amd64}, {@code all}, or empty when the origin has none
 * @param version       the installed version, e.g. {@code 1:2.38.1-5+deb12u3}, or empty
 * @param sourceName    the source package it was built from, e.g. {@code util-linux}; the name itself when the
 *                      origin has no notion of source
 * @param sourceVersion the source package's version, e.g. {@code 2.38.1-5+deb12u3}; what vulnerability feeds
 *                      of Debian and Ubuntu compare
 * @param status        the origin's own installation state, e.g. dpkg's {@code installed} or {@code unpacked}
 * @param vendor        the publisher when the origin records one, else empty
 * @param origin        where the item was read, e.g. {@code dpkg}
 */
public record SoftwareItem(String name, String architecture, String version, String sourceName,
        String sourceVersion, String status, String vendor, String origin) {

    /** Checks that no component is {@code null} and the name and origin are not empty. */
    public SoftwareItem {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(architecture, "architecture");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(sourceName, "sourceName");
        Objects.requireNonNull(sourceVersion, "sourceVersion");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(vendor, "vendor");
        Objects.requireNonNull(origin, "origin");
        if (name.isEmpty() || origin.isEmpty()) {
            throw new IllegalArgumentException("a software item needs a name and an origin");
        }
    }
}
