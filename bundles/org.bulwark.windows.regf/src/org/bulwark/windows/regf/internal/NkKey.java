package org.bulwark.windows.regf.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.bulwark.windows.regf.HiveException;
import org.bulwark.windows.regf.HiveKey;
import org.bulwark.windows.regf.HiveValue;

/** A key node ({@code nk} cell), decoded when created; its subkeys and values are read when asked for. */
final class NkKey implements HiveKey {
    private static final int COMP_NAME = 0x20;
    private static final long FILETIME_EPOCH_SECONDS = 11_644_473_600L;

    private final Regf regf;
    private final NkKey parent;
    private final int offset;
    private final int depth;
    private final String name;
    private final String path;
    private final long filetime;
    private final int subkeyCount;
    private final int subkeyList;
    private final int valueCount;
    private final int valueList;

    private NkKey(Regf regf, NkKey parent, int offset, long from) throws HiveException {
        this.regf = regf;
        this.parent = parent;
        this.offset = offset;
        this.depth = parent == null ? 0 : parent.depth + 1;
        Regf.Cell cell = regf.cell(offset, "key", from);
        cell.need(0x4C, "key");
        if (!"nk".equals(cell.signature())) {
            throw regf.error(cell.fileOffset(), "no nk signature in a key cell");
        }
        int flags = cell.u16(0x02);
        int nameLength = cell.u16(0x48);
        cell.need(0x4C + nameLength, "key name");
        this.name = (flags & COMP_NAME) != 0 ? regf.latin1(cell.pos() + 0x4C, nameLength)
            : regf.utf16(cell.pos() + 0x4C, nameLength);
        this.path = parent == null ? "" : parent.path.isEmpty() ? name : parent.path + "\\" + name;
        if (depth > Regf.MAX_DEPTH) {
            throw regf.error(cell.fileOffset(), "key " + path + " is nested deeper than " + Regf.MAX_DEPTH);
        }
        if (parent != null && cell.i32(0x10) != parent.offset) {
            throw regf.error(cell.fileOffset(), "key " + path + " names parent 0x" + Integer.toHexString(cell.i32(0x10))
                + ", not the key 0x" + Integer.toHexString(parent.offset) + " that lists it");
        }
        this.filetime = regf.i64(cell.pos() + 0x04);
        this.subkeyCount = cell.i32(0x14);
        this.subkeyList = cell.i32(0x1C);
        this.valueCount = cell.i32(0x24);
        this.valueList = cell.i32(0x28);
    }

    static NkKey root(Regf regf, int offset, long from) throws HiveException {
        return new NkKey(regf, null, offset, from);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String path() {
        return path;
    }

    @Override
    public Instant lastWritten() {
        long seconds = Long.divideUnsigned(filetime, 10_000_000L) - FILETIME_EPOCH_SECONDS;
        long nanos = Long.remainderUnsigned(filetime, 10_000_000L) * 100;
        return Instant.ofEpochSecond(seconds, nanos);
    }

    @Override
    public long offset() {
        return Integer.toUnsignedLong(offset);
    }

    @Override
    public List<HiveKey> subkeys() throws HiveException {
        regf.checkOpen();
        try {
            int[] offsets = subkeyOffsets();
            List<HiveKey> out = new ArrayList<>(offsets.length);
            for (int child : offsets) {
                out.add(child(child));
            }
            return List.copyOf(out);
        } catch (RuntimeException e) {
            throw unexpected(e);
        }
    }

    @Override
    public Optional<HiveKey> subkey(String wanted) throws HiveException {
        regf.checkOpen();
        try {
            for (int child : subkeyOffsets()) {
                NkKey key = child(child);
                if (key.name.equalsIgnoreCase(wanted)) {
                    return Optional.of(key);
                }
            }
            return Optional.empty();
        } catch (RuntimeException e) {
            throw unexpected(e);
        }
    }

    @Override
    public List<HiveValue> values() throws HiveException {
        regf.checkOpen();
        try {
            int[] offsets = valueOffsets();
            List<HiveValue> out = new ArrayList<>(offsets.length);
            long total = 0;
            for (int value : offsets) {
                HiveValue v = Values.read(regf, value, this);
                total += v.data().length;
                if (total > regf.fileLength()) {
                    throw regf.error(fileOffset(), "the values of key " + path + " hold more data than the hive file");
                }
                out.add(v);
            }
            return List.copyOf(out);
        } catch (RuntimeException e) {
            throw unexpected(e);
        }
    }

    @Override
    public Optional<HiveValue> value(String wanted) throws HiveException {
        regf.checkOpen();
        try {
            for (int value : valueOffsets()) {
                if (Values.name(regf, value, this).equalsIgnoreCase(wanted)) {
                    return Optional.of(Values.read(regf, value, this));
                }
            }
            return Optional.empty();
        } catch (RuntimeException e) {
            throw unexpected(e);
        }
    }

    @Override
    public String toString() {
        return "HiveKey[" + path + "]";
    }

    private NkKey child(int child) throws HiveException {
        for (NkKey k = this; k != null; k = k.parent) {
            if (k.offset == child) {
                throw regf.error(Regf.BASE + Integer.toUnsignedLong(child), "key " + path + " lists itself or an ancestor as a subkey");
            }
        }
        return new NkKey(regf, this, child, Regf.BASE + Integer.toUnsignedLong(subkeyList));
    }

    private int[] subkeyOffsets() throws HiveException {
        if (subkeyCount == 0) {
            return new int[0];
        }
        int[] offsets = Lists.subkeys(regf, subkeyList, path, fileOffset());
        distinct(offsets, "subkey list", Regf.BASE + Integer.toUnsignedLong(subkeyList));
        return offsets;
    }

    private int[] valueOffsets() throws HiveException {
        if (valueCount == 0) {
            return new int[0];
        }
        Regf.Cell cell = regf.cell(valueList, "value list", fileOffset());
        if (valueCount < 0 || (long) valueCount * 4 > cell.length()) {
            throw regf.error(cell.fileOffset(), "key " + path + " has " + Integer.toUnsignedString(valueCount)
                + " values, more than its value list cell of " + cell.length() + " bytes holds");
        }
        int[] offsets = new int[valueCount];
        for (int i = 0; i < valueCount; i++) {
            offsets[i] = cell.i32(i * 4);
        }
        distinct(offsets, "value list", cell.fileOffset());
        return offsets;
    }

    /** Refuses a list (at file offset {@code at}) that names one cell twice. */
    private void distinct(int[] offsets, String what, long at) throws HiveException {
        int[] sorted = offsets.clone();
        Arrays.sort(sorted);
        for (int i = 1; i < sorted.length; i++) {
            if (sorted[i] == sorted[i - 1]) {
                throw regf.error(at, "the " + what + " of key " + path
                    + " names the cell 0x" + Integer.toHexString(sorted[i]) + " twice");
            }
        }
    }

    /** The offset of this key's cell relative to the first hive bin. */
    int rel() {
        return offset;
    }

    /** The file offset of this key's cell. */
    long fileOffset() {
        return Regf.BASE + Integer.toUnsignedLong(offset);
    }

    private HiveException unexpected(RuntimeException e) {
        return new HiveException(regf.name(), -1, "key " + path + " is unreadable: " + e, e);
    }
}
