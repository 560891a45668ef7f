package org.bulwark.store.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The lock that {@link Migrations} hold while they read and change a schema, so that stores opening one empty
 * database at once (two servers starting) migrate one after the other and the second finds the schema done.
 * <ul>
 * <li>PostgreSQL: the session-level advisory lock {@code pg_advisory_lock(}{@value #CLASS_ID}{@code ,
 * hashtext(current_schema()))}: one per schema of a database, across every process and host. It outlives the
 * transactions of each migration and is released by {@link #close()} (and by the server when the connection
 * ends).</li>
 * <li>H2: no advisory locks, and a lock row would not do (H2 commits every DDL statement, which releases row
 * locks). An H2 file is open in one process at a time (H2's file lock; {@link ConnectionPool#connect} waits for
 * another process to close it), so only the stores of one JVM can race: they take {@link #H2}, one lock for every
 * H2 database of the JVM (migrations are rare and short).</li>
 * </ul>
 */
final class SchemaLock implements AutoCloseable {

    /** The first key of the advisory lock: "BWRK". */
    static final int CLASS_ID = 0x4257524b;

    /** The lock of H2 migrations in this JVM. */
    private static final ReentrantLock H2 = new ReentrantLock();

    private final Connection postgres;

    private SchemaLock(Connection postgres) {
        this.postgres = postgres;
    }

    /** Waits for the lock of {@code c}'s schema (as long as it takes: another store is migrating it). */
    static SchemaLock take(Connection c) throws SQLException {
        if (!"PostgreSQL".equals(c.getMetaData().getDatabaseProductName())) {
            H2.lock();
            return new SchemaLock(null);
        }
        run(c, "SELECT pg_advisory_lock(?, hashtext(current_schema()))");
        return new SchemaLock(c);
    }

    private static void run(Connection c, String sql) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(sql)) {
            p.setInt(1, CLASS_ID);
            p.executeQuery().close();
        }
        c.commit();
    }

    @Override
    public void close() throws SQLException {
        if (postgres == null) {
            H2.unlock();
            return;
        }
        try {
            postgres.rollback(); // a failed migration leaves its transaction aborted
        } finally {
            run(postgres, "SELECT pg_advisory_unlock(?, hashtext(current_schema()))");
        }
    }
}
