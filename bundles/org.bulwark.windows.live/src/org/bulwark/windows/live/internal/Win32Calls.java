package org.bulwark.windows.live.internal;

import java.util.List;
import java.util.Optional;

/**
 * The Win32 calls the live views make, as plain data, so that what is made of their results is tested with fakes on
 * any OS. {@link NativeWin32Calls} makes them through JNA on Windows. Every method throws {@link Win32Failure} with
 * the Win32 error code when the call fails.
 */
interface Win32Calls {

    /** {@code USER_MODALS_INFO_0} as returned: ages in seconds, {@code TIMEQ_FOREVER} (-1 as an int) = never. */
    record Modals0(int minPasswdLen, int maxPasswdAge, int minPasswdAge, int forceLogoff, int passwordHistLen) {
    }

    /** {@code USER_MODALS_INFO_3} as returned: times in seconds, {@code TIMEQ_FOREVER} = never. */
    record Modals3(int lockoutDuration, int lockoutObservationWindow, int lockoutThreshold) {
    }

    /** A registry value as {@code RegQueryValueEx} returns it: its type code and data. */
    record RawValue(String name, int type, byte[] data) {
        public RawValue {
            data = data.clone();
        }

        @Override
        public byte[] data() {
            return data.clone();
        }
    }

    /** {@code NetUserModalsGet(NULL, 0, …)}. */
    Modals0 userModals0() throws Win32Failure;

    /** {@code NetUserModalsGet(NULL, 3, …)}. */
    Modals3 userModals3() throws Win32Failure;

    /**
     * {@code AuditQuerySystemPolicy} for the subcategory GUIDs ({@code {0CCE9215-69AE-11D9-BED3-505054503030}}).
     *
     * @return each subcategory's {@code AuditingInformation} (POLICY_AUDIT_EVENT_* bits), in the order asked
     */
    int[] auditPolicy(List<String> guids) throws Win32Failure;

    /**
     * @param root {@code HKLM} or {@code HKU}
     * @param key  the key below the root, e.g. {@code SYSTEM\CurrentControlSet\Control\Lsa}
     * @return the value {@code name} ("" = default); empty if the key exists and the value does not
     */
    Optional<RawValue> value(String root, String key, String name) throws Win32Failure;

    /** @return the subkeys of {@code key} */
    List<String> subkeys(String root, String key) throws Win32Failure;

    /** @return the value names of {@code key} */
    List<String> valueNames(String root, String key) throws Win32Failure;

    /** @return the SIDs whose hives are loaded under {@code HKU} ({@code S-1-5-21-…}, without {@code _Classes}) */
    List<String> loadedUserSids() throws Win32Failure;
}
