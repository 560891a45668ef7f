package org.bulwark.scap.content.internal;

import java.util.Locale;

/**
 * A rule's XCCDF severity (as the profile refines it) as a Bulwark control weight: {@code high} 10,
 * {@code medium} 6, {@code low} 3, {@code info}, {@code unknown} and anything else 1. The XCCDF {@code weight}
 * attribute is a relative scoring weight of the XCCDF models with another scale (default 1.0, SSG sets none); it
 * is not used.
 */
final class Weights {

    private Weights() {
    }

    static int of(String severity) {
        return switch (severity == null ? "" : severity.trim().toLowerCase(Locale.ROOT)) {
            case "high" -> 10;
            case "medium" -> 6;
            case "low" -> 3;
            default -> 1;
        };
    }
}
