package org.bulwark.scoring.internal;

/**
 * Debian version ordering ({@code deb-version(7)}): {@code [epoch:]upstream[-revision]}, compared part by
 * part; within a part, non-digit runs compare with letters before non-letters and '~' before everything,
 * even the end; digit runs compare numerically.
 */
final class DebianVersion {

    private DebianVersion() {
    }

    /** @return negative, zero or positive as {@code a} sorts before, with or after {@code b} */
    static int compare(String a, String b) {
        String[] pa = split(a.trim());
        String[] pb = split(b.trim());
        long ea = epoch(pa[0]);
        long eb = epoch(pb[0]);
        if (ea != eb) {
            return Long.compare(ea, eb);
        }
        int c = compareParts(pa[1], pb[1]);
        return c != 0 ? c : compareParts(pa[2], pb[2]);
    }

    private static long epoch(String e) {
        if (e.isEmpty()) {
            return 0;
        }
        try {
            return Long.parseLong(e);
        } catch (NumberFormatException x) {
            throw new IllegalArgumentException("bad epoch '" + e + "'");
        }
    }

    private static String[] split(String v) {
        String epoch = "";
        int colon = v.indexOf(':');
        if (colon >= 0) {
            epoch = v.substring(0, colon);
            v = v.substring(colon + 1);
        }
        String revision = "";
        int dash = v.lastIndexOf('-');
        if (dash >= 0) {
            revision = v.substring(dash + 1);
            v = v.substring(0, dash);
        }
        return new String[] { epoch, v, revision };
    }

    private static int order(char c) {
        if (Character.isLetter(c)) {
            return c;
        }
        if (c == '~') {
            return -1;
        }
        return c + 256;
    }

    private static int compareParts(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() || j < b.length()) {
            while ((i < a.length() && !Character.isDigit(a.charAt(i)))
                    || (j < b.length() && !Character.isDigit(b.charAt(j)))) {
                int ac = i < a.length() && !Character.isDigit(a.charAt(i)) ? order(a.charAt(i)) : 0;
                int bc = j < b.length() && !Character.isDigit(b.charAt(j)) ? order(b.charAt(j)) : 0;
                if (ac != bc) {
                    return Integer.compare(ac, bc);
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
            int firstDiff = 0;
            while (i < a.length() && Character.isDigit(a.charAt(i)) && j < b.length()
                    && Character.isDigit(b.charAt(j))) {
                if (firstDiff == 0) {
                    firstDiff = a.charAt(i) - b.charAt(j);
                }
                i++;
                j++;
            }
            if (i < a.length() && Character.isDigit(a.charAt(i))) {
                return 1;
            }
            if (j < b.length() && Character.isDigit(b.charAt(j))) {
                return -1;
            }
            if (firstDiff != 0) {
                return firstDiff;
            }
        }
        return 0;
    }
}
