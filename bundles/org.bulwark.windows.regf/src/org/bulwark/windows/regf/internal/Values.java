package org.bulwark.windows.regf.internal;

import org.bulwark.windows.regf.HiveException;
import org.bulwark.windows.regf.HiveValue;
import org.bulwark.windows.regf.RegType;

/** Value cells ({@code vk}) and their data: inline (bit 31 of the size), one cell, or big data ({@code db}). */
final class Values {
    private static final int ASCII_NAME = 0x0001;

    private Values() {
    }

    static String name(Regf regf, int offset, NkKey key) throws HiveException {
        Regf.Cell cell = vk(regf, offset, key);
        int nameLength = cell.u16(0x02);
        cell.need(0x14 + nameLength, "value name");
        return (cell.u16(0x10) & ASCII_NAME) != 0 ? regf.latin1(cell.pos() + 0x14, nameLength)
            : regf.utf16(cell.pos() + 0x14, nameLength);
    }

    static HiveValue read(Regf regf, int offset, NkKey key) throws HiveException {
        Regf.Cell cell = vk(regf, offset, key);
        String name = name(regf, offset, key);
        int size = cell.i32(0x04);
        int dataOffset = cell.i32(0x08);
        int type = cell.i32(0x0C);
        byte[] data;
        if (size < 0) {
            int length = size & 0x7fffffff;
            if (length > 4) {
                throw regf.error(cell.fileOffset(), "value '" + name + "' of key " + key.path() + " claims "
                    + length + " bytes of inline data, at most 4 fit");
            }
            data = regf.bytes(cell.pos() + 0x08, length);
        } else if (size == 0) {
            data = new byte[0];
        } else {
            data = external(regf, cell, size, dataOffset, name, key);
        }
        return new HiveValue(name, RegType.of(type), type, data);
    }

    private static Regf.Cell vk(Regf regf, int offset, NkKey key) throws HiveException {
        Regf.Cell cell = regf.cell(offset, "value", key.fileOffset());
        int first = regf.claim(offset, key.rel());
        if (first != key.rel()) {
            throw regf.shared(offset, first, key.rel(), "value of key " + key.path());
        }
        cell.need(0x14, "value");
        if (!"vk".equals(cell.signature())) {
            throw regf.error(cell.fileOffset(), "no vk signature in a value cell");
        }
        return cell;
    }

    private static byte[] external(Regf regf, Regf.Cell vk, int size, int dataOffset, String name, NkKey key)
        throws HiveException {
        Regf.Cell cell = regf.cell(dataOffset, "value data", vk.fileOffset());
        int first = regf.claim(dataOffset, vk.rel());
        if (first != vk.rel()) {
            throw regf.shared(dataOffset, first, vk.rel(), "data of value '" + name + "' of key " + key.path());
        }
        if (size > Regf.SEGMENT && regf.minor() >= 4 && cell.length() >= 8 && "db".equals(cell.signature())) {
            return big(regf, cell, size, name, key);
        }
        if (size > cell.length()) {
            throw regf.error(cell.fileOffset(), "value '" + name + "' of key " + key.path() + " has " + size
                + " bytes of data, its cell holds " + cell.length());
        }
        return regf.bytes(cell.pos(), size);
    }

    private static byte[] big(Regf regf, Regf.Cell db, int size, String name, NkKey key) throws HiveException {
        int count = db.u16(0x02);
        Regf.Cell list = regf.cell(db.i32(0x04), "big data segment list", db.fileOffset());
        int listOwner = regf.claim(db.i32(0x04), db.rel());
        if (listOwner != db.rel()) {
            throw regf.shared(db.i32(0x04), listOwner, db.rel(), "big data segment list of value '" + name
                + "' of key " + key.path());
        }
        list.need(count * 4, "big data segment list of " + count + " segments");
        if ((long) count * Regf.SEGMENT < size || size > regf.fileLength()) {
            throw regf.error(db.fileOffset(), "value '" + name + "' of key " + key.path() + " has " + size
                + " bytes of data, more than its " + count + " big data segments hold");
        }
        byte[] out = new byte[size];
        int at = 0;
        for (int i = 0; i < count && at < size; i++) {
            Regf.Cell segment = regf.cell(list.i32(i * 4), "big data segment", list.fileOffset());
            int owner = regf.claim(list.i32(i * 4), db.rel());
            if (owner != db.rel()) {
                throw regf.shared(list.i32(i * 4), owner, db.rel(), "big data segment of value '" + name
                    + "' of key " + key.path());
            }
            int take = Math.min(Math.min(size - at, Regf.SEGMENT), segment.length());
            System.arraycopy(regf.bytes(segment.pos(), take), 0, out, at, take);
            at += take;
        }
        if (at < size) {
            throw regf.error(db.fileOffset(), "value '" + name + "' of key " + key.path() + " has " + size
                + " bytes of data, its big data segments hold " + at);
        }
        return out;
    }
}
