package org.bulwark.linux;

import java.nio.file.Path;
import java.util.Optional;

import org.bulwark.collector.api.Observation;
import org.bulwark.collector.api.Source;

/**
 * {@code /etc/os-release}, or {@code /usr/lib/os-release} when it is missing ({@code os-release(5)}).
 */
public final class OsRelease {

    private final KeyValueConfig config;
    private final String path;

    private OsRelease(KeyValueConfig config, String path) {
        this.config = config;
        this.path = path;
    }

    /** Reads the file below {@code root}; never throws. */
    public static OsRelease read(Path root) {
        KeyValueConfig etc = KeyValueConfig.read(root, "/etc/os-release", KeyValueConfig.Syntax.EQUALS,
                KeyValueConfig.Wins.LAST, false);
        if (etc.exists()) {
            return new OsRelease(etc, "/etc/os-release");
        }
        return new OsRelease(KeyValueConfig.read(root, "/usr/lib/os-release", KeyValueConfig.Syntax.EQUALS,
                KeyValueConfig.Wins.LAST, false), "/usr/lib/os-release");
    }

    /** @return the file read, {@code /etc/os-release} or {@code /usr/lib/os-release} */
    public String path() {
        return path;
    }

    /** @return whether the file exists */
    public boolean exists() {
        return config.exists();
    }

    /** @return a field such as {@code ID}, {@code VERSION_ID}, {@code PRETTY_NAME} */
    public Optional<String> get(String field) {
        return config.value(field);
    }

    /** @return field {@code field} as observation {@code key} (ABSENT when not set) */
    public Observation observe(String key, String field) {
        return config.observe(key, field, Source.file(path, 0));
    }
}
