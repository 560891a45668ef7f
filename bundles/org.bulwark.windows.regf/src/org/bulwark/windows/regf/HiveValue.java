package org.bulwark.windows.regf;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A registry value: its name ("" for the default value), type, raw type code and data. The data array is copied in
 * and out.
 */
public record HiveValue(String name, RegType type, int rawType, byte[] data) {
    public HiveValue {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        data = data.clone();
    }

    @Override
    public byte[] data() {
        return data.clone();
    }

    /**
     * The number of a DWORD (little-endian), DWORD_BIG_ENDIAN or QWORD value whose data is long enough (4 or 8
     * bytes; extra bytes are ignored); empty otherwise. A DWORD is unsigned.
     */
    public OptionalLong number() {
        return number(type, data);
    }

    /** The text of an SZ, EXPAND_SZ or LINK value: UTF-16LE up to the first NUL; empty for other types. */
    public Optional<String> text() {
        return type == RegType.SZ || type == RegType.EXPAND_SZ || type == RegType.LINK
            ? Optional.of(utf16z(data)) : Optional.empty();
    }

    /**
     * The strings of a MULTI_SZ value: UTF-16LE strings separated by NUL, ending at the first empty string (the
     * double NUL) or the end of the data; an empty list for other types.
     */
    public List<String> texts() {
        return type == RegType.MULTI_SZ ? multi(data) : List.of();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof HiveValue v && v.name.equals(name) && v.type == type && v.rawType == rawType
            && java.util.Arrays.equals(v.data, data);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, type, rawType, java.util.Arrays.hashCode(data));
    }

    @Override
    public String toString() {
        return "HiveValue[name=" + name + ", type=" + type + ", rawType=" + rawType + ", " + data.length + " bytes]";
    }

    static OptionalLong number(RegType type, byte[] data) {
        switch (type) {
            case DWORD:
                return data.length >= 4
                    ? OptionalLong.of(Integer.toUnsignedLong(ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN).getInt()))
                    : OptionalLong.empty();
            case DWORD_BIG_ENDIAN:
                return data.length >= 4
                    ? OptionalLong.of(Integer.toUnsignedLong(ByteBuffer.wrap(data).order(ByteOrder.BIG_ENDIAN).getInt()))
                    : OptionalLong.empty();
            case QWORD:
                return data.length >= 8
                    ? OptionalLong.of(ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN).getLong())
                    : OptionalLong.empty();
            default:
                return OptionalLong.empty();
        }
    }

    static String utf16z(byte[] data) {
        int end = 0;
        while (end + 1 < data.length && (data[end] != 0 || data[end + 1] != 0)) {
            end += 2;
        }
        return new String(data, 0, end, StandardCharsets.UTF_16LE);
    }

    static List<String> multi(byte[] data) {
        List<String> out = new ArrayList<>();
        int start = 0;
        int i = 0;
        while (i + 1 < data.length) {
            if (data[i] == 0 && data[i + 1] == 0) {
                if (i == start) {
                    return List.copyOf(out);
                }
                out.add(new String(data, start, i - start, StandardCharsets.UTF_16LE));
                start = i + 2;
            }
            i += 2;
        }
        if (i > start) {
            out.add(new String(data, start, i - start, StandardCharsets.UTF_16LE));
        }
        return List.copyOf(out);
    }
}
