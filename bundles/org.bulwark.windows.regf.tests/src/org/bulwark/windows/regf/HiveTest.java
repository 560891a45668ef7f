package org.bulwark.windows.regf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import org.bulwark.windows.testing.HiveBuilder;
import org.bulwark.windows.testing.HiveBuilder.Layout;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class HiveTest {
    private static HiveBuilder sample(Layout layout) {
        return new HiveBuilder().layout(layout)
            .key("Policies\\Microsoft\\Windows\\System").dword("EnableSmartScreen", 1).sz("ShellSmartScreenLevel", "Block")
            .key("Policies\\Microsoft\\Windows Defender").qword("Q", 0x1122334455667788L)
            .key("Control").multiSz("Order", "one", "two", "").expandSz("Path", "%SystemRoot%\\x")
            .key("Control\\Big").binary("Blob", pattern(40_000)).binary("Small", new byte[] {1, 2, 3})
            .key("Schlüssel€").sz("Wert€", "ü€");
    }

    static byte[] pattern(int n) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) (i * 31 + 7);
        }
        return b;
    }

    @Test
    void emptyHiveHasOnlyTheRoot() throws Exception {
        try (Hive hive = Hive.parse(HiveBuilder.empty(), "empty")) {
            assertEquals("ROOT", hive.root().name());
            assertEquals("", hive.root().path());
            assertEquals(List.of(), hive.root().subkeys());
            assertEquals(List.of(), hive.root().values());
            assertFalse(hive.dirty());
            assertEquals(Instant.parse("2024-01-01T00:00:00Z"), hive.root().lastWritten());
            assertEquals(0x20, hive.root().offset());
            assertEquals(8192, HiveBuilder.empty().length);
        }
    }

    @ParameterizedTest
    @EnumSource(Layout.class)
    void everyLayoutReadsTheSameTree(Layout layout, @TempDir Path dir) throws Exception {
        Path file = sample(layout).write(dir.resolve("SOFTWARE"));
        try (Hive hive = Hive.open(file)) {
            assertEquals(file.toString(), hive.name());
            assertEquals(List.of("Control", "Policies", "Schlüssel€"),
                hive.root().subkeys().stream().map(HiveKey::name).toList());
            HiveKey system = hive.find("policies\\MICROSOFT\\windows\\System").orElseThrow();
            assertEquals("Policies\\Microsoft\\Windows\\System", system.path());
            assertEquals(OptionalLong.of(1), system.value("enablesmartscreen").orElseThrow().number());
            assertEquals(Optional.of("Block"), system.value("ShellSmartScreenLevel").orElseThrow().text());
            assertEquals(List.of("Windows", "Windows Defender"),
                hive.find("Policies\\Microsoft").orElseThrow().subkeys().stream().map(HiveKey::name).toList());
            assertEquals(OptionalLong.of(0x1122334455667788L),
                hive.find("Policies\\Microsoft\\Windows Defender").orElseThrow().value("Q").orElseThrow().number());
            HiveKey control = hive.find("Control").orElseThrow();
            assertEquals(List.of("one", "two"), control.value("Order").orElseThrow().texts());
            assertEquals(RegType.EXPAND_SZ, control.value("Path").orElseThrow().type());
            assertEquals(Optional.of("%SystemRoot%\\x"), control.value("Path").orElseThrow().text());
            HiveKey big = hive.find("Control\\Big").orElseThrow();
            assertArrayEquals(pattern(40_000), big.value("Blob").orElseThrow().data());
            assertArrayEquals(new byte[] {1, 2, 3}, big.value("Small").orElseThrow().data());
            HiveKey utf16 = hive.find("schlüssel€").orElseThrow();
            assertEquals(Optional.of("ü€"), utf16.value("WERT€").orElseThrow().text());
            assertEquals(Optional.empty(), hive.find("Policies\\Nope"));
            assertEquals(Optional.empty(), system.value("Nope"));
        }
    }

    @Test
    void dirtyHiveIsFlagged() throws Exception {
        try (Hive hive = Hive.parse(new HiveBuilder().dirty().bytes(), "dirty")) {
            assertTrue(hive.dirty());
        }
    }

    @Test
    void closedHiveRefusesReads() throws Exception {
        Hive hive = Hive.parse(sample(Layout.LH).bytes(), "closed");
        HiveKey root = hive.root();
        hive.close();
        HiveException e = assertThrows(HiveException.class, root::subkeys);
        assertEquals("closed: the hive is closed", e.getMessage());
    }

    @Test
    void directoryIsRefused(@TempDir Path dir) {
        HiveException e = assertThrows(HiveException.class, () -> Hive.open(dir));
        assertEquals(dir + ": not a regular file", e.getMessage());
        assertEquals(-1, e.offset());
    }

    @Test
    void truncatedFileNamesFileAndOffset(@TempDir Path dir) throws Exception {
        byte[] bytes = sample(Layout.LH).bytes();
        Path file = Files.write(dir.resolve("SYSTEM"), java.util.Arrays.copyOf(bytes, 8192));
        HiveException e = assertThrows(HiveException.class, () -> Hive.open(file));
        assertEquals(file.toString(), e.file());
        assertEquals(0x28, e.offset());
    }
}
