package org.bulwark.windows.regf.policy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import org.bulwark.windows.regf.RegType;
import org.bulwark.windows.testing.PolWriter;
import org.junit.jupiter.api.Test;

class PolicyFileTest {
    /** [A;v;REG_DWORD;4;1], hand-hexed from [MS-GPREG] 2.2.1. */
    static final byte[] GOLDEN = HexFormat.of().parseHex("5052656701000000" + "5b00" + "410000003b00" + "760000003b00"
        + "040000003b00" + "040000003b00" + "01000000" + "5d00");

    @Test
    void goldenFile() throws Exception {
        List<PolicyEntry> entries = PolicyFile.parse(GOLDEN, "Registry.pol");
        assertEquals(List.of(new PolicyEntry("A", "v", RegType.DWORD, new byte[] {1, 0, 0, 0}, 8)), entries);
        assertEquals(OptionalLong.of(1), entries.get(0).number());
        assertArrayEquals(GOLDEN, new PolWriter().dword("A", "v", 1).bytes());
    }

    @Test
    void writerRoundTrip() throws Exception {
        byte[] pol = new PolWriter().dword("Software\\Policies\\Microsoft\\Windows\\System", "EnableSmartScreen", 1)
            .sz("Software\\Policies\\Microsoft\\Windows\\System", "ShellSmartScreenLevel", "Block")
            .delete("Software\\Policies\\Microsoft\\Windows\\Explorer", "NoAutorun")
            .entry("Software\\Policies\\X", "**DelVals.", 1, new byte[] {' ', 0, 0, 0}).bytes();
        List<PolicyEntry> e = PolicyFile.parse(pol, "Registry.pol");
        assertEquals(4, e.size());
        assertEquals(8, e.get(0).offset());
        assertEquals(8 + 2 + 86 + 2 + 36 + 2 + 4 + 2 + 4 + 2 + 4 + 2, e.get(1).offset());
        assertEquals(Optional.of("Block"), e.get(1).text());
        assertFalse(e.get(1).deletes());
        assertTrue(e.get(2).deletes());
        assertEquals("NoAutorun", e.get(2).deletedValue());
        assertEquals("**del.NoAutorun", e.get(2).valueName());
        assertEquals("", e.get(0).deletedValue());
        assertEquals("**DelVals.", e.get(3).valueName());
    }

    @Test
    void specialNamesThatDelete() {
        for (String n : List.of("**DeleteValues", "**DelVals", "**DeleteKeys", "**del.X", "**DEL.y")) {
            assertTrue(new PolicyEntry("K", n, RegType.SZ, new byte[0], 8).deletes(), n);
        }
        assertFalse(new PolicyEntry("K", "**SecureKey", RegType.DWORD, new byte[4], 8).deletes());
    }

    @Test
    void errorsNameFileAndOffset() {
        assertEquals("p at offset 0x0: no PReg signature",
            assertThrows(PolicyFileException.class, () -> PolicyFile.parse(new byte[8], "p")).getMessage());
        byte[] truncated = java.util.Arrays.copyOf(GOLDEN, GOLDEN.length - 3);
        assertEquals("p at offset 0x22: data size 4 runs past the end of the file",
            assertThrows(PolicyFileException.class, () -> PolicyFile.parse(truncated, "p")).getMessage());
        byte[] noBracket = GOLDEN.clone();
        noBracket[8] = 'x';
        assertEquals("p at offset 0x8: expected '[', found U+0078",
            assertThrows(PolicyFileException.class, () -> PolicyFile.parse(noBracket, "p")).getMessage());
        byte[] version = GOLDEN.clone();
        version[4] = 2;
        assertEquals("p at offset 0x4: unsupported version 2",
            assertThrows(PolicyFileException.class, () -> PolicyFile.parse(version, "p")).getMessage());
    }

    @Test
    void headerOnlyIsEmpty() throws Exception {
        assertEquals(List.of(), PolicyFile.parse(java.util.Arrays.copyOf(GOLDEN, 8), "p"));
    }
}
