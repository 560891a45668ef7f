package org.bulwark.linux;

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
}
