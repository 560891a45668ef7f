package org.bulwark.testing.internal;

import java.time.Duration;

/** Timeouts as the helpers take and print them. */
public final class Durations {

    private Durations() {
    }

    /** @return {@code timeout} in milliseconds, at least 1 (0 means "forever" to a ServiceTracker) */
    public static long positiveMillis(Duration timeout) {
        if (timeout.isNegative()) {
            throw new IllegalArgumentException("negative timeout " + timeout);
        }
        return Math.max(1, timeout.toMillis());
    }

    /** @return "10 s" for whole seconds, else "250 ms" */
    public static String format(Duration timeout) {
        long millis = timeout.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + " s" : millis + " ms";
    }
}
