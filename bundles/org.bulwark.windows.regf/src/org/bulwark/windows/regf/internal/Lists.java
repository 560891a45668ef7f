package org.bulwark.windows.regf.internal;

import java.util.Arrays;

import org.bulwark.windows.regf.HiveException;

/** Subkey lists: {@code lf}, {@code lh} (offset and hash pairs), {@code li} (offsets), {@code ri} (lists of those). */
final class Lists {
    private Lists() {
    }

    /** The key cell offsets a subkey list names; an {@code ri} may hold only leaf lists (one level). */
    static int[] subkeys(Regf regf, int list, String path, long from) throws HiveException {
        Regf.Cell cell = regf.cell(list, "subkey list", from);
        cell.need(4, "subkey list");
        String signature = cell.signature();
        if (!"ri".equals(signature)) {
            return leaf(regf, cell, signature, path);
        }
        int count = cell.u16(2);
        cell.need(4 + count * 4, "ri list of " + count + " lists");
        int[] lists = new int[count];
        for (int i = 0; i < count; i++) {
            lists[i] = cell.i32(4 + i * 4);
        }
        int[] sorted = lists.clone();
        Arrays.sort(sorted);
        for (int i = 1; i < sorted.length; i++) {
            if (sorted[i] == sorted[i - 1]) {
                throw regf.error(cell.fileOffset(), "the ri list of key " + path + " names the list 0x"
                    + Integer.toHexString(sorted[i]) + " twice");
            }
        }
        int[][] parts = new int[count][];
        int total = 0;
        for (int i = 0; i < count; i++) {
            Regf.Cell sub = regf.cell(lists[i], "subkey list", cell.fileOffset());
            sub.need(4, "subkey list");
            String s = sub.signature();
            if ("ri".equals(s)) {
                throw regf.error(sub.fileOffset(), "the ri list of key " + path + " holds another ri list");
            }
            parts[i] = leaf(regf, sub, s, path);
            total += parts[i].length;
        }
        int[] out = new int[total];
        int at = 0;
        for (int[] part : parts) {
            System.arraycopy(part, 0, out, at, part.length);
            at += part.length;
        }
        return out;
    }

    private static int[] leaf(Regf regf, Regf.Cell cell, String signature, String path) throws HiveException {
        int count = cell.u16(2);
        int stride;
        if ("lf".equals(signature) || "lh".equals(signature)) {
            stride = 8;
        } else if ("li".equals(signature)) {
            stride = 4;
        } else {
            throw regf.error(cell.fileOffset(), "the subkey list of key " + path + " has the unknown signature '"
                + printable(signature) + "'");
        }
        cell.need(4 + count * stride, signature + " list of " + count + " keys");
        int[] out = new int[count];
        for (int i = 0; i < count; i++) {
            out[i] = cell.i32(4 + i * stride);
        }
        return out;
    }

    static String printable(String s) {
        StringBuilder b = new StringBuilder();
        for (char c : s.toCharArray()) {
            b.append(c >= 0x20 && c < 0x7f ? String.valueOf(c) : String.format("\\x%02x", (int) c));
        }
        return b.toString();
    }
}
