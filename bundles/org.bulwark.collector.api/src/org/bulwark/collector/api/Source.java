package org.bulwark.collector.api;

import java.util.Objects;

/**
 * Where an observed value came from: a file and line, a drop-in, a built-in default, the running system,
 * command output, a package database or a policy.
 *
 * @param kind     the kind of source, never {@code null}
 * @param location the file path (as seen on the target, e.g. {@code /etc/ssh/sshd_config}), the command
 *                 line, or the policy name; {@code null} for a built-in default
 * @param line     the 1-based line in {@code location} that set the value, or 0 when there is no line
 * @param detail   free text for people, e.g. {@code "overrides /etc/sysctl.conf:12"}; may be {@code null}
 */
public record Source(SourceKind kind, String location, int line, String detail) {

    public Source {
        Objects.requireNonNull(kind, "kind");
        if (line < 0) {
            throw new IllegalArgumentException("line must be >= 0: " + line);
        }
    }

    /** A value set in {@code file} at {@code line}. */
    public static Source file(String file, int line) {
        return new Source(SourceKind.FILE, file, line, null);
    }

    /** A value set in the drop-in {@code file} at {@code line}. */
    public static Source dropIn(String file, int line) {
        return new Source(SourceKind.DROP_IN, file, line, null);
    }

    /** A value nothing configures; {@code detail} names the program whose default it is. */
    public static Source builtInDefault(String detail) {
        return new Source(SourceKind.BUILT_IN_DEFAULT, null, 0, detail);
    }

    /** A value read from the running system at {@code location} (e.g. a {@code /proc} file). */
    public static Source runtime(String location) {
        return new Source(SourceKind.RUNTIME, location, 0, null);
    }

    /** A value read from a package database at {@code location}. */
    public static Source packageDatabase(String location) {
        return new Source(SourceKind.PACKAGE_DATABASE, location, 0, null);
    }

    /** A value computed from other facts; {@code detail} says how. */
    public static Source derived(String detail) {
        return new Source(SourceKind.DERIVED, null, 0, detail);
    }

    /** @return a copy with {@code detail} set */
    public Source withDetail(String newDetail) {
        return new Source(kind, location, line, newDetail);
    }

    /** @return e.g. {@code /etc/ssh/sshd_config:12}, {@code built-in default (OpenSSH)} */
    @Override
    public String toString() {
        StringBuilder b = new StringBuilder();
        switch (kind) {
            case BUILT_IN_DEFAULT -> b.append("built-in default");
            case FILE -> b.append(location);
            default -> b.append(kind.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '))
                    .append(location == null ? "" : " " + location);
        }
        if (kind == SourceKind.FILE && line > 0) {
            b.append(':').append(line);
        } else if (kind != SourceKind.FILE && line > 0) {
            b.append(':').append(line);
        }
        if (detail != null && !detail.isEmpty()) {
            b.append(" (").append(detail).append(')');
        }
        return b.toString();
    }
}
