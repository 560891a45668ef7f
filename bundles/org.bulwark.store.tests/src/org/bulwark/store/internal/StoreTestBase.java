package org.bulwark.store.internal;

import static org.bulwark.collector.api.Category.ACCOUNTS;
import static org.bulwark.collector.api.Category.APPLICATION;
import static org.bulwark.collector.api.Category.NETWORK;
import static org.bulwark.collector.api.Category.OPERATING_SYSTEM;
import static org.bulwark.collector.api.Category.SECURITY_CONTROLS;
import static org.bulwark.scoring.api.ResultState.ERROR;
import static org.bulwark.scoring.api.ResultState.FAIL;
import static org.bulwark.scoring.api.ResultState.NOT_APPLICABLE;
import static org.bulwark.scoring.api.ResultState.PASS;
import static org.bulwark.store.internal.Fixtures.r;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;

import org.bulwark.scoring.api.ControlException;
import org.bulwark.scoring.api.Device;
import org.bulwark.scoring.api.Justification;
import org.bulwark.store.api.AssessmentStore;
import org.bulwark.store.api.AssessmentSummary;
import org.bulwark.store.api.StoreException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the store tests of each aggregate share: a fresh store per test (H2 in a temporary directory, or a fresh
 * PostgreSQL schema in {@link PostgresStoreTest}), the worked example's two assessments, and checks behind the
 * store's back.
 */
abstract class StoreTestBase {

    static final Instant T1 = Instant.parse("2026-11-01T10:00:00Z");
    static final Instant T2 = Instant.parse("2026-11-10T10:00:00Z");
    static final Instant T3 = Instant.parse("2026-11-20T10:00:00Z");
    static final Device D1 = Fixtures.device("d1");
    static final Device D2 = Fixtures.device("d2");

    /** The worked example's d2 row: c4 FAIL covered by an alternate-mitigation exception until 2026-11-05. */
    static final ControlException E1 = new ControlException("e1", "c4", ControlException.Scope.DEVICE, "d1",
            Justification.ALTERNATE_MITIGATION, "alice", Instant.parse("2026-10-01T00:00:00Z"),
            Instant.parse("2026-11-05T00:00:00Z"), "firewall in front");

    @TempDir
    Path dir;
    String url;
    AssessmentStore store;

    @BeforeEach
    void open() throws Exception {
        url = freshUrl();
        store = JdbcStore.open(url);
    }

    /** @return whether the tests run against PostgreSQL ({@link PostgresStoreTest}) rather than H2 */
    boolean postgres() {
        return false;
    }

    /** @return an empty store's URL */
    String freshUrl() throws SQLException {
        return postgres() ? TestStores.postgresSchema() : TestStores.h2(dir);
    }

    /** @return another empty store's URL, beside {@link #url} */
    String otherUrl() throws SQLException {
        return postgres() ? TestStores.postgresSchema() : "jdbc:h2:file:" + dir.toAbsolutePath().resolve("other");
    }

    @AfterEach
    void close() {
        if (store != null) {
            store.close();
        }
    }

    AssessmentSummary first() throws StoreException {
        // c1 FAIL 10, c2 PASS 5, c3 N/A, c4 FAIL 8 under e1 (credit), c5 ERROR 4: 13 of 27
        return store.save(Fixtures.assessment(D1, T1, List.of(r("c1", OPERATING_SYSTEM, 10, FAIL),
                r("c2", NETWORK, 5, PASS), r("c3", ACCOUNTS, 3, NOT_APPLICABLE), r("c4", SECURITY_CONTROLS, 8, FAIL),
                r("c5", APPLICATION, 4, ERROR)), List.of(E1)), "{\"report\": 1}");
    }

    AssessmentSummary second() throws StoreException {
        // content update: c5 removed, c6 added; c1 fixed; e1 expired: 18 of 26
        return store.save(Fixtures.assessment(D1, T2, List.of(r("c1", OPERATING_SYSTEM, 10, PASS),
                r("c2", NETWORK, 5, PASS), r("c3", ACCOUNTS, 3, NOT_APPLICABLE), r("c4", SECURITY_CONTROLS, 8, FAIL),
                r("c6", APPLICATION, 3, PASS)), List.of(E1), "2"), "{\"report\": 2}");
    }

    /** @return the one number {@code sql} selects, read on a connection of its own */
    long count(String sql) throws SQLException {
        try (Connection c = TestStores.connect(url); Statement s = c.createStatement();
                ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }

    static void assertInvalid(String expected, Executable call) {
        StoreException e = assertThrows(StoreException.class, call);
        assertEquals(StoreException.Reason.INVALID_INPUT, e.reason(), e.getMessage());
        assertTrue(e.getMessage().contains(expected), e.getMessage());
        assertTrue(e.getMessage().endsWith("nothing was written"), e.getMessage());
    }
}
