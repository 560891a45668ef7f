package org.bulwark.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

/** {@link Await#waitForAssert}: retried until it passes; the last failure when it never does. */
class AwaitTest {

    private final AtomicInteger attempts = new AtomicInteger();

    @Test
    void retriesUntilTheAssertionPasses() {
        Await.waitForAssert(() -> assertEquals(3, attempts.incrementAndGet()), Duration.ofSeconds(10));
        assertEquals(3, attempts.get(), "stops at the first pass");
    }

    @Test
    void aPassingAssertionRunsOnce() {
        Await.waitForAssert(attempts::incrementAndGet, Duration.ZERO);
        assertEquals(1, attempts.get());
    }

    @Test
    void theLastFailureIsRethrownAfterTheTimeout() {
        long start = System.nanoTime();
        AssertionError e = assertThrows(AssertionError.class,
                () -> Await.waitForAssert(() -> fail("attempt " + attempts.incrementAndGet()), Duration.ofMillis(300)));
        assertTrue(System.nanoTime() - start >= 300_000_000L, "waited the whole timeout");
        int n = attempts.get();
        assertTrue(n >= 2, "tried again, and once at the timeout: " + n);
        assertEquals("attempt " + n, e.getMessage());
        assertEquals(1, e.getSuppressed().length);
        assertEquals("still failing after 300 ms, " + n + " attempts", e.getSuppressed()[0].getMessage());
    }

    @Test
    void otherExceptionsAreNotRetried() {
        IllegalStateException broken = new IllegalStateException("broken");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Await.waitForAssert(() -> {
            attempts.incrementAndGet();
            throw broken;
        }, Duration.ofSeconds(10)));
        assertSame(broken, e);
        assertEquals(1, attempts.get());
    }

    @Test
    void anInterruptEndsTheWaitWithTheLastFailure() {
        Thread.currentThread().interrupt();
        try {
            AssertionError e = assertThrows(AssertionError.class,
                    () -> Await.waitForAssert(() -> fail("attempt " + attempts.incrementAndGet()),
                            Duration.ofSeconds(10)));
            assertEquals("attempt 1", e.getMessage());
            assertEquals("interrupted after 1 attempts", e.getSuppressed()[0].getMessage());
            assertTrue(Thread.currentThread().isInterrupted(), "the interrupt is kept");
        } finally {
            Thread.interrupted();
        }
    }
}
