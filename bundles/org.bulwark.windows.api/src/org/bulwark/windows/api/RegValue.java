package org.bulwark.windows.api;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A registry value as read, with what its type lets it mean.
 *
 * @param name    the value's name; empty for the key's default value
 * @param kind    its type
 * @param rawType its type code as stored
 * @param number  the number of a {@code DWORD}/{@code QWORD} value that has the type's size; empty otherwise
 * @param text    the string of an {@code SZ}/{@code EXPAND_SZ} value (up to the first NUL); empty otherwise
 * @param texts   the strings of a {@code MULTI_SZ} value; empty for other types
 * @param bytes   the raw data (a copy is returned)
 */
public record RegValue(String name, RegKind kind, int rawType, OptionalLong number, Optional<String> text,
        List<String> texts, byte[] bytes) {

    public RegValue {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(text, "text");
        texts = List.copyOf(texts);
        bytes = bytes.clone();
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    /**
     * @return the value as a policy setting is usually written: the number, or the text when it is a decimal
     *         number (Windows reads some settings, e.g. {@code CachedLogonsCount}, from {@code REG_SZ})
     */
    public OptionalLong asNumber() {
        if (number.isPresent()) {
            return number;
        }
        if (text.isPresent() && text.get().strip().matches("-?[0-9]{1,18}")) {
            return OptionalLong.of(Long.parseLong(text.get().strip()));
        }
        return OptionalLong.empty();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RegValue v && name.equals(v.name) && kind == v.kind && rawType == v.rawType
                && java.util.Arrays.equals(bytes, v.bytes);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, kind, rawType, java.util.Arrays.hashCode(bytes));
    }

    @Override
    public String toString() {
        String shown = number.isPresent() ? Long.toString(number.getAsLong())
                : text.map(t -> '"' + t + '"').orElse(kind == RegKind.MULTI_SZ ? texts.toString()
                        : bytes.length + " bytes");
        return (name.isEmpty() ? "(default)" : name) + " " + kind + " " + shown;
    }
}
