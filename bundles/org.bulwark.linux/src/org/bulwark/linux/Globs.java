package org.bulwark.linux;

import java.util.regex.Pattern;

/** Shell-style globs ({@code *}, {@code ?}, {@code [...]} classes) as the programs that read them match. */
final class Globs {

    private Globs() {
    }

    /**
     * @param any what {@code *} matches, as a regular expression ({@code .*} in sshd, {@code [^.]*} in sysctl)
     * @param one what {@code ?} matches, as a regular expression
     * @return {@code glob} as a pattern; every other character stands for itself
     */
    static Pattern toRegex(String glob, String any, String one) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            int close = c == '[' ? classEnd(glob, i) : -1;
            if (c == '*') {
                b.append(any);
            } else if (c == '?') {
                b.append(one);
            } else if (close > 0) {
                b.append(bracket(glob.substring(i + 1, close)));
                i = close;
            } else {
                b.append(Pattern.quote(String.valueOf(c))); // a '[' without its ']' stands for itself
            }
        }
        return Pattern.compile(b.toString());
    }

    /** @return the index of the {@code ]} that closes the class opened at {@code open}, else -1 */
    private static int classEnd(String glob, int open) {
        int i = open + 1;
        if (i < glob.length() && (glob.charAt(i) == '!' || glob.charAt(i) == '^')) {
            i++;
        }
        if (i < glob.length() && glob.charAt(i) == ']') {
            i++; // a ']' first in the class is one of its characters
        }
        int close = glob.indexOf(']', i);
        return close > open + 1 ? close : -1;
    }

    /** @return the class {@code [body]} as a regular expression: ranges kept, every other character literal */
    private static String bracket(String body) {
        StringBuilder b = new StringBuilder("[");
        int start = 0;
        if (body.startsWith("!") || body.startsWith("^")) {
            b.append('^');
            start = 1;
        }
        boolean afterRange = false;
        for (int j = start; j < body.length(); j++) {
            char c = body.charAt(j);
            if (c == '-' && !afterRange && j > start && j < body.length() - 1
                    && body.charAt(j - 1) <= body.charAt(j + 1)) {
                b.append('-').append(literal(body.charAt(++j)));
                afterRange = true;
                continue;
            }
            b.append(literal(c));
            afterRange = false;
        }
        return b.append(']').toString();
    }

    private static String literal(char c) {
        return Character.isLetterOrDigit(c) && c < 128 ? String.valueOf(c) : String.format("\\x{%x}", (int) c);
    }
}
