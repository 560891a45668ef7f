package org.bulwark.store.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.bulwark.store.api.AssessmentSummary;
import org.bulwark.store.api.StoredAssessment;
import org.bulwark.testing.ChildJvm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a JVM ({@code kill -9}: {@link Process#destroyForcibly()}) while it stores a large assessment (400,000
 * results and an 80 MB report) in an embedded H2 store — once the database file has grown by 8 MB during that
 * write — then opens the store: it opens, the previous assessments are intact, and no part of the interrupted one
 * exists.
 */
class CrashTest {

    private static final int PREVIOUS = 3;

    @TempDir
    Path dir;

    @Test
    void aKilledWriterLeavesThePreviousAssessmentsAndNoPartialOne() throws Exception {
        String url = "jdbc:h2:file:" + dir.toAbsolutePath().resolve("store");
        Path file = dir.resolve("store.mv.db");
        long grewBy = 0;
        Path log = dir.resolve("child.log");
        Process child = new ProcessBuilder(ChildJvm.java(), "-Xmx1g", "-cp", classpath(), CrashWriter.class.getName(), url,
                Integer.toString(PREVIOUS), "400000").redirectError(log.toFile()).start();
        List<String> seen = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                seen.add(line);
                if (line.equals("STORING BIG")) {
                    // kill once the transaction has visibly reached the file: it grew by 8 MB (of a ~100 MB write)
                    long before = size(file);
                    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
                    while (child.isAlive() && size(file) < before + 8_000_000 && System.nanoTime() < deadline) {
                        Thread.sleep(5);
                    }
                    grewBy = size(file) - before;
                    child.destroyForcibly();
                    break;
                }
            }
        }
        assertTrue(child.waitFor(30, TimeUnit.SECONDS));
        assertEquals(List.of("PREVIOUS STORED", "STORING BIG"), seen, "child output; stderr: "
                + (Files.exists(log) ? Files.readString(log) : ""));
        assertEquals(137, child.exitValue(), "killed by SIGKILL");
        assertTrue(grewBy >= 8_000_000, "killed while writing: the file grew by " + grewBy + " bytes");

        try (JdbcStore store = JdbcStore.open(url)) {
            List<AssessmentSummary> history = store.history(null, null);
            assertEquals(PREVIOUS, history.size(), "the previous assessments, and no partial one");
            for (int i = 0; i < PREVIOUS; i++) {
                AssessmentSummary s = history.get(i);
                assertEquals("small", s.device().id());
                assertEquals(5.0 * (CrashWriter.SMALL_RESULTS - i), s.points().earned());
                assertEquals(5.0 * CrashWriter.SMALL_RESULTS, s.points().possible());
                StoredAssessment a = store.assessment(s.id()).orElseThrow();
                assertEquals(CrashWriter.SMALL_RESULTS, a.results().size());
                assertEquals("{\"n\": " + i + "}", a.reportJson());
            }
            assertFalse(store.devices().stream().anyMatch(d -> d.id().equals("big")));
            try (var c = TestStores.connect(url); var s = c.createStatement();
                    var r = s.executeQuery("SELECT COUNT(*) FROM assessment_results")) {
                r.next();
                assertEquals(PREVIOUS, r.getLong(1), "no results of the big one");
            }
            // and the store still takes writes
            assertEquals(PREVIOUS + 1, store.save(CrashWriter.small(0), "{}").id() > 0 ? store.history(null, null)
                    .size() : -1);
        }
    }

    /**
     * Kills ({@code kill -9}) a JVM whose four threads save small assessments and print each id once its save
     * returned, after a random number of ids (past the store's housekeeping every 500 writes, in most rounds);
     * three rounds on one store. Every printed id is stored, and ids are never handed out again.
     */
    @Test
    void aKilledWriterLosesNoAcknowledgedSaveAndHandsOutNoIdTwice() throws Exception {
        killedWriters("jdbc:h2:file:" + dir.toAbsolutePath().resolve("store"));
    }

    /** The same on PostgreSQL, in a fresh schema of {@code BULWARK_TEST_PG_URL}'s database. */
    @Test
    @org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable(named = TestStores.PG_ENV,
            matches = "jdbc:postgresql:.+")
    void aKilledWriterLosesNoAcknowledgedSaveOnPostgres() throws Exception {
        killedWriters(TestStores.postgresSchema());
    }

    private void killedWriters(String url) throws Exception {
        long seed = System.nanoTime();
        java.util.Random random = new java.util.Random(seed);
        java.util.TreeSet<Long> acknowledged = new java.util.TreeSet<>();
        for (int round = 0; round < 3; round++) {
            int killAfter = 50 + random.nextInt(1200);
            String why = "round " + round + ", killed after " + killAfter + " ids (seed " + seed + ")";
            Path log = dir.resolve("ids-" + round + ".log");
            Process child = new ProcessBuilder(ChildJvm.java(), "-cp", classpath(), CrashWriter.class.getName(), url, "ids",
                    "4").redirectError(log.toFile()).start();
            List<Long> printed = new ArrayList<>();
            try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                    StandardCharsets.UTF_8))) {
                assertEquals("OPEN", out.readLine(), why + "; stderr: " + Files.readString(log));
                String line;
                while ((line = out.readLine()) != null) {
                    printed.add(Long.parseLong(line.substring("ID ".length())));
                    if (printed.size() == killAfter) {
                        // SIGKILL through the handle, which (unlike Process.destroyForcibly) leaves the pipe open:
                        // the ids the child printed before it died are read too
                        child.toHandle().destroyForcibly();
                    }
                }
            } finally {
                child.destroyForcibly();
            }
            assertTrue(child.waitFor(30, TimeUnit.SECONDS));
            assertEquals(137, child.exitValue(), why + ": killed by SIGKILL; stderr: " + Files.readString(log));
            assertTrue(printed.size() >= killAfter, why + ": printed " + printed.size());
            assertEquals(printed.size(), new java.util.HashSet<>(printed).size(), why + ": an id printed twice");
            if (!acknowledged.isEmpty()) {
                long before = acknowledged.last();
                for (long id : printed) {
                    assertTrue(id > before, why + ": id " + id + " handed out again (the last id before the crash "
                            + "was " + before + ")");
                }
            }
            acknowledged.addAll(printed);
            try (JdbcStore store = JdbcStore.open(url)) {
                Set<Long> stored = new java.util.HashSet<>();
                store.history(null, null).forEach(a -> stored.add(a.id()));
                List<Long> lost = new ArrayList<>();
                for (long id : acknowledged) {
                    if (!stored.contains(id)) {
                        lost.add(id);
                    }
                }
                assertEquals(List.of(), lost, why + ": acknowledged but not stored");
            }
        }
        try (JdbcStore store = JdbcStore.open(url)) {
            long next = store.save(CrashWriter.small(0), "{}").id();
            assertTrue(next > acknowledged.last(), "a new id after the crashes: " + next + " > " + acknowledged.last());
        }
    }

    @Test
    void anEmbeddedStoreInUseByAnotherProcessIsWaitedFor() throws Exception {
        String url = "jdbc:h2:file:" + dir.toAbsolutePath().resolve("store");
        Process child = new ProcessBuilder(ChildJvm.java(), "-cp", classpath(), CrashWriter.class.getName(), url, "hold",
                "3000").redirectError(dir.resolve("hold.log").toFile()).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.UTF_8))) {
            assertEquals("HOLDING", out.readLine(), "stderr: " + Files.readString(dir.resolve("hold.log")));
            long start = System.nanoTime();
            try (JdbcStore store = JdbcStore.open(url)) {
                long waited = (System.nanoTime() - start) / 1_000_000;
                assertTrue(waited >= 100 && waited < ConnectionPool.LOCK_WAIT_MS, "waited " + waited + " ms");
                assertEquals(0, store.history(null, null).size());
            }
        } finally {
            child.destroyForcibly();
            child.waitFor(30, TimeUnit.SECONDS);
        }
    }

    private static long size(Path file) throws java.io.IOException {
        return Files.exists(file) ? Files.size(file) : 0;
    }

    /** The class path of the child: the bundles its classes come from, as jars or class folders. */
    private static String classpath() {
        return ChildJvm.classpath(ChildJvm.bundles(CrashTest.class, b -> b.getSymbolicName() != null
                && (b.getSymbolicName().startsWith("org.bulwark.") || b.getSymbolicName().equals("com.h2database")
                        || b.getSymbolicName().startsWith("org.postgresql"))));
    }
}
