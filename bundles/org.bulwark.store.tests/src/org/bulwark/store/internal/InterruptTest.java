package org.bulwark.store.internal;

import static org.bulwark.collector.api.Category.NETWORK;
import static org.bulwark.collector.api.Category.OPERATING_SYSTEM;
import static org.bulwark.scoring.api.ResultState.FAIL;
import static org.bulwark.scoring.api.ResultState.PASS;
import static org.bulwark.store.internal.Fixtures.r;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.bulwark.scoring.api.Assessment;
import org.bulwark.store.api.AssessmentStore;
import org.bulwark.store.api.AssessmentSummary;
import org.junit.jupiter.api.Test;

/**
 * A caller whose thread is interrupted (a cancelled job, a server shutting down) while it uses an H2 file: Java
 * closes a {@code FileChannel} that an interrupted thread reads, writes or forces, and H2 then closes the whole
 * database under every other connection of the JVM. The store's work must survive it, and the caller keeps its
 * interrupt.
 */
class InterruptTest extends StoreTestBase {

    private static Assessment at(int i) {
        return Fixtures.assessment(D1, Instant.parse("2026-11-01T10:00:00Z").plusSeconds(60L * i),
                List.of(r("c1", OPERATING_SYSTEM, 10, i % 2 == 0 ? PASS : FAIL), r("c2", NETWORK, 5, PASS)),
                List.of());
    }

    @Test
    void aSaveOnAnInterruptedThreadIsStoredAndTheStoreKeepsWorking() throws Exception {
        store.save(at(0), "{}");
        AtomicReference<Object> outcome = new AtomicReference<>();
        AtomicReference<Boolean> stillInterrupted = new AtomicReference<>();
        Thread t = new Thread(() -> {
            Thread.currentThread().interrupt(); // as a cancel does while the caller saves and syncs
            try {
                outcome.set(store.save(at(1), "{}"));
            } catch (Exception | Error e) {
                outcome.set(e);
            }
            stillInterrupted.set(Thread.currentThread().isInterrupted());
        });
        t.start();
        t.join(30_000);
        assertTrue(outcome.get() instanceof AssessmentSummary, "the save is stored: " + outcome.get());
        assertEquals(Boolean.TRUE, stillInterrupted.get(), "the caller's interrupt is kept");

        // the store, and the file under it, still work for everyone else
        store.save(at(2), "{}");
        assertEquals(3, store.history("d1", null).size());
        store.close();
        try (AssessmentStore again = JdbcStore.open(url)) {
            assertEquals(3, again.history("d1", null).size());
        }
        store = JdbcStore.open(url);
    }

    @Test
    void readsOnAnInterruptedThreadWorkAndLeaveTheStoreWorking() throws Exception {
        for (int i = 0; i < 3; i++) {
            store.save(at(i), "{}");
        }
        store.close();
        AtomicReference<Object> outcome = new AtomicReference<>();
        Thread t = new Thread(() -> {
            Thread.currentThread().interrupt();
            // a fresh open reads the file on this thread: the pages are not cached yet
            try (AssessmentStore s = JdbcStore.open(url)) {
                outcome.set(s.history("d1", null).size());
            } catch (Exception | Error e) {
                outcome.set(e);
            }
        });
        t.start();
        t.join(30_000);
        assertEquals(3, outcome.get());
        store = JdbcStore.open(url);
        store.save(at(3), "{}");
        assertEquals(4, store.history("d1", null).size());
    }
}
