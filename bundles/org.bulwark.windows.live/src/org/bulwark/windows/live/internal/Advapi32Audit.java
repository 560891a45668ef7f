package org.bulwark.windows.live.internal;

import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.PointerByReference;
import com.sun.jna.win32.StdCallLibrary;

/**
 * The advapi32 audit functions jna-platform 5.18.1 does not declare. Loaded only through {@link #load()}: referring
 * to this interface loads no native library.
 */
interface Advapi32Audit extends StdCallLibrary {

    /**
     * {@code BOOLEAN AuditQuerySystemPolicy(const GUID *pSubCategoryGuids, ULONG dwPolicyCount,
     * PAUDIT_POLICY_INFORMATION *ppAuditPolicy)}: {@code guids} points to {@code count} contiguous GUIDs; the result
     * is {@code count} contiguous {@code AUDIT_POLICY_INFORMATION}s, freed with {@link #AuditFree}. Needs
     * SeSecurityPrivilege (an elevated administrator). BOOLEAN is one byte, so the return type is {@code byte}
     * (non-zero: success; else {@code GetLastError}).
     */
    byte AuditQuerySystemPolicy(Pointer guids, int count, PointerByReference policies);

    /** {@code VOID AuditFree(PVOID Buffer)}. */
    void AuditFree(Pointer buffer);

    /** @return the library, loading it on first use (Windows only) */
    static Advapi32Audit load() {
        return Holder.INSTANCE;
    }

    /** Initialised on the first {@link #load()}, never when the interface is merely referred to. */
    final class Holder {
        static final Advapi32Audit INSTANCE = Native.load("Advapi32", Advapi32Audit.class,
                com.sun.jna.win32.W32APIOptions.DEFAULT_OPTIONS);

        private Holder() {
        }
    }
}
