package org.bulwark.linux;

import java.util.Comparator;

/**
 * Debian version ordering ({@code deb-version(7)}): epoch, then upstream version, then revision, each compared
 * with dpkg's algorithm in which {@code ~} sorts before everything, even the end of the string.
 */
public final class DebianVersion implements Comparator<String> {

    /** The comparator. */
    public static final DebianVersion ORDER = new DebianVersion();

    private DebianVersion() {
    }

    @Override
    public int compare(String a, String b) {
        return compareVersions(a, b);
    }

    /** @return negative, zero or positive as {@code a} is older than, equal to or newer than {@code b} */
    public static int compareVersions(String a, String b) {
        String[] pa = split(a.strip());
        String[] pb = split(b.strip());
        long ea = pa[0].isEmpty() ? 0 : parseEpoch(pa[0]);
        long eb = pb[0].isEmpty() ? 0 : parseEpoch(pb[0]);
        if (ea != eb) {
            return Long.compare(ea, eb);
        }
        int c = verrevcmp(pa[1], pb[1]);
        return c != 0 ? c : verrevcmp(pa[2], pb[2]);
    }

    private static long parseEpoch(String s) {
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** @return epoch, upstream version, revision */
    private static String[] split(String v) {
        int colon = v.indexOf(':');
        String epoch = colon > 0 ? v.substring(0, colon) : "";
        String rest = colon > 0 ? v.substring(colon + 1) : v;
        int dash = rest.lastIndexOf('-');
        return dash >= 0 ? new String[] { epoch, rest.substring(0, dash), rest.substring(dash + 1) }
                : new String[] { epoch, rest, "" };
    }

    private static boolean digit(char c) {
        return c >= '0' && c <= '9';
    }

    private static int order(String s, int i) {
        if (i >= s.length()) {
            return 0;
        }
        char c = s.charAt(i);
        if (digit(c)) {
            return 0;
        }
        if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z') {
            return c;
        }
        if (c == '~') {
            return -1;
        }
        return c + 256;
    }

    private static int verrevcmp(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() || j < b.length()) {
            int firstDiff = 0;
            while (i < a.length() && !digit(a.charAt(i)) || j < b.length() && !digit(b.charAt(j))) {
                int ac = order(a, i);
                int bc = order(b, j);
                if (ac != bc) {
                    return ac - bc;
                }
                i++;
                j++;
            }
            while (i < a.length() && a.charAt(i) == '0') {
                i++;
            }
            while (j < b.length() && b.charAt(j) == '0') {
                j++;
            }
            while (i < a.length() && digit(a.charAt(i)) && j < b.length() && digit(b.charAt(j))) {
                if (firstDiff == 0) {
                    firstDiff = a.charAt(i) - b.charAt(j);
                }
                i++;
                j++;
            }
            if (i < a.length() && digit(a.charAt(i))) {
                return 1;
            }
            if (j < b.length() && digit(b.charAt(j))) {
                return -1;
            }
            if (firstDiff != 0) {
                return firstDiff;
            }
        }
        return 0;
    }
}
