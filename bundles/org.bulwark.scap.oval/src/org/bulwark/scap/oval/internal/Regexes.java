package org.bulwark.scap.oval.internal;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The regular expressions of one run, each compiled once. OVAL's are Perl-compatible; Java's syntax covers what
 * SCAP content uses, and POSIX bracket classes ({@code [[:space:]]}) are translated. Matching is bounded: a
 * pattern that backtracks more than {@value #MAX_STEPS} character reads on one input is an error rather than a
 * hang. Not thread-safe (one per run).
 */
final class Regexes {

    /** Character reads one match may make before it is abandoned. */
    static final long MAX_STEPS = 50_000_000L;

    private static final Map<String, String> POSIX = Map.ofEntries(Map.entry("[:alpha:]", "\\p{Alpha}"),
            Map.entry("[:digit:]", "\\p{Digit}"), Map.entry("[:alnum:]", "\\p{Alnum}"),
            Map.entry("[:upper:]", "\\p{Upper}"), Map.entry("[:lower:]", "\\p{Lower}"),
            Map.entry("[:space:]", "\\s"), Map.entry("[:blank:]", "\\p{Blank}"), Map.entry("[:punct:]", "\\p{Punct}"),
            Map.entry("[:xdigit:]", "\\p{XDigit}"), Map.entry("[:cntrl:]", "\\p{Cntrl}"),
            Map.entry("[:print:]", "\\p{Print}"), Map.entry("[:graph:]", "\\p{Graph}"));

    private static final Pattern QUANTIFIER = Pattern.compile("\\{\\d+(,\\d*)?}");

    private final Map<String, Pattern> compiled = new HashMap<>();

    /** @return {@code regex} compiled without flags (an entity's {@code pattern match}) */
    Pattern pattern(String regex, String where) {
        return pattern(regex, 0, where);
    }

    /**
     * @param flags {@link Pattern} flags
     * @param where the element and line, for the error
     * @throws OvalError naming {@code where} when the expression is invalid
     */
    Pattern pattern(String regex, int flags, String where) {
        String key = flags + "\u0000" + regex;
        Pattern p = compiled.get(key);
        if (p == null) {
            try {
                p = Pattern.compile(translate(regex), flags);
            } catch (PatternSyntaxException e) {
                throw new OvalError(where + ": invalid regular expression \"" + Entities.clip(regex) + "\": "
                        + e.getDescription());
            }
            compiled.put(key, p);
        }
        return p;
    }

    /** @return a matcher over {@code text} whose reads are counted (see {@link #MAX_STEPS}) */
    static Matcher bounded(Pattern p, CharSequence text, String where) {
        return p.matcher(new Bounded(text, where));
    }

    /**
     * Perl's character classes in Java's syntax: a {@code [} inside a class is literal in Perl (Java would open a
     * nested class), as is {@code &&}, and a brace that opens no quantifier; POSIX classes become {@code \p{...}}.
     */
    static String translate(String regex) {
        StringBuilder b = new StringBuilder(regex.length() + 8);
        boolean inClass = false;
        for (int i = 0; i < regex.length(); i++) {
            char c = regex.charAt(i);
            if (c == '\\' && i + 1 < regex.length()) {
                b.append(c).append(regex.charAt(++i));
            } else if (!inClass) {
                if (c == '[') {
                    inClass = true;
                    b.append(c);
                    if (i + 1 < regex.length() && regex.charAt(i + 1) == '^') {
                        b.append('^');
                        i++;
                    }
                    if (i + 1 < regex.length() && regex.charAt(i + 1) == ']') {
                        b.append("\\]"); // a ']' first in a class is literal
                        i++;
                    }
                } else if (c == '{' && !QUANTIFIER.matcher(regex).region(i, regex.length()).lookingAt()) {
                    b.append("\\{"); // Perl: a brace that opens no quantifier is literal
                } else {
                    b.append(c);
                }
            } else if (c == ']') {
                inClass = false;
                b.append(c);
            } else if (c == '[') {
                int close = regex.indexOf(":]", i + 2);
                String posix = i + 1 < regex.length() && regex.charAt(i + 1) == ':' && close > 0
                        ? POSIX.get(regex.substring(i, close + 2)) : null;
                if (posix != null) {
                    b.append(posix);
                    i = close + 1;
                } else {
                    b.append("\\[");
                }
            } else if (c == '&') {
                b.append("\\&");
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    /** A text whose character reads are counted. */
    private static final class Bounded implements CharSequence {
        private final CharSequence text;
        private final String where;
        private final long[] steps;

        Bounded(CharSequence text, String where) {
            this(text, where, new long[1]);
        }

        private Bounded(CharSequence text, String where, long[] steps) {
            this.text = text;
            this.where = where;
            this.steps = steps;
        }

        @Override
        public char charAt(int index) {
            if (++steps[0] > MAX_STEPS) {
                throw new OvalError(where + ": the regular expression takes too long on this input (more than "
                        + MAX_STEPS + " steps)");
            }
            return text.charAt(index);
        }

        @Override
        public int length() {
            return text.length();
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return new Bounded(text.subSequence(start, end), where, steps);
        }

        @Override
        public String toString() {
            return text.toString();
        }
    }
}
