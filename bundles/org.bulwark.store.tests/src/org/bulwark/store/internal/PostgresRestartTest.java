package org.bulwark.store.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.bulwark.store.api.StoreException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * PostgreSQL restarted ({@code pg_ctl restart -m fast}) while four threads save assessments: saves during the
 * outage fail with a {@link StoreException} (a server answers 503 with {@code Retry-After}), every save that
 * returned is stored, and once the server is back every save succeeds — the pool drops the connections the restart
 * broke instead of handing them out. Needs the throw-away server of {@code releng/test-postgres.sh} (its directory
 * in {@code BULWARK_TEST_PG_DIR}); skipped without it.
 */
@EnabledIfEnvironmentVariable(named = TestStores.PG_ENV, matches = "jdbc:postgresql:.+")
@EnabledIfEnvironmentVariable(named = "BULWARK_TEST_PG_DIR", matches = ".+")
class PostgresRestartTest {

    @Test
    void aRestartCostsOnlyTheSavesDuringItAndNoAcknowledgedOne() throws Exception {
        Path data = Path.of(System.getenv("BULWARK_TEST_PG_DIR"), "data");
        assertTrue(Files.isDirectory(data), data + ": the throw-away server's cluster");
        String url = TestStores.postgresSchema();
        ConcurrentLinkedQueue<Long> acknowledged = new ConcurrentLinkedQueue<>();
        AtomicInteger failed = new AtomicInteger();
        AtomicBoolean restarted = new AtomicBoolean();
        AtomicInteger afterRestart = new AtomicInteger();
        AtomicBoolean stop = new AtomicBoolean();
        List<Throwable> unexpected = new java.util.concurrent.CopyOnWriteArrayList<>();
        try (JdbcStore store = JdbcStore.open(url)) {
            List<Thread> threads = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int n = t;
                Thread thread = new Thread(() -> {
                    for (int i = 0; !stop.get(); i++) {
                        boolean after = restarted.get();
                        try {
                            acknowledged.add(store.save(CrashWriter.small(n * 1_000_000 + i), "{}").id());
                            if (after) {
                                afterRestart.incrementAndGet();
                            }
                        } catch (StoreException e) {
                            failed.incrementAndGet();
                            if (after) {
                                unexpected.add(e); // the server is back: a save must not fail now
                            }
                        } catch (RuntimeException | Error e) {
                            unexpected.add(e);
                        }
                    }
                }, "saver-" + t);
                threads.add(thread);
                thread.start();
            }
            Thread.sleep(1_000);
            int before = acknowledged.size();
            restart(data);
            Thread.sleep(500); // saves in flight during the restart end (failed or retried) meanwhile
            restarted.set(true);
            Thread.sleep(1_500);
            stop.set(true);
            for (Thread t : threads) {
                t.join(TimeUnit.SECONDS.toMillis(60));
            }
            assertEquals(List.of(), unexpected, "after the restart every save succeeds");
            assertTrue(before > 0 && afterRestart.get() > 0, "saved before (" + before + ") and after ("
                    + afterRestart.get() + ") the restart; " + failed.get() + " failed during it");
            Set<Long> stored = new HashSet<>();
            store.history(null, null).forEach(a -> stored.add(a.id()));
            List<Long> lost = new ArrayList<>();
            for (long id : acknowledged) {
                if (!stored.contains(id)) {
                    lost.add(id);
                }
            }
            assertEquals(List.of(), lost, "acknowledged but not stored");
        }
    }

    private static void restart(Path data) throws Exception {
        String pgCtl;
        try (var dirs = Files.list(Path.of("/usr/lib/postgresql"))) {
            pgCtl = dirs.map(d -> d.resolve("bin/pg_ctl")).filter(Files::isExecutable).sorted()
                    .reduce((a, b) -> b).orElseThrow().toString();
        }
        String command = "'" + pgCtl + "' -D '" + data + "' -m fast -w restart >/dev/null";
        List<String> argv = "root".equals(System.getProperty("user.name"))
                ? List.of("su", "postgres", "-s", "/bin/bash", "-c", command) : List.of("bash", "-c", command);
        Process p = new ProcessBuilder(argv).directory(Path.of("/").toFile()).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0, "pg_ctl restart: " + output);
    }
}
