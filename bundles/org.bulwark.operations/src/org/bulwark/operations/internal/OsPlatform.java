package org.bulwark.operations.internal;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The one vocabulary for a device's platform, {@code osPlatform}, in the names of Microsoft Defender's machine
 * entity where Defender has one. Derived from the platform facts' {@code osFamily} and, for Windows,
 * {@code osVersion} (the release id the offline Windows probe writes: {@code 10}, {@code 11},
 * {@code server-2016} … {@code server-2025}):
 * <ul>
 * <li>{@code linux} → {@code Linux}; {@code macos} → {@code macOS}</li>
 * <li>{@code windows} + {@code 10} → {@code Windows10}, {@code 11} → {@code Windows11}, {@code server-2016} →
 * {@code WindowsServer2016} (likewise 2019, 2022, 2025); any other or no version → {@code Windows}</li>
 * <li>anything else (including a stored row of unknown family) → {@code Unknown}</li>
 * </ul>
 */
final class OsPlatform {

    static final String UNKNOWN = "Unknown";

    private static final Map<String, String> WINDOWS = Map.of("10", "Windows10", "11", "Windows11",
            "server-2016", "WindowsServer2016", "server-2019", "WindowsServer2019", "server-2022",
            "WindowsServer2022", "server-2025", "WindowsServer2025");

    /** Every value {@link #of} gives. */
    static final List<String> VALUES = List.of("Linux", "Windows10", "Windows11", "WindowsServer2016",
            "WindowsServer2019", "WindowsServer2022", "WindowsServer2025", "Windows", "macOS", UNKNOWN);

    private OsPlatform() {
    }

    /** @return the {@code osPlatform} value for a family and version; never {@code null} */
    static String of(String osFamily, String osVersion) {
        String family = osFamily == null ? "" : osFamily.strip().toLowerCase(Locale.ROOT);
        return switch (family) {
            case "linux" -> "Linux";
            case "macos" -> "macOS";
            case "windows" -> WINDOWS.getOrDefault(osVersion == null ? "" : osVersion.strip(), "Windows");
            default -> UNKNOWN;
        };
    }
}
