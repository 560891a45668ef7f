package org.bulwark.windows.live.internal;

import com.sun.jna.Pointer;
import com.sun.jna.Structure.FieldOrder;
import com.sun.jna.platform.win32.Guid.GUID;

/**
 * {@code AUDIT_POLICY_INFORMATION} (ntsecapi.h), returned by {@code AuditQuerySystemPolicy}: a GUID (16 bytes,
 * 4-byte aligned: its widest member is the DWORD Data1), a ULONG of POLICY_AUDIT_EVENT_* bits, and a GUID: 36 bytes,
 * offsets 0, 16, 20, on Windows x64 (no padding, since every member is 4-byte aligned).
 */
@FieldOrder({ "AuditSubCategoryGuid", "AuditingInformation", "AuditCategoryGuid" })
public final class AuditPolicyInformation extends Win32Structure {
    public GUID AuditSubCategoryGuid;
    public int AuditingInformation;
    public GUID AuditCategoryGuid;

    AuditPolicyInformation(Pointer memory) {
        super(memory);
        read();
    }

    AuditPolicyInformation() {
    }
}
