package org.bulwark.version.api;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * A Debian package version, {@code [epoch:]upstream_version[-debian_revision]} ({@code deb-version(7)}), ordered
 * exactly as dpkg orders versions ({@code dpkg --compare-versions}): by epoch, then upstream version, then
 * revision. Upstream version and revision compare alternately by their non-digit and digit runs: non-digit runs
 * character by character with {@code ~} before everything (even the end of the run), then the end, then
 * letters, then every other character; digit runs by their numeric value. So {@code 1.0~rc1 < 1.0 < 1.0a <
 * 1.0+b1}, and {@code 1.01 = 1.1}, {@code 0:1.0 = 1.0 = 1.0-0}.
 *
 * <p>{@link #parse} checks a text with dpkg's rules and says what is wrong, in dpkg's words. The canonical
 * constructor checks only the components' shape, so that a version with characters dpkg warns about still
 * compares as dpkg compares it. {@link #compareTo} is not consistent with {@link #equals}: {@code 1.01} and
 * {@code 1.1} compare equal but are different records. Immutable; thread-safe.
 *
 * @param epoch    the epoch, 0 to {@link Integer#MAX_VALUE}; 0 when the text has none
 * @param upstream the upstream version, never empty
 * @param revision the Debian revision; empty when the text has none
 */
public record DebianVersion(int epoch, String upstream, String revision) implements Comparable<DebianVersion> {

    public DebianVersion {
        Objects.requireNonNull(upstream, "upstream");
        Objects.requireNonNull(revision, "revision");
        if (epoch < 0) {
            throw new IllegalArgumentException("epoch in version is negative: " + epoch);
        }
        if (upstream.isEmpty()) {
            throw new IllegalArgumentException("version number is empty");
        }
    }

    /**
     * Parses {@code text} as dpkg does: blanks around it are ignored; then the epoch is what precedes the first
     * {@code :} and the revision what follows the last {@code -}. Invalid: an empty text, blanks inside it, an
     * epoch that is empty, not a number, negative or above {@link Integer#MAX_VALUE}, nothing after the colon, an
     * empty revision ({@code 1.0-}) or upstream version, an upstream version that does not start with a digit,
     * and characters other than ASCII letters, digits and {@code . + ~} (plus {@code - :} in the upstream
     * version).
     *
     * @return the version, or why the text is not one
     */
    public static ParsedVersion parse(String text) {
        Objects.requireNonNull(text, "text");
        int start = 0;
        while (start < text.length() && blank(text.charAt(start))) {
            start++;
        }
        if (start == text.length()) {
            return invalid(text, "version string is empty");
        }
        int end = start;
        while (end < text.length() && !blank(text.charAt(end))) {
            end++;
        }
        for (int i = end; i < text.length(); i++) {
            if (!blank(text.charAt(i))) {
                return invalid(text, "version string has embedded spaces");
            }
        }
        String s = text.substring(start, end);
        int epoch = 0;
        int colon = s.indexOf(':');
        if (colon >= 0) {
            String problem = epochProblem(s.substring(0, colon));
            if (problem != null) {
                return invalid(text, problem);
            }
            epoch = Integer.parseInt(s.substring(0, colon)); // "+1" and "-0" too, as strtol
            if (colon == s.length() - 1) {
                return invalid(text, "nothing after colon in version number");
            }
            s = s.substring(colon + 1);
        }
        String upstream = s;
        String revision = "";
        int hyphen = s.lastIndexOf('-');
        if (hyphen >= 0) {
            upstream = s.substring(0, hyphen);
            revision = s.substring(hyphen + 1);
            if (revision.isEmpty()) {
                return invalid(text, "revision number is empty");
            }
        }
        if (upstream.isEmpty()) {
            return invalid(text, "version number is empty");
        }
        if (!digit(upstream.charAt(0))) {
            return invalid(text, "version number does not start with digit");
        }
        for (int i = 0; i < upstream.length(); i++) {
            char c = upstream.charAt(i);
            if (!digit(c) && !letter(c) && ".-+~:".indexOf(c) < 0) {
                return invalid(text, "invalid character in version number");
            }
        }
        for (int i = 0; i < revision.length(); i++) {
            char c = revision.charAt(i);
            if (!digit(c) && !letter(c) && ".+~".indexOf(c) < 0) {
                return invalid(text, "invalid character in revision number");
            }
        }
        return new ParsedVersion.Valid(new DebianVersion(epoch, upstream, revision));
    }

    /** dpkg reads the epoch with {@code strtol}: an optional sign, then digits up to the colon, 0 to INT_MAX. */
    private static String epochProblem(String e) {
        int i = e.startsWith("+") || e.startsWith("-") ? 1 : 0;
        int digits = 0;
        while (i + digits < e.length() && digit(e.charAt(i + digits))) {
            digits++;
        }
        if (digits == 0) {
            return "epoch in version is empty";
        }
        if (i + digits != e.length()) {
            return "epoch in version is not number";
        }
        String magnitude = e.substring(i).replaceFirst("^0+(?=.)", "");
        boolean negative = e.startsWith("-") && !magnitude.equals("0");
        if (negative) {
            return "epoch in version is negative";
        }
        if (magnitude.length() > 10 || Long.parseLong(magnitude) > Integer.MAX_VALUE) {
            return "epoch in version is too big";
        }
        return null;
    }

    private static ParsedVersion invalid(String text, String reason) {
        return new ParsedVersion.Invalid(text, reason);
    }

    private static boolean blank(char c) {
        return c == ' ' || c == '\t';
    }

    private static boolean digit(int c) {
        return c >= '0' && c <= '9';
    }

    private static boolean letter(int c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
    }

    /** @return negative, zero or positive as this version is older than, equal to or newer than {@code other} */
    @Override
    public int compareTo(DebianVersion other) {
        if (epoch != other.epoch) {
            return Integer.compare(epoch, other.epoch);
        }
        int c = verrevcmp(upstream, other.upstream);
        return c != 0 ? c : verrevcmp(revision, other.revision);
    }

    /** @return the version as dpkg writes it: the epoch only when it is not 0, the revision only when it is set */
    @Override
    public String toString() {
        String e = epoch != 0 || upstream.indexOf(':') >= 0 ? epoch + ":" : "";
        return e + upstream + (revision.isEmpty() ? "" : "-" + revision);
    }

    /** dpkg's {@code order}: on the bytes of the text, as C's signed {@code char}; 0 past the end. */
    private static int order(byte[] s, int i) {
        if (i >= s.length) {
            return 0;
        }
        int c = s[i];
        if (digit(c)) {
            return 0;
        }
        if (letter(c)) {
            return c;
        }
        if (c == '~') {
            return -1;
        }
        return c + 256;
    }

    /** dpkg's {@code verrevcmp}. */
    private static int verrevcmp(String left, String right) {
        byte[] a = left.getBytes(StandardCharsets.UTF_8);
        byte[] b = right.getBytes(StandardCharsets.UTF_8);
        int i = 0;
        int j = 0;
        while (i < a.length || j < b.length) {
            int firstDiff = 0;
            while (i < a.length && !digit(a[i]) || j < b.length && !digit(b[j])) {
                int ac = order(a, i);
                int bc = order(b, j);
                if (ac != bc) {
                    return Integer.compare(ac, bc);
                }
                i++;
                j++;
            }
            while (i < a.length && a[i] == '0') {
                i++;
            }
            while (j < b.length && b[j] == '0') {
                j++;
            }
            while (i < a.length && digit(a[i]) && j < b.length && digit(b[j])) {
                if (firstDiff == 0) {
                    firstDiff = a[i] - b[j];
                }
                i++;
                j++;
            }
            if (i < a.length && digit(a[i])) {
                return 1;
            }
            if (j < b.length && digit(b[j])) {
                return -1;
            }
            if (firstDiff != 0) {
                return Integer.signum(firstDiff);
            }
        }
        return 0;
    }
}
