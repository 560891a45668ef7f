package org.bulwark.store.api;

import java.util.Objects;

import org.bulwark.collector.api.PlatformFacts;

/**
 * A device's platform as the store keeps it: {@link PlatformFacts#osFamily()} and {@link PlatformFacts#osVersion()}
 * of its newest assessment.
 *
 * @param osFamily  {@code "linux"}, {@code "windows"}, {@code "macos"} or {@code "unknown"}; never empty
 * @param osVersion the version id, e.g. {@code "12"} or {@code "server-2022"}; empty if unknown
 * @since 1.6
 */
public record DevicePlatform(String osFamily, String osVersion) {
    /** A device whose platform the store does not know (stored before schema 7, or probed as unknown). */
    public static final DevicePlatform UNKNOWN = new DevicePlatform("unknown", "");

    public DevicePlatform {
        osFamily = osFamily == null || osFamily.isBlank() ? "unknown" : osFamily;
        osVersion = Objects.requireNonNullElse(osVersion, "");
    }

    /** @return the platform of these facts; {@link #UNKNOWN} for none */
    public static DevicePlatform of(PlatformFacts facts) {
        return facts == null ? UNKNOWN : new DevicePlatform(facts.osFamily(), facts.osVersion());
    }
}
