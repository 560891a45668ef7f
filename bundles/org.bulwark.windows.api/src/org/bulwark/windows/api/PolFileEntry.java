package org.bulwark.windows.api;

import java.util.Objects;

/**
 * One {@code [key;value;type;size;data]} record of a Registry.pol file.
 *
 * @param file   the file as the target sees it, e.g. {@code /Windows/System32/GroupPolicy/Machine/Registry.pol}
 * @param key    the key, e.g. {@code Software\Policies\Microsoft\Windows\System}
 * @param value  the value, with its name as written (including {@code **del.} and the like)
 * @param offset the record's byte offset in the file
 */
public record PolFileEntry(String file, String key, RegValue value, long offset) {
    public PolFileEntry {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
    }
}
