package org.bulwark.store.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.bulwark.store.api.AssessmentSummary;
import org.bulwark.store.api.StoreException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.io.TempDir;

/**
 * A disk that fills up: the write that does not fit fails with a {@link StoreException}, never silently; every
 * write acknowledged before it is there after the store is opened again, nothing of the failed one is, and ids are
 * not handed out again. On {@link FullDisk} (H2 writing through a file system that takes only so many more
 * bytes, failing part-way through a write) always; on a real small file system when
 * {@code BULWARK_TEST_FULL_DIR} names a directory on one (e.g. a 4 MB tmpfs).
 */
class DiskFullTest {

    @TempDir
    Path dir;

    @AfterEach
    void roomAgain() {
        FullDisk.unlimited();
    }

    @Test
    void aWriteTheDiskCannotTakeFailsAndTheAcknowledgedOnesRemain() throws Exception {
        FullDisk.register();
        // the disk fills at different moments of a save: in the commit's chunk, or in the middle of one
        long[] budgets = { 0, 1_000, 9_000, 40_000, 150_000 };
        List<Long> acknowledged = new ArrayList<>();
        for (int round = 0; round < budgets.length; round++) {
            String url = "jdbc:h2:" + FullDisk.SCHEME + ":" + dir.toAbsolutePath().resolve("store");
            StoreException failure = null;
            try (JdbcStore store = JdbcStore.open(url)) {
                acknowledged.add(store.save(CrashWriter.small(round), "{\"round\": " + round + "}").id());
                FullDisk.limit(budgets[round]);
                for (int i = 0; i < 500 && failure == null; i++) {
                    try {
                        acknowledged.add(store.save(CrashWriter.small(i % 20), noise(i)).id());
                    } catch (StoreException e) {
                        failure = e;
                    }
                }
                assertNotNull(failure, "round " + round + ": the full disk is reported");
                assertFullDisk(failure);
                assertTrue(failure.getMessage().startsWith("store " + url + ": the commit failed: "),
                        failure.getMessage());
                assertTrue(failure.getMessage().endsWith("(the change is most likely not stored)"),
                        failure.getMessage());
                // still full: the next write fails before its commit
                StoreException again = assertThrows(StoreException.class, () -> store.save(CrashWriter.small(0), "{}"));
                assertFullDisk(again);
                assertTrue(again.getMessage().endsWith("(nothing was written)"), again.getMessage());
                FullDisk.unlimited();
            }
            try (JdbcStore store = JdbcStore.open(url)) {
                assertEquals(acknowledged, ids(store), "round " + round + ": every acknowledged save, no other");
            }
        }
        try (JdbcStore store = JdbcStore.open("jdbc:h2:" + FullDisk.SCHEME + ":"
                + dir.toAbsolutePath().resolve("store"))) {
            long next = store.save(CrashWriter.small(0), "{}").id();
            assertTrue(next > acknowledged.get(acknowledged.size() - 1), "ids are not handed out again: " + next);
        }
    }

    @Test
    @EnabledIfEnvironmentVariable(named = "BULWARK_TEST_FULL_DIR", matches = ".+")
    void onARealFullFileSystem() throws Exception {
        Path small = Files.createTempDirectory(Path.of(System.getenv("BULWARK_TEST_FULL_DIR")), "store");
        String url = "jdbc:h2:file:" + small.resolve("store");
        List<Long> acknowledged = new ArrayList<>();
        try (JdbcStore store = JdbcStore.open(url)) {
            acknowledged.add(store.save(CrashWriter.small(0), "{}").id());
        }
        Path filler = small.resolve("filler");
        fillUpTo(filler, 256 * 1024); // leave the store 256 KB to grow into
        StoreException failure = null;
        try (JdbcStore store = JdbcStore.open(url)) {
            for (int i = 0; i < 10_000 && failure == null; i++) {
                try {
                    acknowledged.add(store.save(CrashWriter.small(i % 20), noise(i)).id());
                } catch (StoreException e) {
                    failure = e;
                }
            }
            assertNotNull(failure, "the full file system is reported");
            assertFullDisk(failure);
            Files.delete(filler);
        } finally {
            Files.deleteIfExists(filler);
        }
        try (JdbcStore store = JdbcStore.open(url)) {
            assertEquals(acknowledged, ids(store));
            assertTrue(store.save(CrashWriter.small(0), "{}").id() > acknowledged.get(acknowledged.size() - 1));
        }
    }

    /** A store failure caused by the full disk. */
    private static void assertFullDisk(StoreException e) {
        assertEquals(StoreException.Reason.FAILED, e.reason(), e.getMessage());
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof IOException && "No space left on device".equals(t.getMessage())) {
                return;
            }
        }
        throw new AssertionError("not the full disk: " + e.getMessage(), e);
    }

    private static List<Long> ids(JdbcStore store) throws StoreException {
        List<Long> ids = new ArrayList<>();
        for (AssessmentSummary s : store.history(null, null)) {
            ids.add(s.id());
        }
        return ids;
    }

    /** @return a report of random text, which compression does not shrink: each save writes a few KB */
    private static String noise(int seed) {
        Random random = new Random(seed);
        StringBuilder b = new StringBuilder(4096);
        for (int i = 0; i < 4096; i++) {
            b.append((char) ('a' + random.nextInt(26)));
        }
        return "{\"evidence\": \"" + b + "\"}";
    }

    /** Writes {@code file} until the file system has about {@code leave} bytes free. */
    private static void fillUpTo(Path file, long leave) throws IOException {
        long free = Files.getFileStore(file.getParent()).getUsableSpace();
        byte[] block = new byte[64 * 1024];
        try (OutputStream out = Files.newOutputStream(file)) {
            for (long left = free - leave; left > 0; left -= block.length) {
                out.write(block, 0, (int) Math.min(block.length, left));
            }
        }
    }
}
