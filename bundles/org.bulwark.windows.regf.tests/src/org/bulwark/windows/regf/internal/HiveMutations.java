package org.bulwark.windows.regf.internal;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Structure-aware mutations of a valid hive: they know where cells, their sizes, pointers and counts lie (from the
 * unmutated file), so a mutated hive gets past the base block and the first checks and into the cell decoding.
 */
final class HiveMutations {
    /** What a mutation changes. */
    enum Kind {
        /** 1 to 16 random bits of the hive bins. */
        BIT_FLIP,
        /** The file cut at a random length. */
        TRUNCATE,
        /** A cell's size field: zero, positive (free), too small, too large, huge. */
        CELL_SIZE,
        /** A pointer in a cell (parent, subkey list, value list, data, list entry) to elsewhere. */
        POINTER,
        /** A count or length (subkeys, values, list entries, name length, data size, segments) inflated. */
        COUNT,
        /** A pointer made to lead back to the key itself, its parent or the root: loops and cycles. */
        LOOP,
        /** A base block field (root, bins size, sequence, version) changed, the checksum recomputed. */
        BASE_BLOCK
    }

    private static final int[] HUGE = {0x7fffffff, 0xffffffff, 0x80000000, 0xfffffff0, 0x7ffffff8, 0x10000000,
        0x00ffffff};

    private final byte[] original;
    private final List<LayoutTest.Cell> cells;
    private final int root;

    HiveMutations(byte[] original) {
        this.original = original.clone();
        this.cells = LayoutTest.cells(original);
        this.root = i32(original, 0x24);
    }

    byte[] mutate(Kind kind, Random random) {
        byte[] b = original.clone();
        LayoutTest.Cell cell = cells.get(random.nextInt(cells.size()));
        int p = cell.at() + 4;
        switch (kind) {
            case BIT_FLIP -> {
                for (int i = 0, n = 1 + random.nextInt(16); i < n; i++) {
                    int at = 4096 + random.nextInt(b.length - 4096);
                    b[at] ^= (byte) (1 << random.nextInt(8));
                }
            }
            case TRUNCATE -> b = Arrays.copyOf(b, random.nextInt(b.length));
            case CELL_SIZE -> {
                int size = -i32(b, cell.at());
                int[] choices = {0, 4, -4, -8, size, -(size + 8), -(size * 2), Integer.MIN_VALUE, -0x7ffffff8,
                    -(8 * (1 + random.nextInt(4096))), random.nextInt()};
                put32(b, cell.at(), choices[random.nextInt(choices.length)]);
            }
            case POINTER -> put32(b, p + pointerField(cell, b, random), target(random));
            case COUNT -> count(b, cell, random);
            case LOOP -> {
                int[] back = {cell.rel(), root, i32(b, p + 0x10), cells.get(0).rel()};
                put32(b, p + pointerField(cell, b, random), back[random.nextInt(back.length)]);
            }
            case BASE_BLOCK -> {
                int[] fields = {0x04, 0x08, 0x14, 0x18, 0x24, 0x28, 0x24, 0x28};
                int field = fields[random.nextInt(fields.length)];
                int value = random.nextBoolean() ? HUGE[random.nextInt(HUGE.length)]
                    : field == 0x24 ? target(random) : random.nextInt(16) * 4096;
                put32(b, field, value);
                int sum = 0;
                for (int i = 0; i < 508; i += 4) {
                    sum ^= i32(b, i);
                }
                put32(b, 508, sum == -1 ? -2 : sum == 0 ? 1 : sum);
            }
            default -> throw new AssertionError(kind);
        }
        return b;
    }

    /** A pointer field of the cell's payload, by its signature; any aligned field of an unsigned cell. */
    private static int pointerField(LayoutTest.Cell cell, byte[] b, Random random) {
        int length = -i32(b, cell.at()) - 4;
        switch (cell.signature()) {
            case "nk": {
                int[] f = {0x10, 0x1C, 0x28, 0x2C};
                return f[random.nextInt(f.length)];
            }
            case "vk":
                return 0x08;
            case "db":
                return 0x04;
            case "lf", "lh":
                return 4 + 8 * random.nextInt(Math.max(1, (length - 4) / 8));
            case "li", "ri":
                return 4 + 4 * random.nextInt(Math.max(1, (length - 4) / 4));
            default:
                return 4 * random.nextInt(Math.max(1, length / 4));
        }
    }

    private int target(Random random) {
        int[] t = {cells.get(random.nextInt(cells.size())).rel(), cells.get(random.nextInt(cells.size())).rel() + 4,
            0, -1, 0x7ffffff0, random.nextInt(), random.nextInt(original.length)};
        return t[random.nextInt(t.length)];
    }

    private void count(byte[] b, LayoutTest.Cell cell, Random random) {
        int p = cell.at() + 4;
        int huge = HUGE[random.nextInt(HUGE.length)];
        boolean big = random.nextBoolean();
        switch (cell.signature()) {
            case "nk" -> {
                int[] f = {0x14, 0x24, 0x48};
                int field = f[random.nextInt(f.length)];
                if (field == 0x48) {
                    put16(b, p + field, big ? 0xffff : u16(b, p + field) + 1 + random.nextInt(64));
                } else {
                    put32(b, p + field, big ? huge : i32(b, p + field) + 1 + random.nextInt(64));
                }
            }
            case "vk" -> {
                if (random.nextBoolean()) {
                    put16(b, p + 0x02, big ? 0xffff : u16(b, p + 0x02) + 1 + random.nextInt(64));
                } else {
                    put32(b, p + 0x04, big ? huge : i32(b, p + 0x04) + 1 + random.nextInt(64));
                }
            }
            default -> put16(b, p + 0x02, big ? 0xffff : u16(b, p + 0x02) + 1 + random.nextInt(64));
        }
    }

    static int i32(byte[] b, int at) {
        return ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).getInt(at);
    }

    static int u16(byte[] b, int at) {
        return Short.toUnsignedInt(ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).getShort(at));
    }

    static void put32(byte[] b, int at, int v) {
        ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).putInt(at, v);
    }

    static void put16(byte[] b, int at, int v) {
        ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).putShort(at, (short) v);
    }
}
