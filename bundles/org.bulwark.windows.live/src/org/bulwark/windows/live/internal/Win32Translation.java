package org.bulwark.windows.live.internal;

import org.bulwark.windows.api.RegKind;
import org.bulwark.windows.api.RegValue;
import org.bulwark.windows.regf.HiveValue;
import org.bulwark.windows.regf.RegType;
import org.bulwark.windows.regf.policy.AuditPolicy;

import java.util.List;

/**
 * What the live views make of Win32 results, in the units the offline reader gives, so a control reads the same
 * value live and from an image: {@code SamDomainPolicy} turns SAM's 100-ns intervals into {@code Duration}s and
 * {@code OfflineSecurityPolicy} truncates them to whole days or minutes, "never" being 0 days for password ages
 * and -1 minutes for lockout times; NetUserModalsGet gives seconds, {@code TIMEQ_FOREVER} meaning never.
 */
final class Win32Translation {

    /** {@code TIMEQ_FOREVER} (lmaccess.h) as the int JNA reads. */
    static final int TIMEQ_FOREVER = 0xFFFFFFFF;
    static final int POLICY_AUDIT_EVENT_SUCCESS = 1;
    static final int POLICY_AUDIT_EVENT_FAILURE = 2;
    static final int POLICY_AUDIT_EVENT_NONE = 4;

    private Win32Translation() {
    }

    /** @return seconds as whole days (truncated, as {@code Duration.toDays}); never = 0 ("never expires") */
    static long days(int seconds) {
        return seconds == TIMEQ_FOREVER ? 0 : Integer.toUnsignedLong(seconds) / 86_400;
    }

    /** @return seconds as whole minutes (truncated, as {@code Duration.toMinutes}); never = -1 */
    static long minutes(int seconds) {
        return seconds == TIMEQ_FOREVER ? -1 : Integer.toUnsignedLong(seconds) / 60;
    }

    /** @return a DWORD count as a number (never negative) */
    static long count(int dword) {
        return Integer.toUnsignedLong(dword);
    }

    /**
     * @return the setting of {@code AuditingInformation}: its SUCCESS (1) and FAILURE (2) bits; NONE (4) or no bit is
     *         {@link AuditPolicy.Setting#NONE}
     * @throws IllegalArgumentException for bits Windows does not define
     */
    static AuditPolicy.Setting audit(int bits) {
        if ((bits & ~(POLICY_AUDIT_EVENT_SUCCESS | POLICY_AUDIT_EVENT_FAILURE | POLICY_AUDIT_EVENT_NONE)) != 0) {
            throw new IllegalArgumentException("AuditingInformation 0x" + Integer.toHexString(bits)
                    + " has bits beyond POLICY_AUDIT_EVENT_SUCCESS, _FAILURE and _NONE");
        }
        boolean success = (bits & POLICY_AUDIT_EVENT_SUCCESS) != 0;
        boolean failure = (bits & POLICY_AUDIT_EVENT_FAILURE) != 0;
        return success && failure ? AuditPolicy.Setting.SUCCESS_AND_FAILURE
                : success ? AuditPolicy.Setting.SUCCESS
                : failure ? AuditPolicy.Setting.FAILURE : AuditPolicy.Setting.NONE;
    }

    /**
     * @return the value as the offline reader gives it ({@code OfflineRegistry.convert}): the same type code, data
     *         and so the same number, text and strings
     */
    static RegValue value(Win32Calls.RawValue raw) {
        HiveValue v = new HiveValue(raw.name(), RegType.of(raw.type()), raw.type(), raw.data());
        RegKind kind;
        try {
            kind = RegKind.valueOf(v.type().name());
        } catch (IllegalArgumentException e) {
            kind = RegKind.OTHER;
        }
        List<String> texts = kind == RegKind.MULTI_SZ ? v.texts() : List.of();
        return new RegValue(v.name(), kind, v.rawType(), v.number(), v.text(), texts, v.data());
    }
}
