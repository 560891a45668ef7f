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
        for (char c : glob.toCharArray()) {
            switch (c) {
                case '*' -> b.append(any);
                case '?' -> b.append(one);
                case '[', ']' -> b.append(c);
                default -> b.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(b.toString());
    }
}
