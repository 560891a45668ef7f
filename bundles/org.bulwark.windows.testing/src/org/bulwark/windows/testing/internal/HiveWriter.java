package org.bulwark.windows.testing.internal;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import org.bulwark.windows.testing.HiveBuilder.Layout;
import org.bulwark.windows.testing.HiveBuilder.Node;
import org.bulwark.windows.testing.HiveBuilder.Value;

/**
 * Writes a tree of keys as a REGF 1.5 file: cells packed into 4096-byte hive bins (larger bins for larger cells),
 * the rest of each bin one free cell, one shared security cell, the base block checksum.
 */
public final class HiveWriter {
    private static final int BASE = 4096;
    private static final int SEGMENT = 16344;
    private static final int NONE = -1;

    private final Layout layout;
    private final boolean dirty;
    private final long filetime;
    private byte[] buf = new byte[BASE * 4];
    private int pos;
    private int binStart;
    private int binEnd;
    private int sk;
    private int keys;

    public HiveWriter(Layout layout, boolean dirty, Instant lastWritten) {
        this.layout = layout;
        this.dirty = dirty;
        this.filetime = (lastWritten.getEpochSecond() + 11_644_473_600L) * 10_000_000L + lastWritten.getNano() / 100;
    }

    public byte[] write(Node root) {
        binStart = BASE;
        binEnd = BASE;
        pos = BASE;
        newBin(0);
        int rootOffset = alloc(0x4C + nameBytes(root.name).length);
        sk = alloc(20 + SECURITY.length);
        writeKey(root, rootOffset, 0, true);
        closeBin();
        // the security cell: one descriptor shared by every key, its list pointing at itself
        int p = BASE + sk + 4;
        ascii(p, "sk");
        i32(p + 4, sk);
        i32(p + 8, sk);
        i32(p + 12, keys);
        i32(p + 16, SECURITY.length);
        System.arraycopy(SECURITY, 0, buf, p + 20, SECURITY.length);
        baseBlock(rootOffset, binEnd - BASE);
        return Arrays.copyOf(buf, binEnd);
    }

    private void writeKey(Node node, int offset, int parent, boolean root) {
        keys++;
        List<Node> children = new ArrayList<>(node.children.values());
        children.sort(Comparator.comparing(n -> n.name.toUpperCase(Locale.ROOT)));
        int[] childOffsets = new int[children.size()];
        int maxName = 0;
        for (int i = 0; i < children.size(); i++) {
            childOffsets[i] = alloc(0x4C + nameBytes(children.get(i).name).length);
            maxName = Math.max(maxName, children.get(i).name.length() * 2);
        }
        int list = children.isEmpty() ? NONE : subkeyList(children, childOffsets);
        int[] valueOffsets = new int[node.values.size()];
        int maxValueName = 0;
        int maxData = 0;
        for (int i = 0; i < valueOffsets.length; i++) {
            valueOffsets[i] = value(node.values.get(i));
            maxValueName = Math.max(maxValueName, node.values.get(i).name().length() * 2);
            maxData = Math.max(maxData, node.values.get(i).data().length);
        }
        int valueList = NONE;
        if (valueOffsets.length > 0) {
            valueList = alloc(valueOffsets.length * 4);
            for (int i = 0; i < valueOffsets.length; i++) {
                i32(BASE + valueList + 4 + i * 4, valueOffsets[i]);
            }
        }
        byte[] name = nameBytes(node.name);
        int p = BASE + offset + 4;
        ascii(p, "nk");
        u16(p + 0x02, (root ? 0x2C : 0) | (latin1(node.name) ? 0x20 : 0));
        i64(p + 0x04, filetime);
        i32(p + 0x10, root ? 0 : parent);
        i32(p + 0x14, children.size());
        i32(p + 0x1C, list);
        i32(p + 0x20, NONE);
        i32(p + 0x24, valueOffsets.length);
        i32(p + 0x28, valueList);
        i32(p + 0x2C, sk);
        i32(p + 0x30, NONE);
        i32(p + 0x34, maxName);
        i32(p + 0x3C, maxValueName);
        i32(p + 0x40, maxData);
        u16(p + 0x48, name.length);
        System.arraycopy(name, 0, buf, p + 0x4C, name.length);
        for (int i = 0; i < children.size(); i++) {
            writeKey(children.get(i), childOffsets[i], offset, false);
        }
    }

    private int subkeyList(List<Node> children, int[] offsets) {
        switch (layout) {
            case LI:
                return leaf("li", children, offsets, 0, offsets.length);
            case LF:
                return leaf("lf", children, offsets, 0, offsets.length);
            case LH:
                return leaf("lh", children, offsets, 0, offsets.length);
            case RI:
            default:
                int half = (offsets.length + 1) / 2;
                int first = leaf("lh", children, offsets, 0, half);
                int second = half < offsets.length ? leaf("lh", children, offsets, half, offsets.length) : NONE;
                int count = second == NONE ? 1 : 2;
                int ri = alloc(4 + count * 4);
                ascii(BASE + ri + 4, "ri");
                u16(BASE + ri + 6, count);
                i32(BASE + ri + 8, first);
                if (second != NONE) {
                    i32(BASE + ri + 12, second);
                }
                return ri;
        }
    }

    private int leaf(String signature, List<Node> children, int[] offsets, int from, int to) {
        int stride = "li".equals(signature) ? 4 : 8;
        int cell = alloc(4 + (to - from) * stride);
        int p = BASE + cell + 4;
        ascii(p, signature);
        u16(p + 2, to - from);
        for (int i = from; i < to; i++) {
            int at = p + 4 + (i - from) * stride;
            i32(at, offsets[i]);
            if ("lh".equals(signature)) {
                i32(at + 4, lhHash(children.get(i).name));
            } else if ("lf".equals(signature)) {
                String n = children.get(i).name;
                for (int c = 0; c < 4 && c < n.length(); c++) {
                    buf[at + 4 + c] = (byte) n.charAt(c);
                }
            }
        }
        return cell;
    }

    private int value(Value value) {
        byte[] name = nameBytes(value.name());
        byte[] data = value.data();
        int vk = alloc(0x14 + name.length);
        int p = BASE + vk + 4;
        ascii(p, "vk");
        u16(p + 0x02, name.length);
        if (data.length <= 4) {
            i32(p + 0x04, 0x80000000 | data.length);
            System.arraycopy(data, 0, buf, p + 0x08, data.length);
        } else {
            i32(p + 0x04, data.length);
            i32(p + 0x08, data.length > SEGMENT ? big(data) : blob(data, 0, data.length));
        }
        i32(p + 0x0C, value.type());
        u16(p + 0x10, latin1(value.name()) ? 1 : 0);
        System.arraycopy(name, 0, buf, p + 0x14, name.length);
        return vk;
    }

    private int blob(byte[] data, int from, int length) {
        int cell = alloc(length);
        System.arraycopy(data, from, buf, BASE + cell + 4, length);
        return cell;
    }

    private int big(byte[] data) {
        int count = (data.length + SEGMENT - 1) / SEGMENT;
        int[] segments = new int[count];
        for (int i = 0; i < count; i++) {
            segments[i] = blob(data, i * SEGMENT, Math.min(SEGMENT, data.length - i * SEGMENT));
        }
        int list = alloc(count * 4);
        for (int i = 0; i < count; i++) {
            i32(BASE + list + 4 + i * 4, segments[i]);
        }
        int db = alloc(8);
        ascii(BASE + db + 4, "db");
        u16(BASE + db + 6, count);
        i32(BASE + db + 8, list);
        return db;
    }

    /** Allocates a cell for a payload: its offset relative to the first hive bin. */
    private int alloc(int payload) {
        int size = (payload + 4 + 7) & ~7;
        if (pos + size > binEnd) {
            closeBin();
            newBin(size);
        }
        int cell = pos;
        i32(cell, -size);
        pos += size;
        return cell - BASE;
    }

    private void newBin(int cellSize) {
        int size = Math.max(4096, (0x20 + cellSize + 4095) / 4096 * 4096);
        binStart = binEnd;
        binEnd = binStart + size;
        ensure(binEnd);
        ascii(binStart, "hbin");
        i32(binStart + 4, binStart - BASE);
        i32(binStart + 8, size);
        i64(binStart + 0x14, filetime);
        pos = binStart + 0x20;
    }

    private void closeBin() {
        if (binEnd > pos) {
            i32(pos, binEnd - pos);
        }
        pos = binEnd;
    }

    private void baseBlock(int rootOffset, int binsSize) {
        ascii(0, "regf");
        i32(4, dirty ? 2 : 1);
        i32(8, 1);
        i64(0x0C, filetime);
        i32(0x14, 1);
        i32(0x18, 5);
        i32(0x1C, 0);
        i32(0x20, 1);
        i32(0x24, rootOffset);
        i32(0x28, binsSize);
        i32(0x2C, 1);
        int sum = 0;
        for (int i = 0; i < 508; i += 4) {
            sum ^= (buf[i] & 0xff) | (buf[i + 1] & 0xff) << 8 | (buf[i + 2] & 0xff) << 16 | (buf[i + 3] & 0xff) << 24;
        }
        i32(508, sum == -1 ? -2 : sum == 0 ? 1 : sum);
    }

    /** The Windows hash of an {@code lh} list: h = 37 h + the upper-case character, over the whole name. */
    public static int lhHash(String name) {
        int h = 0;
        for (char c : name.toUpperCase(Locale.ROOT).toCharArray()) {
            h = 37 * h + c;
        }
        return h;
    }

    private static boolean latin1(String s) {
        return s.chars().allMatch(c -> c < 0x100);
    }

    private static byte[] nameBytes(String s) {
        return s.getBytes(latin1(s) ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_16LE);
    }

    private void ensure(int size) {
        if (size > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(size, (int) Math.min(Integer.MAX_VALUE - 8, buf.length * 2L)));
        }
    }

    private void ascii(int at, String s) {
        for (int i = 0; i < s.length(); i++) {
            buf[at + i] = (byte) s.charAt(i);
        }
    }

    private void u16(int at, int v) {
        buf[at] = (byte) v;
        buf[at + 1] = (byte) (v >>> 8);
    }

    private void i32(int at, int v) {
        u16(at, v);
        u16(at + 2, v >>> 16);
    }

    private void i64(int at, long v) {
        i32(at, (int) v);
        i32(at + 4, (int) (v >>> 32));
    }

    /**
     * A self-relative security descriptor: owner BUILTIN\Administrators, group SYSTEM, a DACL granting both full
     * control (KEY_ALL_ACCESS, inherited by subkeys).
     */
    private static final byte[] SECURITY = {
        1, 0, 0x04, (byte) 0x80, 72, 0, 0, 0, 88, 0, 0, 0, 0, 0, 0, 0, 20, 0, 0, 0,
        // ACL: revision 2, size 52, two ACEs
        2, 0, 52, 0, 2, 0, 0, 0,
        0, 0x02, 20, 0, 0x3F, 0, 0x0F, 0, 1, 1, 0, 0, 0, 0, 0, 5, 18, 0, 0, 0,
        0, 0x02, 24, 0, 0x3F, 0, 0x0F, 0, 1, 2, 0, 0, 0, 0, 0, 5, 32, 0, 0, 0, 0x20, 0x02, 0, 0,
        // owner S-1-5-32-544, group S-1-5-18
        1, 2, 0, 0, 0, 0, 0, 5, 32, 0, 0, 0, 0x20, 0x02, 0, 0,
        1, 1, 0, 0, 0, 0, 0, 5, 18, 0, 0, 0,
    };
}
