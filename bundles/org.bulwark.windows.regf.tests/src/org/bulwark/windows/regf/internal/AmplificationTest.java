package org.bulwark.windows.regf.internal;

import static org.bulwark.windows.regf.internal.HiveMutations.i32;
import static org.bulwark.windows.regf.internal.HiveMutations.put16;
import static org.bulwark.windows.regf.internal.HiveMutations.put32;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

import org.bulwark.windows.regf.Hive;
import org.bulwark.windows.regf.HiveException;
import org.bulwark.windows.regf.HiveKey;
import org.bulwark.windows.testing.Allocations;
import org.bulwark.windows.testing.HiveBuilder;
import org.junit.jupiter.api.Test;

/**
 * Lengths and counts that claim far more than the file holds fail at once, without allocating them; and cells
 * shared between values or keys (which would make a walk of a small crafted hive read gigabytes) are refused.
 */
class AmplificationTest {
    private static final int KEYS = 2000;

    /** A hive of 64 KiB of hive bins: 200 keys with a DWORD and a string each, and one 20,000-byte value. */
    private static byte[] hive64k() {
        HiveBuilder b = new HiveBuilder().key("Big").binary("b", new byte[20_000]);
        for (int i = 0; i < 200; i++) {
            b.key(String.format("K%04d", i)).dword("d", i).sz("s", "value " + i);
        }
        return b.bytes();
    }

    private static void walk(HiveKey key) throws HiveException {
        key.values();
        for (HiveKey k : key.subkeys()) {
            walk(k);
        }
    }

    /** Applies a corruption to the 64 KiB hive; asserts the walk refuses it, allocating less than the file twice. */
    private static HiveException claim(Consumer<byte[]> corruption) {
        Allocations.assumeSupported();
        byte[] hive = hive64k();
        corruption.accept(hive);
        return assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
            long before = Allocations.current();
            HiveException e = assertThrows(HiveException.class, () -> {
                try (Hive h = Hive.parse(hive, "T")) {
                    walk(h.root());
                }
            });
            long used = Allocations.current() - before;
            assertTrue(used < 2L * hive.length + (1 << 20), used + " bytes allocated for " + hive.length);
            return e;
        });
    }

    private static LayoutTest.Cell nk(byte[] hive, String name) {
        return LayoutTest.cells(hive).stream().filter(c -> c.signature().equals("nk")
            && new String(hive, c.at() + 4 + 0x4C, i32(hive, c.at() + 4 + 0x48) & 0xffff,
                java.nio.charset.StandardCharsets.ISO_8859_1).equals(name)).findFirst().orElseThrow();
    }

    private static LayoutTest.Cell vk(byte[] hive, String name) {
        return LayoutTest.cells(hive).stream().filter(c -> c.signature().equals("vk")
            && new String(hive, c.at() + 4 + 0x14, i32(hive, c.at() + 4 + 0x02) & 0xffff,
                java.nio.charset.StandardCharsets.ISO_8859_1).equals(name)).findFirst().orElseThrow();
    }

    @Test
    void theFixtureHolds64KiBOfBins() {
        assertEquals(69632, hive64k().length); // 68 KiB: the base block and 64 KiB of hive bins
    }

    @Test
    void binsOf4GiB() {
        HiveException e = claim(h -> {
            put32(h, 0x28, 0xfffff000);
            int sum = 0;
            for (int i = 0; i < 508; i += 4) {
                sum ^= i32(h, i);
            }
            put32(h, 508, sum);
        });
        assertEquals("T at offset 0x28: truncated: hive bins data of 4294963200 bytes, the file holds 65536",
            e.getMessage());
    }

    @Test
    void valueDataOf2GiB() {
        HiveException e = claim(h -> put32(h, vk(h, "s").at() + 4 + 0x04, 0x7ffffff0));
        assertTrue(e.getMessage().endsWith(": value 's' of key K0000 has 2147483632 bytes of data, its cell holds"
            + " 20"), e.getMessage());
    }

    @Test
    void inlineDataOf2GiB() {
        HiveException e = claim(h -> put32(h, vk(h, "d").at() + 4 + 0x04, 0xffffffff));
        assertTrue(e.getMessage().endsWith(": value 'd' of key K0000 claims 2147483647 bytes of inline data, at"
            + " most 4 fit"), e.getMessage());
    }

    @Test
    void bigDataOf65535Segments() {
        HiveException e = claim(h -> put16(h, LayoutTest.first(h, "db").at() + 4 + 0x02, 0xffff));
        assertTrue(e.getMessage().endsWith(": big data segment list of 65535 segments needs 262140 bytes, its"
            + " cell holds 12"), e.getMessage());
    }

    @Test
    void fourBillionValuesAndKeys() {
        HiveException values = claim(h -> put32(h, nk(h, "K0000").at() + 4 + 0x24, 0xffffffff));
        assertTrue(values.getMessage().endsWith(": key K0000 has 4294967295 values, more than its value list cell"
            + " of 12 bytes holds"), values.getMessage());
        HiveException keys = claim(h -> {
            int root = 4096 + i32(h, 0x24) + 4;
            put32(h, root + 0x14, 0xffffffff);
            put16(h, 4096 + i32(h, root + 0x1C) + 4 + 2, 0xffff);
        });
        assertTrue(keys.getMessage().endsWith(": lh list of 65535 keys needs 524284 bytes, its cell holds 1612"),
            keys.getMessage());
    }

    @Test
    void aKeyNameOf64KiB() {
        HiveException e = claim(h -> put16(h, 4096 + i32(h, 0x24) + 4 + 0x48, 0xffff));
        assertTrue(e.getMessage().endsWith(": key name needs 65611 bytes, its cell holds 84"), e.getMessage());
    }

    /** {@value #KEYS} keys whose value names the one 40,000-byte big data cell of the key "Big". */
    private static byte[] sharedData() {
        HiveBuilder b = new HiveBuilder().key("Big").binary("b", new byte[40_000]);
        for (int i = 0; i < KEYS; i++) {
            b.key(String.format("K%04d", i)).binary("v", new byte[] {1, 2, 3, 4, 5});
        }
        byte[] hive = b.bytes();
        int db = LayoutTest.first(hive, "db").rel();
        for (LayoutTest.Cell c : LayoutTest.cells(hive)) {
            if (c.signature().equals("vk") && hive[c.at() + 4 + 0x14] == 'v') {
                put32(hive, c.at() + 4 + 0x04, 40_000);
                put32(hive, c.at() + 4 + 0x08, db);
            }
        }
        return hive;
    }

    @Test
    void oneDataCellNamedByThousandsOfValuesIsReadOnce() throws Exception {
        Allocations.assumeSupported();
        byte[] hive = sharedData();
        LayoutTest.Cell db = LayoutTest.first(hive, "db");
        LayoutTest.Cell big = vk(hive, "b");
        long before = Allocations.current();
        try (Hive h = Hive.parse(hive, "T")) {
            assertEquals(40_000, h.find("Big").orElseThrow().value("b").orElseThrow().data().length);
            HiveKey k = h.find("K0000").orElseThrow();
            HiveException e = assertThrows(HiveException.class, () -> k.values());
            LayoutTest.Cell v = vk(hive, "v");
            assertEquals(v.at(), e.offset());
            assertEquals("T at offset 0x" + Integer.toHexString(v.at()) + ": the data of value 'v' of key K0000 is"
                + " shared: its cell 0x" + Integer.toHexString(db.at()) + " belongs to the cell at 0x"
                + Integer.toHexString(big.at()), e.getMessage());
            int refused = 0;
            for (HiveKey key : h.root().subkeys()) {
                try {
                    key.values();
                } catch (HiveException x) {
                    refused++;
                }
            }
            assertEquals(KEYS, refused);
        }
        long used = Allocations.current() - before;
        // reading the data once per key would allocate KEYS x 40,000 x 2 bytes = 160 MB
        assertTrue(used < 40L * hive.length, used + " bytes allocated for a hive of " + hive.length);
    }

    @Test
    void oneValueListNamedByTwoKeysIsRefusedForTheSecond() throws Exception {
        byte[] hive = new HiveBuilder().key("A").dword("a", 1).key("B").dword("b", 2).bytes();
        LayoutTest.Cell a = nk(hive, "A");
        LayoutTest.Cell b = nk(hive, "B");
        put32(hive, b.at() + 4 + 0x28, i32(hive, a.at() + 4 + 0x28));
        try (Hive s = Hive.parse(hive, "S")) {
            HiveKey keyA = s.find("A").orElseThrow();
            assertEquals(List.of("a"), keyA.values().stream().map(v -> v.name()).toList());
            HiveException e = assertThrows(HiveException.class, () -> s.find("B").orElseThrow().values());
            assertEquals("S at offset 0x" + Integer.toHexString(b.at()) + ": the value of key B is shared: its cell 0x"
                + Long.toHexString(vkOf(hive, a)) + " belongs to the cell at 0x" + Integer.toHexString(a.at()),
                e.getMessage());
            assertEquals(List.of("a"), keyA.values().stream().map(v -> v.name()).toList());
        }
    }

    @Test
    void readersOnManyThreadsShareTheClaimsOfOneHive() throws Exception {
        byte[] hive = HiveFuzzTest.fixture(HiveBuilder.Layout.LH);
        try (Hive h = Hive.parse(hive, "T")) {
            java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
            try {
                List<java.util.concurrent.Future<Integer>> runs = new java.util.ArrayList<>();
                for (int i = 0; i < 16; i++) {
                    runs.add(pool.submit(() -> count(h.root())));
                }
                for (java.util.concurrent.Future<Integer> run : runs) {
                    assertEquals(14, run.get(30, java.util.concurrent.TimeUnit.SECONDS));
                }
            } finally {
                pool.shutdownNow();
            }
        }
    }

    /** The values under a key, each read twice. */
    private static int count(HiveKey key) throws HiveException {
        int n = key.values().size();
        for (var v : key.values()) {
            key.value(v.name()).orElseThrow().data();
        }
        for (HiveKey k : key.subkeys()) {
            n += count(k);
        }
        return n;
    }

    /** The file offset of the first value cell of a key. */
    private static long vkOf(byte[] hive, LayoutTest.Cell key) {
        int list = i32(hive, key.at() + 4 + 0x28);
        return 4096L + i32(hive, 4096 + list + 4);
    }
}
