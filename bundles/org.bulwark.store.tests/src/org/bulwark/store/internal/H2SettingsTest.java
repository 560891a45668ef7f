package org.bulwark.store.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The settings the store gives H2: a large page cache, and durable commits in a file, also after housekeeping. */
class H2SettingsTest {

    @TempDir
    Path dir;

    @Test
    void anH2FileGetsDurableCommitsUnlessItsUrlSaysOtherwise() {
        assertEquals("jdbc:h2:file:/data/bulwark;CACHE_SIZE=65536;QUERY_CACHE_SIZE=64;WRITE_DELAY=0",
                StoreUrl.withSettings("jdbc:h2:file:/data/bulwark;CACHE_SIZE=65536"));
        assertEquals("jdbc:h2:/data/bulwark;cache_size=1024;write_delay=100;QUERY_CACHE_SIZE=64",
                StoreUrl.withSettings("jdbc:h2:/data/bulwark;cache_size=1024;write_delay=100"), "as the URL sets it");
        assertEquals("jdbc:h2:mem:t;CACHE_SIZE=1024;QUERY_CACHE_SIZE=64",
                StoreUrl.withSettings("jdbc:h2:mem:t;CACHE_SIZE=1024"), "nothing to make durable in memory");
        assertEquals("jdbc:postgresql://db/bulwark?user=b",
                StoreUrl.withSettings("jdbc:postgresql://db/bulwark?user=b"));
        long kib = Math.max(32L * 1024, Math.min(512L * 1024, Runtime.getRuntime().maxMemory() / 8 / 1024));
        assertEquals("jdbc:h2:file:/d/s;CACHE_SIZE=" + kib + ";QUERY_CACHE_SIZE=64;WRITE_DELAY=0",
                StoreUrl.withSettings("jdbc:h2:file:/d/s"));
    }

    @Test
    void anOpenedFileHasThemInForce() throws Exception {
        String url = TestStores.h2(dir);
        try (JdbcStore store = JdbcStore.open(url)) {
            assertEquals("0", setting(url, "WRITE_DELAY"));
            assertEquals("45000", setting(url, "RETENTION_TIME"), "H2's default: a shorter one lost committed work");
        }
    }

    @Test
    void writesStayDurableAfterHousekeeping() throws Exception {
        String plain = TestStores.h2(dir); // read settings without setting them, as the store's URL would
        String url = StoreUrl.withSettings(plain);
        try (ConnectionPool pool = TestStores.poolWithTable(url, 2)) {
            Transactions tx = new Transactions(pool, new H2Durability(3));
            for (int i = 1; i <= 7; i++) { // housekeeping before the 3rd and the 6th
                int id = i;
                tx.write(() -> {
                    try (Statement s = tx.connection().createStatement()) {
                        return s.executeUpdate("INSERT INTO t VALUES (" + id + ")");
                    }
                });
                assertEquals("0", setting(plain, "WRITE_DELAY"), "after write " + i + ": each commit written in it");
            }
            assertEquals(7L, (long) tx.read(() -> {
                try (Statement s = tx.connection().createStatement();
                        ResultSet r = s.executeQuery("SELECT COUNT(*) FROM t")) {
                    r.next();
                    return r.getLong(1);
                }
            }));
        }
    }

    /**
     * @return an H2 setting of the open database, read on a connection of its own (whose URL must set none: H2
     *         applies a URL's settings to the open database)
     */
    private static String setting(String url, String name) throws SQLException {
        try (Connection c = TestStores.connect(url); PreparedStatement p = c.prepareStatement(
                "SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = ?")) {
            p.setString(1, name);
            try (ResultSet r = p.executeQuery()) {
                return r.next() ? r.getString(1) : null;
            }
        }
    }
}
