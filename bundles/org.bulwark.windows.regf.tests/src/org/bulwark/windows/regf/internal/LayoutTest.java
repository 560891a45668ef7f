package org.bulwark.windows.regf.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

import org.bulwark.windows.regf.Hive;
import org.bulwark.windows.regf.HiveException;
import org.bulwark.windows.regf.HiveKey;
import org.bulwark.windows.testing.HiveBuilder;
import org.bulwark.windows.testing.HiveBuilder.Layout;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The exact cell layouts the builder writes and the reader decodes, and every corruption the reader refuses. */
class LayoutTest {
    /** An allocated cell: file offset of its size field, its signature. */
    record Cell(int at, String signature) {
        int rel() {
            return at - 4096;
        }
    }

    static List<Cell> cells(byte[] hive) {
        ByteBuffer b = ByteBuffer.wrap(hive).order(ByteOrder.LITTLE_ENDIAN);
        List<Cell> out = new ArrayList<>();
        int bin = 4096;
        while (bin < hive.length) {
            int size = b.getInt(bin + 8);
            for (int p = bin + 0x20; p < bin + size;) {
                int cell = b.getInt(p);
                if (cell < 0) {
                    out.add(new Cell(p, new String(hive, p + 4, 2, java.nio.charset.StandardCharsets.ISO_8859_1)));
                }
                p += Math.abs(cell);
            }
            bin += size;
        }
        return out;
    }

    static Cell first(byte[] hive, String signature) {
        return cells(hive).stream().filter(c -> c.signature().equals(signature)).findFirst().orElseThrow();
    }

    static int i32(byte[] b, int at) {
        return ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).getInt(at);
    }

    static void put32(byte[] b, int at, int v) {
        ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).putInt(at, v);
    }

    static void put16(byte[] b, int at, int v) {
        ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).putShort(at, (short) v);
    }

    private static byte[] tree(Layout layout) {
        return new HiveBuilder().layout(layout).key("Alpha").dword("d", 1).key("Beta\\Gamma").sz("s", "x")
            .key("Delta").bytes();
    }

    /** The file offset of the payload of the root key's subkey list. */
    private static int rootList(byte[] hive) {
        int root = 4096 + i32(hive, 0x24);
        return 4096 + i32(hive, root + 4 + 0x1C) + 4;
    }

    private static HiveException walkError(byte[] hive) {
        return assertThrows(HiveException.class, () -> {
            try (Hive h = Hive.parse(hive, "T")) {
                walk(h.root());
            }
        });
    }

    private static void walk(HiveKey key) throws HiveException {
        key.values();
        for (HiveKey k : key.subkeys()) {
            walk(k);
        }
    }

    @ParameterizedTest
    @EnumSource(Layout.class)
    void subkeyListSignatures(Layout layout) throws Exception {
        byte[] hive = tree(layout);
        int list = rootList(hive);
        String expected = layout.name().toLowerCase(java.util.Locale.ROOT);
        assertEquals(expected, new String(hive, list, 2, java.nio.charset.StandardCharsets.ISO_8859_1));
        if (layout == Layout.RI) {
            assertEquals(2, i32(hive, list) >>> 16);
            int sub = 4096 + i32(hive, list + 4) + 4;
            assertEquals("lh", new String(hive, sub, 2, java.nio.charset.StandardCharsets.ISO_8859_1));
            assertEquals(2, i32(hive, sub) >>> 16);
        } else {
            assertEquals(3, i32(hive, list) >>> 16);
        }
        if (layout == Layout.LF) {
            assertEquals("Alph", new String(hive, list + 8, 4, java.nio.charset.StandardCharsets.ISO_8859_1));
        }
        if (layout == Layout.LH) {
            assertEquals(HiveWriterHash.lh("Alpha"), i32(hive, list + 8));
        }
        try (Hive h = Hive.parse(hive, "T")) {
            assertEquals(List.of("Alpha", "Beta", "Delta"), h.root().subkeys().stream().map(HiveKey::name).toList());
        }
    }

    @Test
    void lhHashIsWindowsHash() {
        // 37-based hash of the upper-case name: "AB" = 37 * 'A' + 'B' = 37 * 65 + 66
        assertEquals(2471, HiveWriterHash.lh("ab"));
    }

    @Test
    void inlineDataLivesInTheOffsetField() {
        byte[] hive = new HiveBuilder().key("K").binary("b", new byte[] {9, 8, 7}).bytes();
        Cell vk = first(hive, "vk");
        assertEquals(0x80000003, i32(hive, vk.at() + 4 + 4));
        assertEquals(0x00070809, i32(hive, vk.at() + 4 + 8));
    }

    @Test
    void bigDataIsWrittenAsDbSegments() throws Exception {
        byte[] data = new byte[40_000];
        new java.util.Random(7).nextBytes(data);
        byte[] hive = new HiveBuilder().key("K").binary("b", data).bytes();
        Cell db = first(hive, "db");
        assertEquals(3, i32(hive, db.at() + 4) >>> 16);
        try (Hive h = Hive.parse(hive, "T")) {
            assertArrayEquals(data, h.find("K").orElseThrow().value("b").orElseThrow().data());
        }
    }

    @Test
    void badChecksum() {
        byte[] hive = HiveBuilder.empty();
        hive[0x30] ^= 1;
        HiveException e = assertThrows(HiveException.class, () -> Hive.parse(hive, "T"));
        assertEquals(508, e.offset());
        assertEquals("T at offset 0x1fc: base block checksum 0x" + Integer.toHexString(i32(hive, 508))
            + " is not 0x" + Integer.toHexString(i32(hive, 508) ^ 1), e.getMessage());
    }

    @Test
    void badSignature() {
        byte[] hive = HiveBuilder.empty();
        hive[0] = 'x';
        HiveException e = assertThrows(HiveException.class, () -> Hive.parse(hive, "T"));
        assertEquals("T at offset 0x0: no regf signature", e.getMessage());
    }

    @Test
    void shortFile() {
        HiveException e = assertThrows(HiveException.class, () -> Hive.parse(new byte[100], "T"));
        assertEquals("T at offset 0x64: truncated: 100 bytes, shorter than the 4096-byte base block", e.getMessage());
    }

    @Test
    void riThatHoldsItself() {
        byte[] hive = tree(Layout.RI);
        Cell ri = first(hive, "ri");
        put32(hive, ri.at() + 8, ri.rel());
        HiveException e = walkError(hive);
        assertEquals(ri.at(), e.offset());
        assertEquals("T at offset 0x" + Integer.toHexString(ri.at()) + ": the ri list of key  holds another ri list",
            e.getMessage());
    }

    @Test
    void riNamingOneListTwice() {
        byte[] hive = tree(Layout.RI);
        Cell ri = first(hive, "ri");
        put32(hive, ri.at() + 12, i32(hive, ri.at() + 8));
        assertEquals(ri.at(), walkError(hive).offset());
    }

    @Test
    void keyListingItself() {
        byte[] hive = tree(Layout.LI);
        int list = rootList(hive);
        put32(hive, list + 4, i32(hive, 0x24));
        HiveException e = walkError(hive);
        assertEquals(4096 + 0x20, e.offset());
        assertEquals("T at offset 0x1020: key  lists itself or an ancestor as a subkey", e.getMessage());
    }

    @Test
    void keyListedTwice() {
        byte[] hive = tree(Layout.LI);
        int list = rootList(hive);
        put32(hive, list + 8, i32(hive, list + 4));
        HiveException e = walkError(hive);
        assertEquals(list - 4, e.offset());
    }

    @Test
    void countLargerThanTheCell() {
        byte[] hive = tree(Layout.LH);
        int list = rootList(hive);
        put16(hive, list + 2, 1000);
        HiveException e = walkError(hive);
        assertEquals(list - 4, e.offset());
        assertEquals("T at offset 0x" + Integer.toHexString(list - 4) + ": lh list of 1000 keys needs 8004 bytes,"
            + " its cell holds 28", e.getMessage());
    }

    @Test
    void valueCountLargerThanItsList() {
        byte[] hive = new HiveBuilder().dword("a", 1).bytes();
        int root = 4096 + i32(hive, 0x24);
        put32(hive, root + 4 + 0x24, 5000);
        HiveException e = walkError(hive);
        assertEquals("T at offset 0x" + Integer.toHexString(4096 + i32(hive, root + 4 + 0x28)) + ": key  has 5000"
            + " values, more than its value list cell of 4 bytes holds", e.getMessage());
    }

    @Test
    void inlineDataLongerThanFour() {
        byte[] hive = new HiveBuilder().dword("a", 1).bytes();
        Cell vk = first(hive, "vk");
        put32(hive, vk.at() + 8, 0x80000008);
        assertEquals("T at offset 0x" + Integer.toHexString(vk.at()) + ": value 'a' of key  claims 8 bytes of"
            + " inline data, at most 4 fit", walkError(hive).getMessage());
    }

    @Test
    void dataLargerThanItsCell() {
        byte[] hive = new HiveBuilder().sz("a", "hello").bytes();
        Cell vk = first(hive, "vk");
        put32(hive, vk.at() + 8, 4000);
        int data = 4096 + i32(hive, vk.at() + 12);
        assertEquals("T at offset 0x" + Integer.toHexString(data) + ": value 'a' of key  has 4000 bytes of data,"
            + " its cell holds 12", walkError(hive).getMessage());
    }

    @Test
    void bigDataWithTooFewSegments() {
        byte[] hive = new HiveBuilder().binary("b", new byte[40_000]).bytes();
        Cell db = first(hive, "db");
        put16(hive, db.at() + 6, 1);
        assertEquals(db.at(), walkError(hive).offset());
    }

    @Test
    void freeCellReferenced() {
        byte[] hive = tree(Layout.LH);
        int list = rootList(hive);
        put32(hive, list - 4, -i32(hive, list - 4));
        HiveException e = walkError(hive);
        assertEquals("T at offset 0x" + Integer.toHexString(list - 4) + ": subkey list cell is not allocated (size 32)",
            e.getMessage());
    }

    @Test
    void parentMismatch() {
        byte[] hive = tree(Layout.LH);
        int list = rootList(hive);
        int child = 4096 + i32(hive, list + 4);
        put32(hive, child + 4 + 0x10, 0x1234);
        assertEquals(child, walkError(hive).offset());
    }

    @Test
    void offsetOutsideTheBins() {
        byte[] hive = tree(Layout.LH);
        int root = 4096 + i32(hive, 0x24);
        put32(hive, root + 4 + 0x1C, 0x7ffffff0);
        assertEquals("T at offset 0x" + Integer.toHexString(root) + ": subkey list cell offset 0x7ffffff0 lies outside"
            + " the hive bins", walkError(hive).getMessage());
    }

    @Test
    void unknownListSignature() {
        byte[] hive = tree(Layout.LH);
        int list = rootList(hive);
        hive[list] = 'z';
        assertEquals("T at offset 0x" + Integer.toHexString(list - 4) + ": the subkey list of key  has the unknown"
            + " signature 'zh'", walkError(hive).getMessage());
    }

    /** The lh hash as Windows computes it, written independently of the builder. */
    static final class HiveWriterHash {
        static int lh(String name) {
            int h = 0;
            for (int i = 0; i < name.length(); i++) {
                h = h * 37 + Character.toUpperCase(name.charAt(i));
            }
            return h;
        }
    }
}
