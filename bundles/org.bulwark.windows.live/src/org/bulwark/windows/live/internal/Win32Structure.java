package org.bulwark.windows.live.internal;

import java.util.List;

import com.sun.jna.Pointer;
import com.sun.jna.Structure;

/**
 * A Win32 structure declared here because jna-platform lacks it. Exposes the field order and offsets JNA computes,
 * so the layout tests can check them against the Windows headers.
 */
abstract class Win32Structure extends Structure {
    Win32Structure() {
    }

    /** Reads the structure from memory a Win32 function returned. */
    Win32Structure(Pointer memory) {
        super(memory);
    }

    final int offsetOf(String field) {
        return fieldOffset(field);
    }

    final List<String> fields() {
        return getFieldOrder();
    }
}
