package org.bulwark.store.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import org.bulwark.store.api.StoreException;
import org.bulwark.store.api.StoreException.Reason;

/**
 * One transaction per call on one pooled connection (auto-commit off, READ COMMITTED, set by the pool): committed
 * at its end and rolled back on any failure, bad input included. A transaction that loses a race with another
 * (two first assessments of one device inserting it, a lock timeout, a deadlock or serialization failure) is
 * rolled back and run again, up to {@link #ATTEMPTS} times in all. A write returns only once its commit is
 * durable ({@link Durability}). Transactions do not nest; the work reaches its connection through
 * {@link #connection()}. Each runs on the store's {@link FileThreads}, where a caller's interrupt cannot reach an
 * H2 file.
 */
final class Transactions {

    /** How often a transaction that lost a race is tried in all. */
    static final int ATTEMPTS = 5;

    /** What a transaction does; it may be run again when it lost a race, so it must not keep state. */
    @FunctionalInterface
    interface Work<T> {
        T run() throws SQLException, StoreException;
    }

    private final ConnectionPool pool;
    private final Durability durability;
    private final FileThreads threads;
    /** The connection of the transaction the calling thread runs. */
    private final ThreadLocal<Connection> current = new ThreadLocal<>();
    /** What to do once the calling thread's transaction has committed (caches of what it wrote). */
    private final ThreadLocal<List<Runnable>> committed = new ThreadLocal<>();

    /** Transactions on the caller's thread. */
    Transactions(ConnectionPool pool, Durability durability) {
        this(pool, durability, FileThreads.inline());
    }

    Transactions(ConnectionPool pool, Durability durability, FileThreads threads) {
        this.pool = pool;
        this.durability = durability;
        this.threads = threads;
    }

    /** @return the connection of the calling thread's transaction */
    Connection connection() {
        Connection c = current.get();
        if (c == null) {
            throw new IllegalStateException("no transaction on this thread");
        }
        return c;
    }

    /** Runs {@code hook} if and when the calling thread's transaction commits. */
    void afterCommit(Runnable hook) {
        List<Runnable> hooks = committed.get();
        if (hooks == null) {
            throw new IllegalStateException("no transaction on this thread");
        }
        hooks.add(hook);
    }

    /** Runs {@code work} as a transaction that only reads. */
    <T> T read(Work<T> work) throws StoreException {
        return run(work, false);
    }

    /** Runs {@code work} as a transaction that writes: it returns once the commit is durable. */
    <T> T write(Work<T> work) throws StoreException {
        return run(work, true);
    }

    private <T> T run(Work<T> work, boolean writes) throws StoreException {
        if (current.get() != null) {
            throw new IllegalStateException("transactions do not nest");
        }
        return threads.call(() -> runHere(work, writes));
    }

    private <T> T runHere(Work<T> work, boolean writes) throws StoreException {
        for (int attempt = 1;; attempt++) {
            Connection c = pool.borrow();
            boolean healthy = true;
            current.set(c);
            List<Runnable> hooks = new ArrayList<>();
            committed.set(hooks);
            Phase phase = Phase.WORK;
            try {
                if (writes) {
                    durability.beforeWrite(c);
                }
                T result = work.run();
                phase = Phase.COMMIT;
                c.commit();
                if (writes) {
                    phase = Phase.SYNC;
                    durability.committed(c);
                }
                hooks.forEach(Runnable::run);
                return result;
            } catch (StoreException e) {
                Migrations.rollback(c);
                throw e;
            } catch (SQLException e) {
                Migrations.rollback(c);
                boolean open = isOpen(c);
                if (phase != Phase.SYNC && open && attempt < ATTEMPTS && lostRace(e)) {
                    continue; // another transaction won: nothing of this one was kept; run it again
                }
                boolean gone = databaseGone(e);
                if (gone) {
                    // H2 closed the database (a disk that filled up): every pooled session is on the closed one;
                    // new connections open it again, once it can be written
                    pool.discardIdle();
                }
                // a connection whose commit failed is not trusted again
                healthy = open && phase == Phase.WORK && !gone;
                throw failure(e, phase, open ? Reason.FAILED : Reason.UNAVAILABLE);
            } catch (RuntimeException e) {
                Migrations.rollback(c);
                healthy = phase == Phase.WORK && isOpen(c);
                throw failure(e, phase, Reason.FAILED);
            } catch (Error e) {
                // e.g. out of memory half-way: roll back, and retire the connection rather than trust its state
                Migrations.rollback(c);
                healthy = false;
                throw e;
            } finally {
                current.remove();
                committed.remove();
                pool.giveBack(c, healthy);
            }
        }
    }

    /** Where a transaction failed: what it then left in the database. */
    private enum Phase {
        /** running the work: rolled back, nothing was written */
        WORK,
        /** committing: the database could not write the commit (disk full, I/O error, connection lost) */
        COMMIT,
        /** making the commit durable: committed, but perhaps not on disk */
        SYNC
    }

    private StoreException failure(Exception e, Phase phase, Reason reason) {
        String where = pool.where();
        return switch (phase) {
        case WORK -> new StoreException(reason, "store " + where + ": " + e.getMessage() + " (nothing was written)",
                e);
        case COMMIT -> new StoreException(reason, "store " + where + ": the commit failed: " + e.getMessage()
                + " (the change is most likely not stored)", e);
        case SYNC -> new StoreException(reason, "store " + where + ": the change could not be written to disk: "
                + e.getMessage() + " (it may be lost)", e);
        };
    }

    /**
     * @return whether {@code e} says the transaction lost a race it may win when run again: a unique key another
     *         transaction inserted first (SQLSTATE 23505), a lock timeout (H2 HYT00), a deadlock or a
     *         serialization failure (40001, 40P01), or H2's concurrent update of a row (90131)
     */
    static boolean lostRace(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException s) {
                String state = s.getSQLState();
                if ("23505".equals(state) || "40001".equals(state) || "40P01".equals(state)
                        || "HYT00".equals(state) || s.getErrorCode() == 90131) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * @return whether {@code e} says the connection's database is gone: H2's "database is closed" (90098, after it
     *         failed to write, e.g. a full disk), "called at shutdown" (90121) or general error (50000: its file
     *         store failed to write and repeats that failure to every later statement, even once the disk has
     *         space), or a connection exception (SQLSTATE class 08)
     */
    static boolean databaseGone(SQLException e) {
        for (SQLException x = e; x != null; x = x.getNextException()) {
            String state = x.getSQLState();
            int code = x.getErrorCode();
            if (code == 90098 || code == 90121 || code == 50000 && "HY000".equals(state)
                    || state != null && state.startsWith("08")) {
                return true;
            }
        }
        return false;
    }

    private static boolean isOpen(Connection c) {
        try {
            return !c.isClosed();
        } catch (SQLException e) {
            return false;
        }
    }
}
