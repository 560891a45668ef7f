package org.bulwark.windows.regf.internal;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import org.bulwark.windows.regf.HiveException;
import org.bulwark.windows.regf.HiveKey;

/**
 * The bytes of one hive file and the bounds-checked reads of its cells. Offsets given to {@link #cell} are relative
 * to the first hive bin (as the hive's own pointers are); offsets in errors are file offsets.
 */
public final class Regf {
    /** The size of the base block, where the first hive bin starts. */
    public static final int BASE = 4096;
    /** The largest segment of a big-data (db) value. */
    public static final int SEGMENT = 16344;
    /** Keys nested deeper than this are refused (Windows allows 512 levels). */
    public static final int MAX_DEPTH = 512;

    private final ByteBuffer buf;
    private final String name;
    private final int end;
    private final int minor;
    private final boolean dirty;
    private final NkKey root;
    private final Claims claims = new Claims();
    private volatile boolean closed;

    private Regf(ByteBuffer buffer, String name) throws HiveException {
        this.buf = buffer.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        this.name = name;
        int length = buf.limit();
        if (length < BASE) {
            throw error(length, "truncated: " + length + " bytes, shorter than the 4096-byte base block");
        }
        if (buf.getInt(0) != 0x66676572) {
            throw error(0, "no regf signature");
        }
        int sum = 0;
        for (int i = 0; i < 508; i += 4) {
            sum ^= buf.getInt(i);
        }
        sum = sum == -1 ? -2 : sum == 0 ? 1 : sum;
        if (sum != buf.getInt(508)) {
            throw error(508, "base block checksum 0x" + Integer.toHexString(buf.getInt(508)) + " is not 0x"
                + Integer.toHexString(sum));
        }
        int major = buf.getInt(0x14);
        this.minor = buf.getInt(0x18);
        if (major != 1) {
            throw error(0x14, "unsupported format version " + major + "." + minor);
        }
        this.dirty = buf.getInt(4) != buf.getInt(8);
        long bins = Integer.toUnsignedLong(buf.getInt(0x28));
        if (bins < 4096 || bins % 4096 != 0) {
            throw error(0x28, "hive bins data size " + bins + " is not a positive multiple of 4096");
        }
        if (BASE + bins > length) {
            throw error(0x28, "truncated: hive bins data of " + bins + " bytes, the file holds " + (length - BASE));
        }
        this.end = (int) (BASE + bins);
        if (buf.getInt(BASE) != 0x6e696268) {
            throw error(BASE, "no hbin signature in the first hive bin");
        }
        this.root = NkKey.root(this, buf.getInt(0x24), 0x24);
    }

    public static Regf of(ByteBuffer buffer, String name) throws HiveException {
        try {
            return new Regf(buffer, name);
        } catch (RuntimeException e) {
            throw new HiveException(name, -1, "unreadable: " + e, e);
        }
    }

    public String name() {
        return name;
    }

    public HiveKey root() {
        return root;
    }

    public boolean dirty() {
        return dirty;
    }

    public int minor() {
        return minor;
    }

    public int fileLength() {
        return buf.limit();
    }

    public void close() {
        closed = true;
    }

    public Optional<HiveKey> find(String path) throws HiveException {
        HiveKey key = root;
        for (String part : path.split("\\\\")) {
            if (part.isEmpty()) {
                continue;
            }
            Optional<HiveKey> next = key.subkey(part);
            if (next.isEmpty()) {
                return Optional.empty();
            }
            key = next.get();
        }
        return Optional.of(key);
    }

    void checkOpen() throws HiveException {
        if (closed) {
            throw error(-1, "the hive is closed");
        }
    }

    HiveException error(long offset, String reason) {
        return new HiveException(name, offset, reason);
    }

    /**
     * Claims the cell at {@code cell} (a value, data, big data list or segment cell) for the cell at {@code owner}
     * (its key or value): the owner it has now, the earlier one when another claimed it first. No hive Windows
     * writes shares them; a caller refuses a cell of another owner with {@link #shared}.
     */
    int claim(int cell, int owner) {
        return claims.claim(cell, owner);
    }

    HiveException shared(int cell, int first, int owner, String what) {
        return error(BASE + Integer.toUnsignedLong(owner), "the " + what + " is shared: its cell 0x"
            + Long.toHexString(BASE + Integer.toUnsignedLong(cell)) + " belongs to the cell at 0x"
            + Long.toHexString(BASE + Integer.toUnsignedLong(first)));
    }

    /**
     * The allocated cell at a relative offset: where its payload starts (file offset) and how long it is.
     * {@code from} is the file offset of the cell holding the pointer, named when the pointer leads nowhere.
     */
    Cell cell(int rel, String what, long from) throws HiveException {
        long abs = BASE + Integer.toUnsignedLong(rel);
        if (abs + 4 > end) {
            throw error(from, what + " cell offset 0x" + Integer.toHexString(rel) + " lies outside the hive bins");
        }
        int size = buf.getInt((int) abs);
        if (size >= 0) {
            throw error(abs, what + " cell is not allocated (size " + size + ")");
        }
        long length = -(long) size;
        if (length < 8 || abs + length > end) {
            throw error(abs, what + " cell of " + length + " bytes does not fit in the hive bins");
        }
        return new Cell(this, (int) abs + 4, (int) length - 4);
    }

    int i32(int pos) {
        return buf.getInt(pos);
    }

    int u16(int pos) {
        return Short.toUnsignedInt(buf.getShort(pos));
    }

    long i64(int pos) {
        return buf.getLong(pos);
    }

    byte[] bytes(int pos, int length) {
        byte[] out = new byte[length];
        buf.get(pos, out);
        return out;
    }

    String latin1(int pos, int length) {
        return new String(bytes(pos, length), StandardCharsets.ISO_8859_1);
    }

    String utf16(int pos, int length) {
        return new String(bytes(pos, length & ~1), StandardCharsets.UTF_16LE);
    }

    /** The payload of an allocated cell. */
    record Cell(Regf regf, int pos, int length) {
        void need(int bytes, String what) throws HiveException {
            if (bytes > length) {
                throw regf.error(pos - 4, what + " needs " + bytes + " bytes, its cell holds " + length);
            }
        }

        String signature() {
            return length < 2 ? "" : regf.latin1(pos, 2);
        }

        int i32(int at) {
            return regf.i32(pos + at);
        }

        int u16(int at) {
            return regf.u16(pos + at);
        }

        long fileOffset() {
            return pos - 4L;
        }

        int rel() {
            return pos - 4 - BASE;
        }
    }
}
