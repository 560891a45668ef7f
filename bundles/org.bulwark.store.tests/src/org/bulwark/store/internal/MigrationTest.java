package org.bulwark.store.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.bulwark.store.api.AssessmentStore;
import org.bulwark.store.api.StoreException;
import org.junit.jupiter.api.Test;

/**
 * Migrations under the schema lock and with a checksum per applied file (H2 here, PostgreSQL in
 * {@link PostgresStoreTest}).
 */
class MigrationTest extends StoreTestBase {

    @Test
    void everyAppliedMigrationRecordsTheSha256OfItsFile() throws Exception {
        List<String> expected = new ArrayList<>();
        for (String file : Migrations.FILES) {
            expected.add(file + " " + Migrations.sha256(Migrations.read(file)));
        }
        assertEquals(expected, checksums(url));
        assertEquals(64, Migrations.sha256(new byte[0]).length());
        assertEquals("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
                Migrations.sha256(new byte[0]));
    }

    @Test
    void aStoreWhoseAppliedMigrationWasEditedIsRefusedNamingTheFile() throws Exception {
        store.close();
        store = null;
        String file = Migrations.FILES.get(2);
        byte[] edited = (new String(Migrations.read(file), StandardCharsets.UTF_8) + "\n-- an edit\n")
                .getBytes(StandardCharsets.UTF_8);
        String was = Migrations.sha256(Migrations.read(file));
        String now = Migrations.sha256(edited);
        List<String> before = checksums(url);
        try (Connection c = TestStores.connect(url)) {
            c.setAutoCommit(false);
            StoreException e = assertThrows(StoreException.class, () -> Migrations.apply(c, "the test store",
                    f -> f.equals(file) ? edited : Migrations.read(f)));
            assertEquals(StoreException.Reason.FAILED, e.reason());
            assertEquals("the store at the test store was migrated with another V3__updates_and_cancellations.sql "
                    + "(schema version 3, SHA-256 " + was + ") than this Bulwark's (" + now + "): an applied "
                    + "migration was edited; nothing was changed. Restore the file, or repair the schema by hand",
                    e.getMessage());
        }
        assertEquals(before, checksums(url));
        store = JdbcStore.open(url); // the real files still match
        assertEquals(Migrations.latest(), store.schemaVersion());
    }

    @Test
    void aStoreMigratedBeforeChecksumsGetsThemOnceAndIsCheckedFromThen() throws Exception {
        store.close();
        store = null;
        try (Connection c = TestStores.connect(url); Statement s = c.createStatement()) {
            s.execute("ALTER TABLE schema_version DROP COLUMN checksum");
        }
        store = JdbcStore.open(url);
        store.close();
        store = null;
        assertEquals(8, checksums(url).size());
        assertEquals(Migrations.FILES.get(0) + " " + Migrations.sha256(Migrations.read(Migrations.FILES.get(0))),
                checksums(url).get(0));
        try (Connection c = TestStores.connect(url); Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE schema_version SET checksum = '" + "0".repeat(64) + "' WHERE version = 5");
        }
        StoreException e = assertThrows(StoreException.class, () -> JdbcStore.open(url));
        assertEquals(StoreException.Reason.FAILED, e.reason());
        assertEquals(true, e.getMessage().contains("was migrated with another V5__software.sql (schema version 5, "
                + "SHA-256 " + "0".repeat(64) + ")"), e.getMessage());
    }

    @Test
    void storesOpeningOneEmptyDatabaseAtOnceAllComeUpWithOneSchema() throws Exception {
        int n = 4;
        for (int round = 0; round < 3; round++) {
            String empty = otherUrl() + (postgres() ? "" : round);
            CyclicBarrier start = new CyclicBarrier(n);
            ExecutorService pool = Executors.newFixedThreadPool(n);
            try {
                List<Future<AssessmentStore>> opened = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    opened.add(pool.submit(() -> {
                        start.await(10, TimeUnit.SECONDS);
                        return JdbcStore.open(empty);
                    }));
                }
                for (Future<AssessmentStore> f : opened) {
                    try (AssessmentStore s = f.get(60, TimeUnit.SECONDS)) {
                        assertEquals(Migrations.latest(), s.schemaVersion());
                    }
                }
            } finally {
                pool.shutdownNow();
            }
            assertEquals(8, checksums(empty).size(), "round " + round);
        }
    }

    /** @return "file sha256" per row of schema_version, by version */
    private static List<String> checksums(String url) throws Exception {
        List<String> out = new ArrayList<>();
        try (Connection c = TestStores.connect(url); Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT description, checksum FROM schema_version ORDER BY version")) {
            while (r.next()) {
                out.add(r.getString(1) + " " + r.getString(2));
            }
        }
        return out;
    }
}
