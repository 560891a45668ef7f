package org.bulwark.store.internal;

import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;
import java.util.Properties;
import java.util.concurrent.BlockingDeque;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.bulwark.store.api.StoreException;
import org.bulwark.store.api.StoreException.Reason;

/**
 * A small pool of JDBC connections to one database, auto-commit off and READ COMMITTED. A connection is checked
 * ({@link Connection#isValid}, {@value #VALIDATION_TIMEOUT_S} s at most) before it is handed out; a broken one
 * (a database restarted, a network cut) is closed and replaced, so a transaction never starts on it. At most
 * {@link #size()} connections exist; more are opened on demand, and a caller waits while all are in use.
 */
final class ConnectionPool implements AutoCloseable {

    /** The system property that sets the pool size (1 to {@value #MAX_SIZE}). */
    static final String SIZE_PROPERTY = "bulwark.store.pool";

    /** The largest pool size {@link #SIZE_PROPERTY} may ask for. */
    static final int MAX_SIZE = 256;

    /** How long to wait for another process to close an embedded (H2) store. */
    static final long LOCK_WAIT_MS = 10_000;

    /** How long a pooled connection may take to show it still works. */
    static final int VALIDATION_TIMEOUT_S = 2;

    /** How long a transaction waits for a connection while all are in use. */
    static final long BORROW_WAIT_S = 60;

    /** H2's "database may be already in use": another process has the file open. */
    private static final int H2_DATABASE_IN_USE = 90020;

    private final Driver driver;
    private final String url;
    private final String where;
    private final int size;
    /** Idle connections; at most {@link #size} exist, {@code permits} counts those that may still be opened. */
    private final BlockingDeque<Connection> idle = new LinkedBlockingDeque<>();
    private final Semaphore permits;
    private volatile boolean closed;

    /**
     * @param first a connection already open (the one that migrated the schema): the first of {@code size}
     */
    ConnectionPool(Driver driver, String url, String where, int size, Connection first) {
        this.driver = driver;
        this.url = url;
        this.where = where;
        this.size = size;
        this.permits = new Semaphore(size);
        permits.acquireUninterruptibly();
        idle.add(first);
    }

    /**
     * @return the pool size: {@value #SIZE_PROPERTY} when set, else twice the processors, 4 to 16 (enough for a
     *         server's request threads on a small machine)
     * @throws StoreException INVALID_INPUT naming the property when it is not a number from 1 to {@value #MAX_SIZE}
     */
    static int configuredSize() throws StoreException {
        return size(System.getProperty(SIZE_PROPERTY), Runtime.getRuntime().availableProcessors());
    }

    static int size(String property, int processors) throws StoreException {
        if (property == null || property.isBlank()) {
            return Math.max(4, Math.min(16, 2 * processors));
        }
        try {
            int n = Integer.parseInt(property.strip());
            if (n >= 1 && n <= MAX_SIZE) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new StoreException(Reason.INVALID_INPUT, "system property " + SIZE_PROPERTY + "='" + property
                + "': the store's connection pool size must be a number from 1 to " + MAX_SIZE);
    }

    int size() {
        return size;
    }

    String where() {
        return where;
    }

    /**
     * Connects (auto-commit off, READ COMMITTED); an embedded store that another process has open (e.g. a
     * scheduled {@code bulwark assess} saving) is retried for up to {@link #LOCK_WAIT_MS}.
     */
    static Connection connect(Driver driver, String url, String where) throws StoreException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(LOCK_WAIT_MS);
        while (true) {
            Connection c;
            try {
                c = driver.connect(url, new Properties());
            } catch (SQLException e) {
                boolean inUse = e.getErrorCode() == H2_DATABASE_IN_USE;
                if (!inUse || System.nanoTime() > deadline) {
                    throw new StoreException(Reason.UNAVAILABLE, "cannot open the store at " + where + ": "
                            + (inUse ? "another process has had it open for " + LOCK_WAIT_MS / 1000
                                    + " s (an embedded store serves one process at a time; use PostgreSQL to "
                                    + "share one): " : "") + e.getMessage(), e);
                }
                sleep(100, where);
                continue;
            }
            if (c == null) {
                throw new StoreException(Reason.UNAVAILABLE, "the driver does not accept the URL " + where);
            }
            try {
                c.setAutoCommit(false);
                c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
                return c;
            } catch (SQLException e) {
                closeQuietly(c);
                throw new StoreException(Reason.UNAVAILABLE, "cannot open the store at " + where + ": "
                        + e.getMessage(), e);
            }
        }
    }

    private static void sleep(long ms, String where) throws StoreException {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
            throw new StoreException(Reason.UNAVAILABLE, "interrupted while waiting for the store at " + where, ie);
        }
    }

    /**
     * @return a working connection: an idle one that passes {@link Connection#isValid}, or a new one while fewer
     *         than {@link #size} exist; waits otherwise (up to {@value #BORROW_WAIT_S} s)
     */
    Connection borrow() throws StoreException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(BORROW_WAIT_S);
        while (true) {
            if (closed) {
                throw new StoreException(Reason.UNAVAILABLE, "the store at " + where + " is closed");
            }
            Connection c = checked(idle.pollFirst());
            if (c != null) {
                return c;
            }
            // Wait in short steps: a permit released by a retired connection (a database restart) lets this
            // thread open a new one instead of waiting for an idle connection that may never come.
            if (permits.tryAcquire()) {
                try {
                    return connect(driver, url, where);
                } catch (StoreException | RuntimeException e) {
                    permits.release();
                    throw e;
                }
            }
            try {
                c = checked(idle.pollFirst(100, TimeUnit.MILLISECONDS));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StoreException(Reason.UNAVAILABLE, "interrupted while waiting for a connection to "
                        + where, e);
            }
            if (c != null) {
                return c;
            }
            if (System.nanoTime() > deadline) {
                throw new StoreException(Reason.UNAVAILABLE, "no connection to the store at " + where
                        + " became free within " + BORROW_WAIT_S + " s");
            }
        }
    }

    /**
     * @return {@code c} if it still works; else {@code null}, and {@code c} is closed: its permit lets this
     *         thread, or another, open a new one
     */
    private Connection checked(Connection c) {
        if (c == null) {
            return null;
        }
        boolean valid;
        try {
            valid = c.isValid(VALIDATION_TIMEOUT_S);
        } catch (SQLException | RuntimeException e) {
            valid = false;
        }
        if (valid) {
            return c;
        }
        retire(c);
        return null;
    }

    /** Returns a connection to the pool; a broken one, or any after {@link #close()}, is closed instead. */
    void giveBack(Connection c, boolean healthy) {
        if (healthy && !closed) {
            idle.addFirst(c);
            if (!closed) {
                return;
            }
            if (!idle.remove(c)) {
                return; // close() took it
            }
        }
        retire(c);
    }

    private void retire(Connection c) {
        closeQuietly(c);
        permits.release();
    }

    /** Closes the idle connections, which are on a database that is gone; new ones are opened as needed. */
    void discardIdle() {
        Connection c;
        while ((c = idle.pollFirst()) != null) {
            retire(c);
        }
    }

    /** Closes the idle connections; those in use are closed when they are given back. */
    @Override
    public void close() {
        closed = true;
        Connection c;
        while ((c = idle.pollFirst()) != null) {
            retire(c);
        }
    }

    static void closeQuietly(Connection c) {
        try {
            c.close();
        } catch (SQLException ignored) {
            // closing: nothing is pending (every transaction commits or rolls back)
        }
    }
}
