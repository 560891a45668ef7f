package org.bulwark.store.internal;

import static org.bulwark.collector.api.Category.OPERATING_SYSTEM;
import static org.bulwark.scoring.api.ResultState.PASS;
import static org.bulwark.store.internal.Fixtures.r;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;

import org.bulwark.collector.api.inventory.SoftwareInventory;
import org.bulwark.collector.api.inventory.SoftwareItem;
import org.bulwark.scoring.api.Device;
import org.bulwark.store.api.AssessmentSummary;
import org.junit.jupiter.api.Test;

/**
 * Values longer than their columns are the caller's bad input, refused whole and before anything is written (issue
 * 16, finding 14: a 100,000-character id reached the database as a failed statement, answered 503 so that agents
 * retried for ever); and a write refused in the middle of its transaction costs none of the committed ones, also
 * across a reopen (finding 11). H2 here, PostgreSQL in {@link PostgresStoreTest}.
 */
class StoreLimitsTest extends StoreTestBase {

    @Test
    void valuesLongerThanTheirColumnsAreRefusedNamingTheField() throws Exception {
        first();
        assertInvalid("device.id: longer than 400 characters (100000)", () -> store.save(Fixtures.assessment(
                Fixtures.device("d".repeat(100_000)), T2, List.of(r("c1", OPERATING_SYSTEM, 10, PASS)), List.of()),
                "{}"));
        assertInvalid("device.hostname: longer than 400 characters (401)", () -> store.save(Fixtures.assessment(
                new Device("d2", "h".repeat(401), "Debian", Set.of()), T2, List.of(r("c1", OPERATING_SYSTEM, 10,
                        PASS)), List.of()), "{}"));
        assertInvalid("device.groups: longer than 400 characters (401)", () -> store.save(Fixtures.assessment(
                new Device("d2", "h", "Debian", Set.of("g".repeat(401))), T2, List.of(r("c1", OPERATING_SYSTEM,
                        10, PASS)), List.of()), "{}"));
        assertInvalid("results.id: longer than 400 characters (401)", () -> store.save(Fixtures.assessment(
                Fixtures.device("d2"), T2, List.of(r("c".repeat(401), OPERATING_SYSTEM, 10, PASS)), List.of()),
                "{}"));
        // exactly at the limit is kept as it is, not cut
        String id = "d".repeat(400);
        store.save(Fixtures.assessment(new Device(id, "h".repeat(400), "Debian", Set.of("g".repeat(400))), T2,
                List.of(r("c1", OPERATING_SYSTEM, 10, PASS)), List.of()), "{}");
        assertEquals(List.of("d1", id), store.history(null, null).stream().map(s -> s.device().id()).toList());
    }

    @Test
    void aWriteRefusedInItsTransactionKeepsEveryCommittedOneAcrossAReopen() throws Exception {
        AssessmentSummary kept = first();
        // the inventory is checked inside the transaction, after the device and assessment rows were inserted
        SoftwareItem huge = new SoftwareItem("p".repeat(100_000), "amd64", "1", "p", "1", "installed", "", "dpkg");
        assertInvalid("longer than 400 characters", () -> store.save(SoftwareInventoriesTest.with(D1, T2,
                List.of(SoftwareInventory.read("dpkg", List.of(huge), List.of()))), "{}"));
        store.close();
        store = JdbcStore.open(url);
        List<AssessmentSummary> history = store.history(null, null);
        assertEquals(List.of(kept.id()), history.stream().map(AssessmentSummary::id).toList());
        assertEquals(13.0, history.get(0).points().earned(), 1e-9);
        long next = store.save(Fixtures.assessment(D1, T3, List.of(r("c1", OPERATING_SYSTEM, 10, PASS)), List.of()),
                "{}").id();
        assertTrue(next > kept.id(), "ids are never reused: " + next + " after " + kept.id());
    }
}
