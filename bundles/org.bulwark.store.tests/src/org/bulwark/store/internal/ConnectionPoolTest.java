package org.bulwark.store.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;

import org.bulwark.store.api.StoreException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The connection pool: its size, and that it never hands out a broken connection. */
class ConnectionPoolTest {

    @TempDir
    Path dir;

    @Test
    void theSizeIsTwiceTheProcessorsFromFourToSixteenUnlessSet() throws Exception {
        assertEquals(4, ConnectionPool.size(null, 1));
        assertEquals(4, ConnectionPool.size(null, 2));
        assertEquals(6, ConnectionPool.size(null, 3));
        assertEquals(16, ConnectionPool.size(null, 8));
        assertEquals(16, ConnectionPool.size("", 64));
        assertEquals(12, ConnectionPool.size(" 12 ", 2));
        assertEquals(1, ConnectionPool.size("1", 64));
        assertEquals(256, ConnectionPool.size("256", 2));
        for (String bad : new String[] { "0", "257", "-3", "many", "4.5" }) {
            StoreException e = assertThrows(StoreException.class, () -> ConnectionPool.size(bad, 2));
            assertEquals(StoreException.Reason.INVALID_INPUT, e.reason());
            assertEquals("system property bulwark.store.pool='" + bad + "': the store's connection pool size must be "
                    + "a number from 1 to 256", e.getMessage());
        }
    }

    @Test
    void theSystemPropertySetsTheSize() throws Exception {
        String before = System.getProperty(ConnectionPool.SIZE_PROPERTY);
        try {
            System.setProperty(ConnectionPool.SIZE_PROPERTY, "3");
            assertEquals(3, ConnectionPool.configuredSize());
            System.setProperty(ConnectionPool.SIZE_PROPERTY, "zero");
            StoreException e = assertThrows(StoreException.class, () -> JdbcStore.open(TestStores.h2(dir)));
            assertEquals(StoreException.Reason.INVALID_INPUT, e.reason());
            assertTrue(e.getMessage().startsWith("system property bulwark.store.pool='zero'"), e.getMessage());
        } finally {
            if (before == null) {
                System.clearProperty(ConnectionPool.SIZE_PROPERTY);
            } else {
                System.setProperty(ConnectionPool.SIZE_PROPERTY, before);
            }
        }
    }

    @Test
    void aBrokenIdleConnectionIsRetiredAndReplacedBeforeItIsHandedOut() throws Exception {
        String url = TestStores.h2(dir);
        org.h2.Driver driver = new org.h2.Driver();
        try (ConnectionPool pool = new ConnectionPool(driver, url, "test", 1,
                ConnectionPool.connect(driver, url, "test"))) {
            Connection first = pool.borrow();
            assertFalse(first.getAutoCommit());
            assertEquals(Connection.TRANSACTION_READ_COMMITTED, first.getTransactionIsolation());
            pool.giveBack(first, true);
            assertSame(first, pool.borrow(), "a working idle connection is used again");
            pool.giveBack(first, true);
            first.close(); // broken behind the pool's back, e.g. by a database restart
            // a pool of one: the broken connection's place is free again, or this would wait for 60 s
            Connection second = pool.borrow();
            assertNotSame(first, second);
            assertTrue(second.isValid(1));
            pool.giveBack(second, false); // broken in use: closed, its place free
            assertTrue(second.isClosed());
            Connection third = pool.borrow();
            assertTrue(third.isValid(1));
            pool.giveBack(third, true);
        }
    }

    @Test
    void aClosedPoolRefusesAndClosesWhatIsGivenBack() throws Exception {
        String url = TestStores.h2(dir);
        org.h2.Driver driver = new org.h2.Driver();
        ConnectionPool pool = new ConnectionPool(driver, url, "the test store", 2,
                ConnectionPool.connect(driver, url, "the test store"));
        Connection inUse = pool.borrow();
        pool.close();
        StoreException e = assertThrows(StoreException.class, pool::borrow);
        assertEquals(StoreException.Reason.UNAVAILABLE, e.reason());
        assertEquals("the store at the test store is closed", e.getMessage());
        assertFalse(inUse.isClosed(), "a connection in use is left to its transaction");
        pool.giveBack(inUse, true);
        assertTrue(inUse.isClosed());
    }
}
