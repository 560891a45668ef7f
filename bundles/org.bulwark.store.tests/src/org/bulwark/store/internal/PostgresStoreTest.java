package org.bulwark.store.internal;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * Every store test of {@link StoreTestBase}'s subclasses against a real PostgreSQL server, each test in a fresh
 * schema of the database that {@code BULWARK_TEST_PG_URL} names, e.g.
 * {@code BULWARK_TEST_PG_URL='jdbc:postgresql://127.0.0.1:5432/bulwark?user=bulwark&password=secret' ./mvnw verify}.
 * Skipped without it.
 */
@EnabledIfEnvironmentVariable(named = TestStores.PG_ENV, matches = "jdbc:postgresql:.+")
class PostgresStoreTest {

    @Nested
    class AssessmentHistoryOnPostgres extends AssessmentHistoryTest {
        @Override
        boolean postgres() {
            return true;
        }
    }

    @Nested
    class StoreLimitsOnPostgres extends StoreLimitsTest {
        @Override
        boolean postgres() {
            return true;
        }
    }

    @Nested
    class FeedStoreOnPostgres extends FeedStoreTest {
        @Override
        boolean postgres() {
            return true;
        }
    }

    @Nested
    class SoftwareInventoriesOnPostgres extends SoftwareInventoriesTest {
        @Override
        boolean postgres() {
            return true;
        }
    }

    @Nested
    class DeviceRegistryOnPostgres extends DeviceRegistryTest {
        @Override
        boolean postgres() {
            return true;
        }
    }

    @Nested
    class ExceptionStoreOnPostgres extends ExceptionStoreTest {
        @Override
        boolean postgres() {
            return true;
        }
    }

    @Nested
    class RemediationStoreOnPostgres extends RemediationStoreTest {
        @Override
        boolean postgres() {
            return true;
        }
    }

    @Nested
    class SchemaOnPostgres extends SchemaTest {
        @Override
        boolean postgres() {
            return true;
        }
    }

    @Nested
    class MigrationOnPostgres extends MigrationTest {
        @Override
        boolean postgres() {
            return true;
        }
    }
}
