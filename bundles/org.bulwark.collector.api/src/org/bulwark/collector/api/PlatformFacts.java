package org.bulwark.collector.api;

import java.util.Objects;

/**
 * What Bulwark knows about the target before collecting, read from the target itself
 * ({@code /etc/os-release}, the machine id) so that it is right for a mounted filesystem too.
 *
 * @param osFamily  {@code "linux"}, {@code "windows"}, {@code "macos"} or {@code "unknown"}
 * @param osId      the distribution id, e.g. {@code "debian"}, {@code "ubuntu"}; {@code "unknown"} if unknown
 * @param osVersion the version id, e.g. {@code "12"}; empty if unknown
 * @param osName    the name for people, e.g. {@code "Debian GNU/Linux 12 (bookworm)"}
 * @param arch      the architecture of the assessing JVM, e.g. {@code "amd64"}
 * @param hostname  the device's host name
 * @param machineId a stable device id (e.g. {@code /etc/machine-id}); never {@code null}
 */
public record PlatformFacts(String osFamily, String osId, String osVersion, String osName, String arch,
        String hostname, String machineId) {

    public PlatformFacts {
        Objects.requireNonNull(osFamily, "osFamily");
        Objects.requireNonNull(osId, "osId");
        Objects.requireNonNull(osVersion, "osVersion");
        Objects.requireNonNull(osName, "osName");
        Objects.requireNonNull(arch, "arch");
        Objects.requireNonNull(hostname, "hostname");
        Objects.requireNonNull(machineId, "machineId");
    }

    /** @return whether the target runs Linux */
    public boolean isLinux() {
        return "linux".equals(osFamily);
    }
}
