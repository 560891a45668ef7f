package org.bulwark.store.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.bulwark.store.api.StoreException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Transactions on a pool of one H2 connection: one transaction per call, a lost race run again up to 5 times in
 * all, a rollback on every failure, a connection retired after an {@link Error}, and a write acknowledged only
 * after {@link Durability} has made it durable.
 */
class TransactionsTest {

    @TempDir
    Path dir;
    ConnectionPool pool;
    /** What the durability of the transactions saw: "before", "committed". */
    final List<String> durability = new ArrayList<>();
    /** When set, the durability fails after the commit, as a disk that cannot be written would. */
    SQLException syncFailure;
    Transactions tx;

    @BeforeEach
    void open() throws Exception {
        String url = TestStores.h2(dir);
        pool = TestStores.poolWithTable(url, 1);
        tx = new Transactions(pool, new Durability() {
            @Override
            public void beforeWrite(Connection connection) {
                durability.add("before");
            }

            @Override
            public void committed(Connection connection) throws SQLException {
                durability.add("committed");
                if (syncFailure != null) {
                    throw syncFailure;
                }
            }
        });
    }

    @AfterEach
    void close() {
        pool.close();
    }

    @Test
    void aLostRaceIsRunAgainUpToFiveTimesInAll() throws Exception {
        AtomicInteger attempts = new AtomicInteger();
        String result = tx.write(() -> {
            insert(attempts.incrementAndGet());
            if (attempts.get() < 5) {
                throw new SQLException("deadlock", "40P01");
            }
            return "done";
        });
        assertEquals("done", result);
        assertEquals(5, attempts.get());
        assertEquals(List.of(5), rows(), "the four lost attempts were rolled back");

        for (String state : new String[] { "23505", "40001", "HYT00" }) {
            AtomicInteger tries = new AtomicInteger();
            StoreException e = assertThrows(StoreException.class, () -> tx.write(() -> {
                tries.incrementAndGet();
                throw new SQLException("lost again", state);
            }));
            assertEquals(5, tries.get(), state);
            assertEquals(StoreException.Reason.FAILED, e.reason());
            assertEquals("store test: lost again (nothing was written)", e.getMessage());
        }
        AtomicInteger h2Concurrent = new AtomicInteger();
        assertThrows(StoreException.class, () -> tx.read(() -> {
            h2Concurrent.incrementAndGet();
            throw new SQLException("concurrent update", "HY000", 90131);
        }));
        assertEquals(5, h2Concurrent.get());
    }

    @Test
    void anyOtherFailureRollsBackAndIsNotRunAgain() throws Exception {
        AtomicInteger attempts = new AtomicInteger();
        StoreException sql = assertThrows(StoreException.class, () -> tx.write(() -> {
            attempts.incrementAndGet();
            insert(1);
            throw new SQLException("syntax", "42000");
        }));
        assertEquals(StoreException.Reason.FAILED, sql.reason());
        assertEquals("store test: syntax (nothing was written)", sql.getMessage());
        StoreException bad = new StoreException(StoreException.Reason.INVALID_INPUT, "bad input; nothing was written");
        assertSame(bad, assertThrows(StoreException.class, () -> tx.write(() -> {
            attempts.incrementAndGet();
            insert(2);
            throw bad;
        })));
        StoreException bug = assertThrows(StoreException.class, () -> tx.write(() -> {
            attempts.incrementAndGet();
            insert(3);
            throw new IllegalArgumentException("a bug");
        }));
        assertEquals(StoreException.Reason.FAILED, bug.reason());
        assertEquals("store test: a bug (nothing was written)", bug.getMessage());
        assertEquals(3, attempts.get());
        assertEquals(List.of(), rows());
    }

    @Test
    void aConnectionIsRetiredAfterAnError() throws Exception {
        Connection[] seen = new Connection[2];
        assertThrows(StackOverflowError.class, () -> tx.write(() -> {
            seen[0] = tx.connection();
            insert(1);
            throw new StackOverflowError("half-way");
        }));
        assertTrue(seen[0].isClosed(), "not trusted again");
        tx.read(() -> seen[1] = tx.connection());
        assertNotSame(seen[0], seen[1]);
        assertEquals(List.of(), rows(), "rolled back");
    }

    @Test
    void aWriteIsAcknowledgedOnlyOnceItIsDurable() throws Exception {
        List<String> hooks = new ArrayList<>();
        tx.read(() -> {
            tx.afterCommit(() -> hooks.add("read"));
            return null;
        });
        assertEquals(List.of(), durability, "a read needs nothing");
        tx.write(() -> {
            insert(1);
            tx.afterCommit(() -> hooks.add("write"));
            return null;
        });
        assertEquals(List.of("before", "committed"), durability);
        assertEquals(List.of("read", "write"), hooks);

        syncFailure = new SQLException("No space left on device", "90028");
        Connection[] used = new Connection[1];
        StoreException e = assertThrows(StoreException.class, () -> tx.write(() -> {
            used[0] = tx.connection();
            insert(2);
            tx.afterCommit(() -> hooks.add("lost"));
            return null;
        }));
        assertEquals(StoreException.Reason.FAILED, e.reason());
        assertEquals("store test: the change could not be written to disk: No space left on device (it may be lost)",
                e.getMessage());
        assertEquals(List.of("read", "write"), hooks, "what was not acknowledged is not cached");
        assertTrue(used[0].isClosed(), "a connection whose write could not be made durable is not trusted again");
    }

    @Test
    void transactionsDoNotNest() throws Exception {
        StoreException e = assertThrows(StoreException.class, () -> tx.read(() -> tx.read(() -> null)));
        assertEquals("store test: transactions do not nest (nothing was written)", e.getMessage());
        assertEquals(IllegalStateException.class, e.getCause().getClass());
        assertThrows(IllegalStateException.class, tx::connection);
    }

    private void insert(int id) throws SQLException {
        try (Statement s = tx.connection().createStatement()) {
            s.executeUpdate("INSERT INTO t VALUES (" + id + ")");
        }
    }

    private List<Integer> rows() throws StoreException {
        return tx.read(() -> {
            List<Integer> out = new ArrayList<>();
            try (Statement s = tx.connection().createStatement();
                    ResultSet r = s.executeQuery("SELECT id FROM t ORDER BY id")) {
                while (r.next()) {
                    out.add(r.getInt(1));
                }
            }
            return out;
        });
    }
}
