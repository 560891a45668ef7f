package org.bulwark.store.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Durable commits in an H2 file. H2's default ({@code WRITE_DELAY=500}) acknowledges a commit held in memory and
 * writes it up to half a second later from a background thread: a process killed in between lost acknowledged
 * writes, and handed their ids out again. The store opens H2 files with {@link #SETTINGS}:
 * <ul>
 * <li>{@code WRITE_DELAY=0}: H2 writes each commit to the file inside {@code commit()} (and a sequence's reserved
 * ids with it, so that no id is handed out twice);</li>
 * <li>then {@link #committed} forces the file to the device ({@code CHECKPOINT SYNC}, {@code fsync}), once for
 * every write whose commit finished before the sync began: writes that commit while a sync runs share the next
 * one (group commit);</li>
 * </ul>
 * H2's {@code RETENTION_TIME} stays at its default (45 s). The store used to set 2 s, to let H2 reuse the space of
 * superseded chunks sooner; with it, short processes that opened the file one after another (an assessment, then
 * a few {@code bulwark history}) lost committed assessments: a reading session that closed more than two seconds
 * after the writes let H2 overwrite chunks still in use (four stored, two or none found; {@code releng/test-dist.sh}
 * checks this with the real launcher).
 * Without its background writer H2 also stops compacting the file (rewriting chunks of which little is still
 * used), and a file written one commit at a time grows about 14 times as fast. So every
 * {@value #HOUSEKEEPING_EVERY} writes, before the next one starts, H2's background writer runs for
 * {@value #HOUSEKEEPING_MS} ms ({@code SET WRITE_DELAY}) with the syncs of this store held back, then is stopped
 * (which waits for what it writes) and the file is forced. This assumes that no other store object of the same
 * JVM writes the same H2 file meanwhile (an embedded file serves one process, and each runtime keeps at most one
 * long-lived store open).
 */
final class H2Durability implements Durability {

    /** The settings the store adds to an H2 file's URL (unless the URL sets them itself). */
    static final List<String> SETTINGS = List.of("WRITE_DELAY=0");

    /** Writes between two housekeeping runs. */
    static final int HOUSEKEEPING_EVERY = 500;

    /** How long H2's background writer runs for housekeeping. */
    static final long HOUSEKEEPING_MS = 200;

    private final int housekeepingEvery;
    /** Commits seen; a commit's ticket is taken after it finished. */
    private final AtomicLong commits = new AtomicLong();
    /** Write transactions begun. */
    private final AtomicLong writes = new AtomicLong();
    private final Object lock = new Object();
    /** The highest ticket a finished sync covers; guarded by {@link #lock}. */
    private long synced;

    H2Durability() {
        this(HOUSEKEEPING_EVERY);
    }

    /** @param housekeepingEvery writes between two housekeeping runs */
    H2Durability(int housekeepingEvery) {
        this.housekeepingEvery = housekeepingEvery;
    }

    @Override
    public void beforeWrite(Connection c) throws SQLException {
        if (writes.incrementAndGet() % housekeepingEvery == 0) {
            housekeeping(c);
        }
    }

    @Override
    public void committed(Connection c) throws SQLException {
        long ticket = commits.incrementAndGet();
        synchronized (lock) {
            if (synced < ticket) { // else a sync that began after this commit finished has covered it
                sync(c);
            }
        }
    }

    /** Forces the file; covers every commit that finished before. Holding {@link #lock}. */
    private void sync(Connection c) throws SQLException {
        long covers = commits.get();
        try (Statement s = c.createStatement()) {
            s.execute("CHECKPOINT SYNC");
        }
        synced = covers;
    }

    /**
     * Lets H2's background writer compact the file for a moment. Commits of other threads meanwhile are written
     * by it, not by their {@code commit()}; their syncs wait for this one, which follows stopping the writer (it
     * finishes what it writes first) and so covers them.
     */
    private void housekeeping(Connection c) throws SQLException {
        synchronized (lock) {
            try (Statement s = c.createStatement()) {
                try {
                    s.execute("SET WRITE_DELAY 30");
                    c.commit();
                    try {
                        Thread.sleep(HOUSEKEEPING_MS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt(); // the caller's: end the run early
                    }
                } finally {
                    s.execute("SET WRITE_DELAY 0");
                    c.commit();
                }
            }
            sync(c);
        }
    }
}
