package org.bulwark.plugins.internal;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Zip surgery for the tests: a zip taken apart into its entries' local records (header, data, descriptor) and
 * central directory records, and put together again in any order, with entries missing from either part, named
 * twice, or with bytes between them (APPNOTE 4.3: local headers, then the central directory, then its end record).
 * Only what jars made by the JDK use: no zip64, no archive comment.
 */
final class Zips {

    private static final int LOC = 0x04034b50;
    private static final int CEN = 0x02014b50;
    private static final int END = 0x06054b50;

    /** One entry: its local record (header to the end of its data) and its central directory record. */
    record Entry(String name, byte[] local, byte[] central) {
    }

    private Zips() {
    }

    private static ByteBuffer le(byte[] bytes) {
        return ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    }

    /** @return the entries of {@code zip} in the order of its central directory */
    static List<Entry> entries(byte[] zip) {
        ByteBuffer b = le(zip);
        int end = zip.length - 22;
        while (b.getInt(end) != END) {
            end--;
        }
        int count = Short.toUnsignedInt(b.getShort(end + 10));
        int cenStart = b.getInt(end + 16);
        int[] offsets = new int[count];
        byte[][] centrals = new byte[count][];
        String[] names = new String[count];
        for (int i = 0, p = cenStart; i < count; i++) {
            if (b.getInt(p) != CEN) {
                throw new IllegalArgumentException("no central directory record at " + p);
            }
            int nameLength = Short.toUnsignedInt(b.getShort(p + 28));
            int length = 46 + nameLength + Short.toUnsignedInt(b.getShort(p + 30))
                    + Short.toUnsignedInt(b.getShort(p + 32));
            offsets[i] = b.getInt(p + 42);
            names[i] = new String(zip, p + 46, nameLength, StandardCharsets.UTF_8);
            centrals[i] = Arrays.copyOfRange(zip, p, p + length);
            p += length;
        }
        Integer[] byOffset = new Integer[count];
        for (int i = 0; i < count; i++) {
            byOffset[i] = i;
        }
        Arrays.sort(byOffset, Comparator.comparingInt(i -> offsets[i]));
        byte[][] locals = new byte[count][];
        for (int k = 0; k < count; k++) {
            int i = byOffset[k];
            int next = k + 1 < count ? offsets[byOffset[k + 1]] : cenStart;
            if (b.getInt(offsets[i]) != LOC) {
                throw new IllegalArgumentException("no local header at " + offsets[i]);
            }
            locals[i] = Arrays.copyOfRange(zip, offsets[i], next);
        }
        List<Entry> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            out.add(new Entry(names[i], locals[i], centrals[i]));
        }
        return out;
    }

    /** @return the entry {@code name} of {@code entries} */
    static Entry named(List<Entry> entries, String name) {
        return entries.stream().filter(e -> e.name().equals(name)).findFirst().orElseThrow();
    }

    /**
     * @param locals  what comes before the central directory, in order: an {@link Entry} (its local record) or
     *                a {@code byte[]} (written as it is)
     * @param central the entries the central directory lists, in order; each must be among {@code locals}, and
     *                its record points at its local record there
     * @return the zip
     */
    static byte[] zip(List<?> locals, List<Entry> central) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Map<Entry, Integer> at = new IdentityHashMap<>();
        for (Object part : locals) {
            if (part instanceof Entry e) {
                at.put(e, out.size());
                out.writeBytes(e.local());
            } else {
                out.writeBytes((byte[]) part);
            }
        }
        int cenStart = out.size();
        for (Entry e : central) {
            byte[] record = e.central().clone();
            le(record).putInt(42, at.get(e));
            out.writeBytes(record);
        }
        int cenLength = out.size() - cenStart;
        byte[] end = new byte[22];
        le(end).putInt(0, END).putShort(8, (short) central.size()).putShort(10, (short) central.size())
                .putInt(12, cenLength).putInt(16, cenStart);
        out.writeBytes(end);
        return out.toByteArray();
    }
}
