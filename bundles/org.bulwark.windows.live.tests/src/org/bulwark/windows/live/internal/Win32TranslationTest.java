package org.bulwark.windows.live.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import org.bulwark.windows.api.RegKind;
import org.bulwark.windows.api.RegValue;
import org.bulwark.windows.regf.policy.AuditPolicy.Setting;
import org.junit.jupiter.api.Test;

/** Win32 results in the offline reader's units and types. */
class Win32TranslationTest {

    @Test
    void secondsAreTruncatedToDaysAndForeverIsZeroDays() {
        assertEquals(0, Win32Translation.days(0xFFFFFFFF));
        assertEquals(42, Win32Translation.days(42 * 86_400));
        assertEquals(41, Win32Translation.days(42 * 86_400 - 1));
        assertEquals(0, Win32Translation.days(0));
        assertEquals(49_710, Win32Translation.days(0xFFFFFFFE));
    }

    @Test
    void secondsAreTruncatedToMinutesAndForeverIsMinusOne() {
        assertEquals(-1, Win32Translation.minutes(0xFFFFFFFF));
        assertEquals(15, Win32Translation.minutes(900));
        assertEquals(14, Win32Translation.minutes(899));
        assertEquals(0, Win32Translation.minutes(0));
    }

    @Test
    void countsAreUnsigned() {
        assertEquals(24, Win32Translation.count(24));
        assertEquals(4_294_967_295L, Win32Translation.count(-1));
    }

    @Test
    void auditBits() {
        assertEquals(Setting.NONE, Win32Translation.audit(0));
        assertEquals(Setting.SUCCESS, Win32Translation.audit(1));
        assertEquals(Setting.FAILURE, Win32Translation.audit(2));
        assertEquals(Setting.SUCCESS_AND_FAILURE, Win32Translation.audit(3));
        assertEquals(Setting.NONE, Win32Translation.audit(4));
        assertEquals("AuditingInformation 0x8 has bits beyond POLICY_AUDIT_EVENT_SUCCESS, _FAILURE and _NONE",
                assertThrows(IllegalArgumentException.class, () -> Win32Translation.audit(8)).getMessage());
    }

    private static RegValue value(int type, byte[] data) {
        return Win32Translation.value(new Win32Calls.RawValue("v", type, data));
    }

    private static byte[] utf16(String s) {
        return s.getBytes(StandardCharsets.UTF_16LE);
    }

    @Test
    void registryStrings() {
        RegValue sz = value(1, utf16("Enabled\0"));
        assertEquals(RegKind.SZ, sz.kind());
        assertEquals(Optional.of("Enabled"), sz.text());
        assertEquals(OptionalLong.empty(), sz.number());
        RegValue expand = value(2, utf16("%SystemRoot%\\x\0"));
        assertEquals(RegKind.EXPAND_SZ, expand.kind());
        assertEquals(Optional.of("%SystemRoot%\\x"), expand.text());
        RegValue multi = value(7, utf16("a\0bc\0\0"));
        assertEquals(RegKind.MULTI_SZ, multi.kind());
        assertEquals(List.of("a", "bc"), multi.texts());
    }

    @Test
    void registryNumbersAndBinary() {
        RegValue dword = value(4, new byte[] { 1, 0, 0, 0 });
        assertEquals(RegKind.DWORD, dword.kind());
        assertEquals(OptionalLong.of(1), dword.number());
        RegValue qword = value(11, new byte[] { 0, 0, 0, 0, 1, 0, 0, 0 });
        assertEquals(RegKind.QWORD, qword.kind());
        assertEquals(OptionalLong.of(4_294_967_296L), qword.number());
        RegValue binary = value(3, new byte[] { 9, 8 });
        assertEquals(RegKind.BINARY, binary.kind());
        assertArrayEquals(new byte[] { 9, 8 }, binary.bytes());
        assertEquals(OptionalLong.empty(), binary.number());
        assertEquals(RegKind.OTHER, value(99, new byte[0]).kind());
        assertEquals(99, value(99, new byte[0]).rawType());
    }
}
