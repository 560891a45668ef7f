package org.bulwark.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;

/** {@link Services#await}: the service when there is one, a clear failure when none comes in time. */
class ServicesTest {

    /** A service type no one registers but these tests. */
    interface Probe {
    }

    private final BundleContext context = FrameworkUtil.getBundle(ServicesTest.class).getBundleContext();

    @Test
    void awaitReturnsTheRegisteredService() {
        Probe probe = new Probe() {
        };
        try (Registration<Probe> r = Services.register(Probe.class, probe)) {
            assertSame(probe, Services.await(Probe.class, Duration.ofSeconds(1)));
            assertSame(probe, Services.await(Probe.class));
            assertEquals("org.bulwark.testing", r.reference().getBundle().getSymbolicName(),
                    "registered by the caller's bundle (a fragment's host)");
        }
    }

    @Test
    void awaitWaitsForAServiceRegisteredLater() throws Exception {
        Probe probe = new Probe() {
        };
        CompletableFuture<Registration<Probe>> later = CompletableFuture.supplyAsync(
                () -> Services.register(context, Probe.class, probe, Map.of()),
                CompletableFuture.delayedExecutor(300, TimeUnit.MILLISECONDS));
        try {
            assertSame(probe, Services.await(Probe.class, Duration.ofSeconds(10)));
        } finally {
            later.get(10, TimeUnit.SECONDS).close();
        }
    }

    @Test
    void awaitFailsAfterTheTimeoutNamingTypeAndTimeout() {
        long start = System.nanoTime();
        AssertionError e = assertThrows(AssertionError.class, () -> Services.await(Probe.class, Duration.ofMillis(200)));
        assertTrue(System.nanoTime() - start >= 200_000_000L, "waited the whole timeout");
        assertEquals("no org.bulwark.testing.ServicesTest$Probe service within 200 ms; no DS component provides it",
                e.getMessage());
    }

    @Test
    void theHighestRankedServiceWins() {
        Probe low = new Probe() {
        };
        Probe high = new Probe() {
        };
        try (Registration<Probe> a = Services.register(context, Probe.class, low, Map.of("service.ranking", 1));
                Registration<Probe> b = Services.register(context, Probe.class, high, Map.of("service.ranking", 5))) {
            assertSame(high, Services.await(Probe.class, Duration.ofSeconds(1)));
        }
    }

    @Test
    void aRegistrationClosesOnce() {
        Registration<Probe> r = Services.register(Probe.class, new Probe() {
        });
        assertTrue(r.registered());
        r.close();
        assertFalse(r.registered());
        r.close(); // a second close does nothing
        assertEquals(null, context.getServiceReference(Probe.class));
    }

    @Test
    void aNegativeTimeoutIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Services.await(Probe.class, Duration.ofMillis(-1)));
        assertEquals("negative timeout PT-0.001S", e.getMessage());
    }

    @Test
    void outsideABundleTheCallerIsNamed() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Services.contextOf(String.class));
        assertEquals("java.lang.String is not loaded by an OSGi bundle: run the test in OSGi or pass a BundleContext",
                e.getMessage());
    }
}
