package org.bulwark.windows.regf.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

import org.bulwark.windows.regf.Hive;
import org.bulwark.windows.regf.HiveException;
import org.bulwark.windows.regf.HiveKey;
import org.bulwark.windows.regf.HiveValue;
import org.bulwark.windows.testing.Allocations;
import org.bulwark.windows.testing.HiveBuilder;
import org.bulwark.windows.testing.HiveBuilder.Layout;
import org.bulwark.windows.testing.Hivex;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Fixed-seed mutation fuzzing of the hive reader over real hives (every builder layout, and one hivexregedit
 * merged): a mutated hive is walked completely (every key, value and lookup) or refused with a HiveException that
 * names the file and an offset inside it and wraps no runtime exception; never another exception, never a hang,
 * never more keys than the file has room for, and never more allocation than a small multiple of the file.
 */
class HiveFuzzTest {
    private static final int ROUNDS = 250;
    private static final String NAME = "FUZZ";

    /** Keys and values of a walk, and whether it completed. */
    record Walk(int keys, int values, boolean complete) {
    }

    static byte[] fixture(Layout layout) {
        byte[] big = new byte[40_000];
        new Random(3).nextBytes(big);
        return new HiveBuilder().layout(layout)
            .key("Microsoft\\Windows NT\\CurrentVersion").sz("ProductName", "Windows 10 Pro").dword("UBR", 4460)
            .qword("InstallTime", 133_500_000_000_000_000L).multiSz("Paths", "C:\\a", "D:\\b")
            .expandSz("Root", "%SystemRoot%").value("odd", 0x4242, new byte[] {1, 2, 3, 4, 5, 6})
            .key("Microsoft\\Windows NT\\CurrentVersion\\Schlüssel\\Ключ").sz("Wert", "Значение").binary("", big)
            .key("Policies\\Microsoft\\Windows Defender").dword("DisableAntiSpyware", 0)
            .key("Policies\\Microsoft\\WindowsFirewall\\DomainProfile").dword("EnableFirewall", 1)
            .key("Policies\\Microsoft\\WindowsFirewall\\PublicProfile").dword("EnableFirewall", 1)
            .key("Policies\\Microsoft\\WindowsFirewall\\StandardProfile").dword("EnableFirewall", 1)
            .key("A\\B\\C\\D\\E\\F\\G").binary("small", new byte[] {9}).binary("empty", new byte[0])
            .bytes();
    }

    /** Walks everything a reader of the hive can ask for, returning what it saw; refusals are checked. */
    static Walk walk(byte[] bytes) {
        int[] counts = new int[2];
        try (Hive hive = Hive.parse(bytes, NAME)) {
            walk(hive, hive.root(), counts);
            return new Walk(counts[0], counts[1], true);
        } catch (HiveException e) {
            assertRefusal(e, bytes.length);
            return new Walk(counts[0], counts[1], false);
        }
    }

    private static void walk(Hive hive, HiveKey key, int[] counts) throws HiveException {
        counts[0]++;
        key.lastWritten();
        key.offset();
        for (HiveValue v : key.values()) {
            counts[1]++;
            v.data();
            v.number();
            v.text();
            v.texts();
            // a corrupt hive may hold two values of one name: a lookup answers the first
            assertTrue(key.value(v.name()).orElseThrow().name().equalsIgnoreCase(v.name()));
        }
        key.value("no such value");
        for (HiveKey sub : key.subkeys()) {
            assertTrue(key.subkey(sub.name()).orElseThrow().name().equalsIgnoreCase(sub.name()));
            if (counts[0] < 64) {
                hive.find(sub.path()); // may miss: a corrupt hive can hold two keys of one name on the way
            }
            walk(hive, sub, counts);
        }
    }

    static void assertRefusal(HiveException e, int length) {
        assertEquals(NAME, e.file(), e::getMessage);
        assertTrue(e.getMessage().startsWith(NAME + " at offset 0x"), e::getMessage);
        assertTrue(e.offset() >= 0 && e.offset() <= length, e::getMessage);
        assertNull(e.getCause(), () -> "a runtime exception escaped the checks: " + e.getMessage());
    }

    /** Walks under a deadline, measuring allocation; asserts the bounds; returns the walk. */
    static Walk bounded(byte[] bytes) {
        return assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            long before = Allocations.current();
            Walk w = walk(bytes);
            long used = Allocations.current() - before;
            assertTrue(used <= 40L * bytes.length + (4 << 20), () -> used + " bytes allocated for " + bytes.length);
            assertTrue(w.keys() <= bytes.length / 80 + 1, () -> w.keys() + " keys from " + bytes.length + " bytes");
            return w;
        });
    }

    private static Map<HiveMutations.Kind, int[]> fuzz(byte[] original, long seed) {
        Allocations.assumeSupported();
        assertTrue(walk(original).complete());
        HiveMutations mutations = new HiveMutations(original);
        Random random = new Random(seed);
        Map<HiveMutations.Kind, int[]> outcome = new EnumMap<>(HiveMutations.Kind.class);
        for (HiveMutations.Kind kind : HiveMutations.Kind.values()) {
            int[] o = outcome.computeIfAbsent(kind, k -> new int[2]);
            for (int round = 0; round < ROUNDS; round++) {
                o[bounded(mutations.mutate(kind, random)).complete() ? 0 : 1]++;
            }
        }
        return outcome;
    }

    private static void assertBothOutcomes(Map<HiveMutations.Kind, int[]> outcome) {
        Map<String, String> shown = new LinkedHashMap<>();
        outcome.forEach((k, o) -> shown.put(k.name(), "read " + o[0] + ", refused " + o[1]));
        for (Map.Entry<HiveMutations.Kind, int[]> e : outcome.entrySet()) {
            assertEquals(ROUNDS, e.getValue()[0] + e.getValue()[1]);
            assertTrue(e.getValue()[1] > 0, () -> "no mutation was refused: " + shown);
            if (e.getKey() != HiveMutations.Kind.TRUNCATE) {
                assertTrue(e.getValue()[0] > 0, () -> "every mutation was refused: " + shown);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Layout.class)
    void everyLayout(Layout layout) {
        assertBothOutcomes(fuzz(fixture(layout), 20261202L + layout.ordinal()));
    }

    @Test
    void aHiveMergedByHivex(@TempDir Path dir) throws Exception {
        Hivex.assumeTool("hivexregedit");
        Path reg = dir.resolve("software.reg");
        try (InputStream in = HiveFuzzTest.class.getResourceAsStream("../hives/software.reg")) {
            Files.copy(in, reg);
        }
        Path hive = Files.write(dir.resolve("SOFTWARE"), HiveBuilder.empty());
        Hivex.merge(hive, "HKEY_LOCAL_MACHINE\\SOFTWARE", reg);
        assertBothOutcomes(fuzz(Files.readAllBytes(hive), 13));
    }

    @Test
    void randomBytesAfterAValidBaseBlock() {
        Allocations.assumeSupported();
        Random random = new Random(99);
        byte[] seed = HiveBuilder.empty();
        for (int round = 0; round < ROUNDS; round++) {
            byte[] b = java.util.Arrays.copyOf(seed, 4096 + 4096 * (1 + random.nextInt(4)));
            for (int i = 4096 + 0x20; i < b.length; i++) {
                b[i] = (byte) random.nextInt(256);
            }
            bounded(b);
        }
    }
}
