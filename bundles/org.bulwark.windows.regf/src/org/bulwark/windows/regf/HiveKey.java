package org.bulwark.windows.regf;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A key of an open {@link Hive}, decoded on demand. Reading after the hive is closed throws a
 * {@link HiveException}.
 */
public interface HiveKey {
    /** The key's own name (the root key's name is whatever the hive stores, e.g. {@code ROOT}). */
    String name();

    /** The backslash-separated path from the root key, excluding the root's name; "" for the root. */
    String path();

    /** The key's last-written time. */
    Instant lastWritten();

    /** The subkeys in the order the hive lists them (Windows keeps them sorted by upper-case name). */
    List<HiveKey> subkeys() throws HiveException;

    /** The subkey of a name, compared case-insensitively. */
    Optional<HiveKey> subkey(String name) throws HiveException;

    /** The values in the order the hive lists them. */
    List<HiveValue> values() throws HiveException;

    /** The value of a name, compared case-insensitively; "" is the default value. */
    Optional<HiveValue> value(String name) throws HiveException;

    /** The offset of the key's cell relative to the first hive bin (the hive's own pointers use these). */
    long offset();
}
