package org.bulwark.windows.regf;

/** The registry value types (winnt.h {@code REG_*}); {@link #UNKNOWN} for any other code. */
public enum RegType {
    NONE(0), SZ(1), EXPAND_SZ(2), BINARY(3), DWORD(4), DWORD_BIG_ENDIAN(5), LINK(6), MULTI_SZ(7), RESOURCE_LIST(8),
    FULL_RESOURCE_DESCRIPTOR(9), RESOURCE_REQUIREMENTS_LIST(10), QWORD(11),
    /** A code outside 0..11; the raw code is kept by {@link HiveValue#rawType()}. */
    UNKNOWN(-1);

    private static final RegType[] BY_CODE = {NONE, SZ, EXPAND_SZ, BINARY, DWORD, DWORD_BIG_ENDIAN, LINK, MULTI_SZ,
        RESOURCE_LIST, FULL_RESOURCE_DESCRIPTOR, RESOURCE_REQUIREMENTS_LIST, QWORD};

    private final int code;

    RegType(int code) {
        this.code = code;
    }

    /** The type of a raw code: {@link #UNKNOWN} for codes outside 0..11. */
    public static RegType of(int code) {
        return code >= 0 && code < BY_CODE.length ? BY_CODE[code] : UNKNOWN;
    }

    /** The winnt.h code; -1 for {@link #UNKNOWN}. */
    public int code() {
        return code;
    }
}
