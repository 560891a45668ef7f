package org.bulwark.scap.oval.internal;

/**
 * OVAL's {@code glob_to_regex}: a shell glob as an anchored regular expression. {@code *} matches any run of
 * characters but {@code /}, {@code ?} one such character, a {@code [...]} class stays a class ({@code [!...]}
 * negated); a backslash quotes the next character unless {@code glob_noescape}; every other character stands for
 * itself.
 */
final class Globs {

    private Globs() {
    }

    static String toRegex(String glob, boolean noEscape) {
        StringBuilder b = new StringBuilder("^");
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            if (c == '\\' && !noEscape && i + 1 < glob.length()) {
                b.append(Variables.escapeRegex(String.valueOf(glob.charAt(++i))));
            } else if (c == '*') {
                b.append("[^/]*");
            } else if (c == '?') {
                b.append("[^/]");
            } else if (c == '[' && glob.indexOf(']', i + 2) > 0) {
                int close = glob.indexOf(']', i + 2);
                String body = glob.substring(i + 1, close);
                if (body.startsWith("!")) {
                    body = "^" + body.substring(1);
                }
                b.append('[').append(body.replace("\\", "\\\\").replace("[", "\\[")).append(']');
                i = close;
            } else {
                b.append(Variables.escapeRegex(String.valueOf(c)));
            }
        }
        return b.append('$').toString();
    }
}
