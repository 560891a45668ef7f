package org.bulwark.testing;

import java.time.Duration;

import org.bulwark.testing.internal.Durations;

/** Assertions about what happens in other threads (a component activating, a server starting…), retried. */
public final class Await {

    /** How long {@link #waitForAssert} sleeps between two attempts (less when the timeout is nearer). */
    public static final Duration INTERVAL = Duration.ofMillis(50);

    private Await() {
    }

    /**
     * Runs {@code assertion} until it passes: every {@link #INTERVAL} while it throws an {@link AssertionError}, at
     * least once, and once more at the timeout. Any other exception is not retried: it propagates at once.
     *
     * @throws AssertionError the last failure of {@code assertion} when it still fails after {@code timeout}, with a
     *         suppressed {@code AssertionError} saying how long and how often it was tried
     */
    public static void waitForAssert(Runnable assertion, Duration timeout) {
        long deadline = System.nanoTime() + Durations.positiveMillis(timeout) * 1_000_000L;
        int attempts = 0;
        while (true) {
            attempts++;
            AssertionError failure;
            try {
                assertion.run();
                return;
            } catch (AssertionError e) {
                failure = e;
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                failure.addSuppressed(new AssertionError("still failing after " + Durations.format(timeout) + ", "
                        + attempts + " attempts"));
                throw failure;
            }
            try {
                Thread.sleep(Math.max(1, Math.min(INTERVAL.toMillis(), left / 1_000_000L)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failure.addSuppressed(new AssertionError("interrupted after " + attempts + " attempts"));
                throw failure;
            }
        }
    }
}
