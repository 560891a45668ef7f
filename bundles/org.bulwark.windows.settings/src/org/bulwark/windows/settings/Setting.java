package org.bulwark.windows.settings;

import java.util.List;
import java.util.Objects;

/**
 * One Windows setting and the places that can set it.
 *
 * @param id              the catalogue id, e.g. {@code smb.server-smb1}
 * @param key             the observation key reported for it, e.g. {@code windows.policy.smb.server-smb1}
 * @param sources         the places that can set it, at most one per {@link Origin}
 * @param mdmWinsEligible whether the MDM source is a Policy CSP policy with a Group Policy equivalent, so that
 *                        {@code MDMWinsOverGP = 1} makes MDM win (false for other CSPs such as Defender's)
 * @param defaultValue    the documented built-in default in canonical form, or {@code null} when none is documented
 * @param defaultOwner    whose default it is (e.g. {@code "Windows 11 22H2"}), required with a default
 */
public record Setting(String id, String key, List<SettingSource> sources, boolean mdmWinsEligible,
        String defaultValue, String defaultOwner) {

    public Setting {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(key, "key");
        sources = List.copyOf(sources);
        if (defaultValue != null && (defaultOwner == null || defaultOwner.isBlank())) {
            throw new IllegalArgumentException("setting " + id + ": a default needs its owner");
        }
    }

    /** @return the source of {@code origin}, or {@code null} */
    public SettingSource source(Origin origin) {
        for (SettingSource s : sources) {
            if (s.origin() == origin) {
                return s;
            }
        }
        return null;
    }
}
