package org.bulwark.windows.regf.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.bulwark.windows.testing.PolicyBlobs;
import org.junit.jupiter.api.Test;

class BlobsTest {
    @Test
    void domainPolicy() throws Exception {
        byte[] f = PolicyBlobs.domainF(14, 24, Duration.ofDays(60), Duration.ofDays(1), Duration.ofMinutes(15),
            Duration.ofMinutes(15), true, 5);
        assertEquals(new SamDomainPolicy(14, 24, Optional.of(Duration.ofDays(60)), Optional.of(Duration.ofDays(1)),
            Optional.of(Duration.ofMinutes(15)), Optional.of(Duration.ofMinutes(15)), 1, 5),
            SamDomainPolicy.decode(f, "SAM"));
        assertTrue(SamDomainPolicy.decode(f, "SAM").complexity());
    }

    @Test
    void domainPolicyNeverAndRawOffsets() throws Exception {
        byte[] f = PolicyBlobs.domainF(0, 0, null, Duration.ZERO, null, Duration.ofSeconds(30, 100), false, 0);
        assertEquals((byte) 0x80, f[0x1F]);
        SamDomainPolicy p = SamDomainPolicy.decode(f, "SAM");
        assertEquals(Optional.empty(), p.maxPasswordAge());
        assertEquals(Optional.of(Duration.ZERO), p.minPasswordAge());
        assertEquals(Optional.empty(), p.lockoutDuration());
        assertEquals(Optional.of(Duration.ofSeconds(30, 100)), p.lockoutObservationWindow());
        assertFalse(p.complexity());
        // 42 days as Windows writes it: -42 * 864,000,000,000 = 0xFFFFDF0E_BC3C0000 ... checked against the layout
        java.nio.ByteBuffer.wrap(f).order(java.nio.ByteOrder.LITTLE_ENDIAN).putLong(0x18, -36_288_000_000_000L)
            .putShort(0x50, (short) 7);
        assertEquals(Optional.of(Duration.ofDays(42)), SamDomainPolicy.decode(f, "SAM").maxPasswordAge());
        assertEquals(7, SamDomainPolicy.decode(f, "SAM").minPasswordLength());
    }

    @Test
    void domainPolicyErrors() {
        assertEquals("SAM at field LockoutThreshold: DOMAIN_ACCOUNT_F of 80 bytes is shorter than the 86 that hold"
            + " the policy", assertThrows(PolicyFileException.class,
                () -> SamDomainPolicy.decode(new byte[80], "SAM")).getMessage());
        byte[] f = PolicyBlobs.domainF(1, 1, null, null, null, null, false, 0);
        f[0x1F] = 0;
        f[0x18] = 5;
        assertEquals("SAM at field MaxPasswordAge: a positive interval 5 (SAM stores intervals as negative 100-ns"
            + " counts)", assertThrows(PolicyFileException.class, () -> SamDomainPolicy.decode(f, "SAM")).getMessage());
    }

    @Test
    void userFlags() throws Exception {
        assertTrue(SamUserFlags.decode(PolicyBlobs.userF(0x0011), "u").disabled());
        SamUserFlags enabled = SamUserFlags.decode(PolicyBlobs.userF(0x0210), "u");
        assertFalse(enabled.disabled());
        assertTrue(enabled.passwordNeverExpires());
        assertEquals(0x0210, enabled.acb());
        assertEquals("u at field AccountControl: user F of 10 bytes is shorter than the 58 that hold the account"
            + " control bits", assertThrows(PolicyFileException.class,
                () -> SamUserFlags.decode(new byte[10], "u")).getMessage());
    }

    @Test
    void auditPolicy() throws Exception {
        int[][] settings = PolicyBlobs.polAdtEvLayout(0);
        settings[8][0] = 3; // Credential Validation
        settings[1][0] = 1; // Logon
        settings[1][1] = 2; // Logoff
        AuditPolicy p = AuditPolicy.decode(PolicyBlobs.polAdtEv(settings), "SECURITY");
        assertEquals(59, p.entries().size());
        assertEquals(Optional.of(AuditPolicy.Setting.SUCCESS_AND_FAILURE), p.get("Credential Validation"));
        assertEquals(Optional.of(AuditPolicy.Setting.SUCCESS_AND_FAILURE),
            p.get("0cce923f-69ae-11d9-bed3-505054503030"));
        assertEquals(Optional.of(AuditPolicy.Setting.SUCCESS), p.get("{0CCE9215-69AE-11D9-BED3-505054503030}"));
        assertEquals(Optional.of(AuditPolicy.Setting.FAILURE), p.get("logoff"));
        assertEquals(Optional.of(AuditPolicy.Setting.NONE), p.get("Special Logon"));
        assertEquals(new AuditSubcategory("Logon/Logoff", "Special Logon", "{0CCE921B-69AE-11D9-BED3-505054503030}"),
            p.entries().get(5 + 4).subcategory());
        assertEquals(Optional.empty(), p.get("Nope"));
    }

    @Test
    void auditPolicyUnknownSubcategoryAndErrors() throws Exception {
        AuditPolicy p = AuditPolicy.decode(PolicyBlobs.polAdtEv(new int[][] {{1, 1, 1, 1, 1, 2}}), "S");
        assertEquals(new AuditPolicy.Entry(new AuditSubcategory("System", "Unknown", ""), AuditPolicy.Setting.FAILURE),
            p.entries().get(5));
        assertEquals("S at offset 0xc: audit setting 4 is not 0..3", assertThrows(PolicyFileException.class,
            () -> AuditPolicy.decode(PolicyBlobs.polAdtEv(new int[][] {{4}}), "S")).getMessage());
        assertEquals("S at offset 0x0: PolAdtEv of 3 bytes is shorter than its 12-byte header",
            assertThrows(PolicyFileException.class, () -> AuditPolicy.decode(new byte[3], "S")).getMessage());
        byte[] b = PolicyBlobs.polAdtEv(new int[][] {{1}});
        b[8] = (byte) 200;
        assertEquals("S at offset 0x8: the 1 category counts at offset 200 do not fit in 20 bytes",
            assertThrows(PolicyFileException.class, () -> AuditPolicy.decode(b, "S")).getMessage());
        assertEquals(List.of(5, 11, 14, 3, 6, 6, 6, 4, 4),
            AuditSubcategory.ORDER.stream().map(List::size).toList());
    }

    /** A user's V: the 0xCC-byte header with entry 1 (name offset, length) at 0x0C, then padding and the name. */
    static byte[] userV(int padding, String name) {
        byte[] n = name.getBytes(java.nio.charset.StandardCharsets.UTF_16LE);
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(SamUserName.HEADER + padding + n.length)
            .order(java.nio.ByteOrder.LITTLE_ENDIAN);
        b.putInt(0x0C, padding).putInt(0x10, n.length).position(SamUserName.HEADER + padding);
        b.put(n);
        return b.array();
    }

    @Test
    void samUserName() throws Exception {
        assertEquals("Administrator", SamUserName.decode(userV(0, "Administrator"), "SAM").name());
        assertEquals("Gäst", SamUserName.decode(userV(8, "Gäst"), "SAM").name());
        assertEquals("", SamUserName.decode(userV(0, ""), "SAM").name());
        assertEquals("SAM at field NameOffset: user V of 12 bytes is shorter than its 204-byte header",
            assertThrows(PolicyFileException.class, () -> SamUserName.decode(new byte[12], "SAM")).getMessage());
        byte[] past = userV(0, "Guest");
        java.nio.ByteBuffer.wrap(past).order(java.nio.ByteOrder.LITTLE_ENDIAN).putInt(0x0C, 0xfffffff0);
        assertEquals("SAM at offset 0xc: user name at 0x1000000bc of 10 bytes runs past the end of the 214-byte V",
            assertThrows(PolicyFileException.class, () -> SamUserName.decode(past, "SAM")).getMessage());
        byte[] odd = userV(0, "Guest");
        java.nio.ByteBuffer.wrap(odd).order(java.nio.ByteOrder.LITTLE_ENDIAN).putInt(0x10, 9);
        assertEquals("SAM at offset 0x10: user name length 9 is odd for UTF-16",
            assertThrows(PolicyFileException.class, () -> SamUserName.decode(odd, "SAM")).getMessage());
    }
}
