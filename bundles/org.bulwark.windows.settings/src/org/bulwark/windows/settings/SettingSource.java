package org.bulwark.windows.settings;

import java.util.Map;
import java.util.Objects;

/**
 * One registry value that can set a {@link Setting}.
 *
 * @param origin  which kind of place this is
 * @param hive    the hive: {@code SOFTWARE}, {@code SYSTEM}, {@code SECURITY} or {@code SAM}
 * @param path    the key below the hive, e.g. {@code Policies\Microsoft\Windows NT\DNSClient};
 *                {@code CurrentControlSet} is resolved by the lookup
 * @param value   the value name
 * @param mapping raw value to the setting's canonical value (the Group Policy scale); empty = identity. MDM
 *                policies are often inverted ({@code AllowX = 1} for {@code DisableX = 0}); a raw value the
 *                mapping does not know makes the observation UNPARSEABLE
 */
public record SettingSource(Origin origin, String hive, String path, String value, Map<String, String> mapping) {

    public SettingSource {
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(hive, "hive");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(value, "value");
        mapping = mapping == null ? Map.of() : Map.copyOf(mapping);
    }

    /** @return e.g. {@code HKLM\SOFTWARE\Policies\Microsoft\Windows NT\DNSClient\EnableMulticast} */
    public String display() {
        return "HKLM\\" + hive + "\\" + path + "\\" + value;
    }
}
