package org.bulwark.store.internal;

import static org.bulwark.collector.api.Category.NETWORK;
import static org.bulwark.collector.api.Category.OPERATING_SYSTEM;
import static org.bulwark.scoring.api.ResultState.FAIL;
import static org.bulwark.scoring.api.ResultState.PASS;
import static org.bulwark.store.internal.Fixtures.r;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;

import org.bulwark.scoring.api.ControlRef;
import org.bulwark.store.api.DevicePlatform;
import org.bulwark.store.api.AssessmentStore;
import org.bulwark.store.api.FleetResults;
import org.bulwark.store.api.Remediation;
import org.bulwark.store.api.StoreException;
import org.bulwark.store.api.StoredAssessment;
import org.bulwark.store.api.StoredResult;
import org.junit.jupiter.api.Test;

/**
 * Opening a store: migrations, an upgraded schema 1 store, a newer schema refused, bad URLs (H2 here, PostgreSQL in
 * {@link PostgresStoreTest}).
 */
class SchemaTest extends StoreTestBase {

    @Test
    void migrationsRunOnceAndANewerSchemaIsRefusedUntouched() throws Exception {
        first();
        store.close();
        store = JdbcStore.open(url);
        assertEquals(Migrations.latest(), store.schemaVersion());
        assertEquals(8, Migrations.latest());
        assertEquals(8, count("SELECT COUNT(*) FROM schema_version"));
        store.close();
        try (Connection c = TestStores.connect(url); Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO schema_version (version, description, applied) VALUES (99, 'future', "
                    + "CURRENT_TIMESTAMP)");
        }
        StoreException e = assertThrows(StoreException.class, () -> JdbcStore.open(url));
        assertEquals(StoreException.Reason.SCHEMA_TOO_NEW, e.reason());
        assertTrue(e.getMessage().contains("schema version 99, newer than this Bulwark knows (8)"), e.getMessage());
        assertEquals(9, count("SELECT COUNT(*) FROM schema_version"));
        assertEquals(1, count("SELECT COUNT(*) FROM assessment"));
    }

    @Test
    void aSchemaOneStoreIsUpgradedAndKeepsItsReportsWhileNewOnesAreCompressed() throws Exception {
        String old = otherUrl();
        String report = "{\"report\": \"" + "evidence ".repeat(2000) + "\"}";
        try (Connection c = TestStores.connect(old); Statement s = c.createStatement()) {
            // a store as schema version 1 left it, with one assessment
            s.execute("CREATE TABLE schema_version (version INTEGER PRIMARY KEY, description VARCHAR(400) NOT NULL, "
                    + "applied TIMESTAMP WITH TIME ZONE NOT NULL)");
            for (String sql : Migrations.statements("V1__initial.sql")) {
                s.execute(sql);
            }
            s.execute("INSERT INTO schema_version VALUES (1, 'V1__initial.sql', CURRENT_TIMESTAMP)");
            s.execute("INSERT INTO device (id, hostname, os, first_seen, last_seen) VALUES ('d1', 'h1', 'Debian', "
                    + "CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)");
            s.execute("INSERT INTO assessment (device_id, hostname, os, groups_list, started, finished, root, live, "
                    + "complete, earned, possible, counted, passed, failed, errors, unknowns, not_checked, "
                    + "not_applicable, informational, report_json) VALUES ('d1', 'h1', 'Debian', '', "
                    + "CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, '', TRUE, TRUE, 1, 2, 1, 1, 0, 0, 0, 0, 0, 0, '" + report
                    + "')");
            // its results, one row each, as schemas 1 to 3 kept them: d1 passes c1, fails c2
            s.execute("INSERT INTO result (assessment_id, seq, control_id, title, category, weight, state, reason, "
                    + "credit) SELECT id, 0, 'c1', 'C one', 'OPERATING_SYSTEM', 10, 'PASS', NULL, TRUE FROM assessment");
            s.execute("INSERT INTO result (assessment_id, seq, control_id, title, category, weight, state, reason, "
                    + "credit) SELECT id, 1, 'c2', 'C two', 'NETWORK', 5, 'FAIL', 'open', FALSE FROM assessment");
            if (!c.getAutoCommit()) {
                c.commit();
            }
        }
        try (AssessmentStore upgraded = JdbcStore.open(old)) {
            assertEquals(8, upgraded.schemaVersion());
            assertEquals(java.util.Map.of("d1", new DevicePlatform("unknown", "")), upgraded.platforms(),
                    "a device stored before schema 7 is unknown until its next assessment");
            long first = upgraded.history(null, null).get(0).id();
            StoredAssessment before = upgraded.assessment(first).orElseThrow();
            assertEquals(report, before.reportJson());
            // the old rows are read as they were, by the fleet too, and their controls are known
            assertEquals(List.of(new StoredResult("c1", "C one", OPERATING_SYSTEM, 10, PASS, null, true, null),
                    new StoredResult("c2", "C two", NETWORK, 5, FAIL, "open", false, null)), before.results());
            FleetResults fleet = upgraded.latestResults();
            assertEquals(List.of(new ControlRef("c1", "C one", OPERATING_SYSTEM, 10),
                    new ControlRef("c2", "C two", NETWORK, 5)), fleet.controls());
            assertEquals(java.util.Map.of("c1", PASS, "c2", FAIL), fleet.devices().get(0).states());
            Remediation fixC2 = upgraded.createRemediation(new Remediation.Request("Fix c2", "c2",
                    Remediation.Scope.DEVICES, List.of("d1"), null, Remediation.Priority.HIGH, null, null, "bob"), T1);
            assertEquals(NETWORK, fixC2.category());
            assertEquals(0, fixC2.fixedDevices());
            assertEquals(1, fixC2.targetDevices());
            long id = upgraded.save(Fixtures.assessment(D1, T1, List.of(r("c1", OPERATING_SYSTEM, 10, FAIL)),
                    List.of()), report).id();
            assertEquals(report, upgraded.assessment(id).orElseThrow().reportJson());
            assertEquals(java.util.Map.of("d1", new DevicePlatform("unknown", "")), upgraded.platforms(), "an "
                    + "assessment finished before the device was last seen does not change its platform");
            assertTrue(id > first);
            // the new assessment (one compact row) passes c2 no more than before: c2 is absent, the activity
            // still counts d1 as not fixed; then one that passes c2 completes it by system confirmation
            assertEquals(0, upgraded.remediations().get(0).fixedDevices());
            upgraded.save(Fixtures.assessment(D1, T2, List.of(r("c2", NETWORK, 5, PASS)), List.of()), "{}");
            Remediation done = upgraded.remediations().get(0);
            assertEquals(1, done.fixedDevices());
            assertEquals(Remediation.Status.COMPLETED, done.status());
            assertEquals(Remediation.Completion.SYSTEM_CONFIRMATION, done.completion());
        }
        try (Connection c = TestStores.connect(old); Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT id, report_json IS NULL, LENGTH(report_gz) FROM assessment "
                        + "ORDER BY id")) {
            assertTrue(r.next());
            assertFalse(r.getBoolean(2), "the schema 1 report keeps its text");
            assertTrue(r.next());
            assertTrue(r.getBoolean(2), "a new report is stored compressed only");
            assertTrue(r.getInt(3) < report.length() / 20, "compressed: " + r.getInt(3) + " bytes");
            assertTrue(r.next());
            assertFalse(r.next());
        }
    }

    @Test
    void unreachableOrUnsupportedDatabasesAreRefusedClearly() {
        StoreException pg = assertThrows(StoreException.class,
                () -> JdbcStore.open("jdbc:postgresql://127.0.0.1:1/none?user=x&password=secret"));
        assertEquals(StoreException.Reason.UNAVAILABLE, pg.reason());
        assertTrue(pg.getMessage().startsWith("cannot open the store at jdbc:postgresql://127.0.0.1:1/none?user=x"
                + "&password=***"), pg.getMessage());
        assertFalse(pg.getMessage().contains("secret"));
        StoreException other = assertThrows(StoreException.class, () -> JdbcStore.open("jdbc:mysql://x/y"));
        assertEquals(StoreException.Reason.UNAVAILABLE, other.reason());
        assertTrue(other.getMessage().contains("unsupported database"), other.getMessage());
    }

    @Test
    void migrationFilesSplitIntoStatements() throws Exception {
        List<String> sql = Migrations.statements(Migrations.FILES.get(0));
        assertTrue(sql.get(0).startsWith("CREATE TABLE device ("), sql.get(0));
        assertTrue(sql.stream().noneMatch(s -> s.endsWith(";") || s.startsWith("--")));
        assertEquals(13, sql.size());
    }
}
