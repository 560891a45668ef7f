package org.bulwark.linux;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The lines of one text file of the target.
 *
 * @param path  the path as the target sees it, e.g. {@code /etc/login.defs}
 * @param lines the lines without their line terminators; line {@code n} (1-based) is {@code lines.get(n - 1)}
 */
public record TextFile(String path, List<String> lines) {
    public TextFile {
        Objects.requireNonNull(path, "path");
        lines = List.copyOf(lines);
    }

    /**
     * One line that carries content.
     *
     * @param number the 1-based line number
     * @param text   the line without leading and trailing white space; never empty
     * @since 2.1.0
     */
    public record Line(int number, String text) {
    }

    /**
     * The lines a configuration parser reads: stripped of surrounding white space, without blank lines and
     * without lines that start (after white space) with one of {@code commentPrefixes}, in file order.
     *
     * @since 2.1.0
     */
    public List<Line> content(String... commentPrefixes) {
        List<Line> result = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String text = lines.get(i).strip();
            if (!text.isEmpty() && !startsWithAny(text, commentPrefixes)) {
                result.add(new Line(i + 1, text));
            }
        }
        return result;
    }

    private static boolean startsWithAny(String text, String[] prefixes) {
        for (String p : prefixes) {
            if (text.startsWith(p)) {
                return true;
            }
        }
        return false;
    }
}
