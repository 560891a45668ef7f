package org.bulwark.windows.regf.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;

import org.junit.jupiter.api.Test;

class AccountRightsTest {
    /** A Privilgs value: count, control 0, then (low, high, attributes 0) per LUID. */
    static byte[] privilgs(long... luids) {
        ByteBuffer b = ByteBuffer.allocate(8 + 12 * luids.length).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(luids.length).putInt(0);
        for (long luid : luids) {
            b.putInt((int) luid).putInt((int) (luid >>> 32)).putInt(0);
        }
        return b.array();
    }

    static byte[] dword(int v) {
        return ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(v).array();
    }

    @Test
    void privilegesByWellKnownLuid() throws Exception {
        assertEquals(List.of("SeCreateTokenPrivilege", "SeTcbPrivilege", "SeTakeOwnershipPrivilege",
            "SeLoadDriverPrivilege", "SeBackupPrivilege", "SeDebugPrivilege", "SeImpersonatePrivilege",
            "SeCreateSymbolicLinkPrivilege"), AccountRights.privileges(privilgs(2, 7, 9, 10, 17, 20, 29, 35), "S"));
        assertEquals(List.of("LUID 0x0:0x24", "LUID 0x0:0x1", "LUID 0x1:0x14"),
            AccountRights.privileges(privilgs(36, 1, 0x1_0000_0014L), "S"));
        assertEquals(List.of(), AccountRights.privileges(privilgs(), "S"));
    }

    @Test
    void malformedPrivilgsNamesItsField() {
        assertEquals("S at field PrivilegeCount: Privilgs of 7 bytes is shorter than its 8-byte header",
            assertThrows(PolicyFileException.class, () -> AccountRights.privileges(new byte[7], "S")).getMessage());
        byte[] huge = privilgs(20);
        ByteBuffer.wrap(huge).order(ByteOrder.LITTLE_ENDIAN).putInt(0, 0xffffffff);
        assertEquals("S at offset 0x0: privilege count 4294967295 needs 51539607548 bytes but Privilgs has 20",
            assertThrows(PolicyFileException.class, () -> AccountRights.privileges(huge, "S")).getMessage());
    }

    @Test
    void logonRightsByActSysAcBit() throws Exception {
        assertEquals(List.of("SeInteractiveLogonRight", "SeNetworkLogonRight", "SeRemoteInteractiveLogonRight"),
            AccountRights.logonRights(dword(0x403), "S"));
        assertEquals(List.of("SeDenyInteractiveLogonRight", "SeDenyNetworkLogonRight",
            "SeDenyRemoteInteractiveLogonRight"), AccountRights.logonRights(dword(0x8c0), "S"));
        // PROXY (0x20) has no template name; undefined bits are ignored
        assertEquals(List.of(), AccountRights.logonRights(dword(0xfffff028), "S"));
        assertEquals("S at field ActSysAc: ActSysAc of 3 bytes is not the 4-byte system access flags",
            assertThrows(PolicyFileException.class, () -> AccountRights.logonRights(new byte[3], "S")).getMessage());
    }

    @Test
    void templatePrincipalsAndWellKnownNames() {
        assertEquals(List.of("S-1-5-32-544", "S-1-5-32-551", "Gäste"),
            Principals.ofTemplateValue(" *S-1-5-32-544 ,*S-1-5-32-551,, Gäste "));
        assertEquals(List.of(), Principals.ofTemplateValue(""));
        assertEquals(java.util.Optional.of("Guests"), Principals.wellKnownName("s-1-5-32-546"));
        assertEquals(java.util.Optional.of("Local account and member of Administrators group"),
            Principals.wellKnownName("S-1-5-114"));
        assertEquals(java.util.Optional.empty(), Principals.wellKnownName("S-1-5-21-1-2-3-500"));
    }
}
