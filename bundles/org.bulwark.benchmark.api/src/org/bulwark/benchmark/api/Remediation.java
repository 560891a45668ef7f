package org.bulwark.benchmark.api;

import java.util.Objects;

/**
 * How to fix a failing control. Bulwark shows the script; it never runs it.
 *
 * @param type   the kind of change
 * @param text   instructions for people
 * @param script an optional shell script that applies the fix, or {@code null}
 */
public record Remediation(RemediationType type, String text, String script) {
    public Remediation {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(text, "text");
    }
}
