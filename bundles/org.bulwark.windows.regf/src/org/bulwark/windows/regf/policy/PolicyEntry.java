package org.bulwark.windows.regf.policy;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

import org.bulwark.windows.regf.HiveValue;
import org.bulwark.windows.regf.RegType;

/**
 * One {@code [key;value;type;size;data]} record of a Registry.pol file, at its file offset. Special value names
 * ({@code **del.X}, {@code **DeleteValues}, {@code **DelVals}, {@code **DeleteKeys}, {@code **SecureKey}) are kept
 * verbatim; {@link #deletes()} and {@link #deletedValue()} interpret them.
 */
public record PolicyEntry(String key, String valueName, RegType type, byte[] data, long offset) {
    public PolicyEntry {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(valueName, "valueName");
        Objects.requireNonNull(type, "type");
        data = data.clone();
    }

    @Override
    public byte[] data() {
        return data.clone();
    }

    /** As {@link HiveValue#number()}. */
    public OptionalLong number() {
        return asValue().number();
    }

    /** As {@link HiveValue#text()}. */
    public Optional<String> text() {
        return asValue().text();
    }

    /** As {@link HiveValue#texts()}. */
    public List<String> texts() {
        return asValue().texts();
    }

    /**
     * Whether the record deletes rather than sets: {@code **del.X} (the value X; a "Disabled" policy),
     * {@code **DelVals} (every value of the key), {@code **DeleteValues} and {@code **DeleteKeys} (the values or
     * subkeys its data lists, separated by ';'). Compared case-insensitively.
     */
    public boolean deletes() {
        String n = valueName.toLowerCase(Locale.ROOT);
        return n.startsWith("**del.") || n.equals("**delvals") || n.equals("**deletevalues")
            || n.equals("**deletekeys");
    }

    /** The value a {@code **del.X} record deletes (X); "" for any other record. */
    public String deletedValue() {
        return valueName.regionMatches(true, 0, "**del.", 0, 6) ? valueName.substring(6) : "";
    }

    private HiveValue asValue() {
        return new HiveValue(valueName, type, type.code(), data);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PolicyEntry e && e.key.equals(key) && e.valueName.equals(valueName) && e.type == type
            && java.util.Arrays.equals(e.data, data) && e.offset == offset;
    }

    @Override
    public int hashCode() {
        return Objects.hash(key, valueName, type, java.util.Arrays.hashCode(data), offset);
    }

    @Override
    public String toString() {
        return "PolicyEntry[" + key + ";" + valueName + ";" + type + ";" + data.length + " bytes @0x"
            + Long.toHexString(offset) + "]";
    }
}
