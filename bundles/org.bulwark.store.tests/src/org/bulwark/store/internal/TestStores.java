package org.bulwark.store.internal;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.UUID;

/**
 * Where store tests store: an H2 file database in a temporary directory, or a fresh schema in the PostgreSQL
 * database that the environment variable {@code BULWARK_TEST_PG_URL} names (e.g.
 * {@code jdbc:postgresql://127.0.0.1:5432/bulwark?user=bulwark&password=secret}); see {@link PostgresStoreTest}.
 */
final class TestStores {

    static final String PG_ENV = "BULWARK_TEST_PG_URL";

    private TestStores() {
    }

    static boolean postgres() {
        String url = System.getenv(PG_ENV);
        return url != null && !url.isBlank();
    }

    /** @return a URL naming an empty store: PostgreSQL when {@value #PG_ENV} is set, else H2 */
    static String fresh(Path dir) throws SQLException {
        return postgres() ? postgresSchema() : h2(dir);
    }

    /** @return an empty H2 file store in {@code dir} */
    static String h2(Path dir) {
        return "jdbc:h2:file:" + dir.toAbsolutePath().resolve("store");
    }

    /** @return a fresh schema in the PostgreSQL database named by {@value #PG_ENV} */
    static String postgresSchema() throws SQLException {
        String url = System.getenv(PG_ENV);
        String schema = "bulwark_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection c = new org.postgresql.Driver().connect(url, new Properties());
                Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        }
        return url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    /** @return a plain connection to {@code url}, for looking behind the store's back */
    static Connection connect(String url) throws SQLException {
        java.sql.Driver d = url.startsWith("jdbc:h2:") ? new org.h2.Driver() : new org.postgresql.Driver();
        return d.connect(url, new Properties());
    }

    /** @return a pool of {@code size} H2 connections to {@code url}, whose database has the table {@code t (id)} */
    static ConnectionPool poolWithTable(String url, int size) throws Exception {
        org.h2.Driver driver = new org.h2.Driver();
        Connection first = ConnectionPool.connect(driver, url, "test");
        try (Statement s = first.createStatement()) {
            s.execute("CREATE TABLE t (id INTEGER PRIMARY KEY)");
        }
        first.commit();
        return new ConnectionPool(driver, url, "test", size, first);
    }
}
