package org.bulwark.windows.regf.policy;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.bulwark.windows.regf.RegType;

/**
 * Registry.pol, the "Registry Policy File Format" ([MS-GPREG] 2.2.1): the signature {@code PReg}, version 1, then
 * records {@code [key;value;type;size;data]} whose brackets and separators are UTF-16LE characters, key and value
 * NUL-terminated UTF-16LE, type and size little-endian DWORDs and data {@code size} raw bytes.
 */
public final class PolicyFile {
    private static final int SIGNATURE = 0x67655250;

    private PolicyFile() {
    }

    /** The records in file order. */
    public static List<PolicyEntry> parse(byte[] bytes, String name) throws PolicyFileException {
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        if (bytes.length < 8) {
            throw PolicyFileException.atOffset(name, 0, "truncated: " + bytes.length + " bytes, no PReg header");
        }
        if (b.getInt(0) != SIGNATURE) {
            throw PolicyFileException.atOffset(name, 0, "no PReg signature");
        }
        if (b.getInt(4) != 1) {
            throw PolicyFileException.atOffset(name, 4, "unsupported version " + Integer.toUnsignedString(b.getInt(4)));
        }
        List<PolicyEntry> out = new ArrayList<>();
        int pos = 8;
        while (pos < bytes.length) {
            int start = pos;
            pos = expect(b, name, pos, '[');
            int keyEnd = terminator(b, name, pos);
            String key = new String(bytes, pos, keyEnd - pos, StandardCharsets.UTF_16LE);
            pos = expect(b, name, keyEnd + 2, ';');
            int valueEnd = terminator(b, name, pos);
            String value = new String(bytes, pos, valueEnd - pos, StandardCharsets.UTF_16LE);
            pos = expect(b, name, valueEnd + 2, ';');
            int type = dword(b, name, pos, "type");
            pos = expect(b, name, pos + 4, ';');
            int size = dword(b, name, pos, "size");
            pos = expect(b, name, pos + 4, ';');
            if (size < 0 || size > bytes.length - pos) {
                throw PolicyFileException.atOffset(name, pos, "data size " + Integer.toUnsignedString(size)
                    + " runs past the end of the file");
            }
            byte[] data = new byte[size];
            System.arraycopy(bytes, pos, data, 0, size);
            pos = expect(b, name, pos + size, ']');
            out.add(new PolicyEntry(key, value, RegType.of(type), data, start));
        }
        return List.copyOf(out);
    }

    private static int expect(ByteBuffer b, String name, int pos, char c) throws PolicyFileException {
        if (pos + 2 > b.limit()) {
            throw PolicyFileException.atOffset(name, pos, "truncated: expected '" + c + "'");
        }
        char found = b.getChar(pos);
        if (found != c) {
            throw PolicyFileException.atOffset(name, pos, "expected '" + c + "', found U+"
                + String.format("%04X", (int) found));
        }
        return pos + 2;
    }

    /** The position of the NUL character ending a string that starts at pos. */
    private static int terminator(ByteBuffer b, String name, int pos) throws PolicyFileException {
        for (int p = pos; p + 2 <= b.limit(); p += 2) {
            if (b.getChar(p) == 0) {
                return p;
            }
        }
        throw PolicyFileException.atOffset(name, pos, "truncated: a string without its terminating NUL");
    }

    private static int dword(ByteBuffer b, String name, int pos, String what) throws PolicyFileException {
        if (pos + 4 > b.limit()) {
            throw PolicyFileException.atOffset(name, pos, "truncated: no " + what);
        }
        return b.getInt(pos);
    }
}
