package org.bulwark.store.internal;

import java.sql.SQLException;

import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * Every {@link StoreTest} against a real PostgreSQL server, each test in a fresh schema of the database that
 * {@code BULWARK_TEST_PG_URL} names, e.g.
 * {@code BULWARK_TEST_PG_URL='jdbc:postgresql://127.0.0.1:5432/bulwark?user=bulwark&password=secret' ./mvnw verify}.
 * Skipped without it.
 */
@EnabledIfEnvironmentVariable(named = TestStores.PG_ENV, matches = "jdbc:postgresql:.+")
class PostgresStoreTest extends StoreTest {

    @Override
    String freshUrl() throws SQLException {
        return TestStores.postgresSchema();
    }

    @Override
    String otherUrl() throws SQLException {
        return TestStores.postgresSchema();
    }
}
