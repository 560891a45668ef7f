package org.bulwark.windows.api;

/** The type of a registry value ({@code REG_*}). {@link #OTHER} for a type code Windows does not define. */
public enum RegKind {
    NONE, SZ, EXPAND_SZ, BINARY, DWORD, DWORD_BIG_ENDIAN, LINK, MULTI_SZ, RESOURCE_LIST,
    FULL_RESOURCE_DESCRIPTOR, RESOURCE_REQUIREMENTS_LIST, QWORD, OTHER
}
