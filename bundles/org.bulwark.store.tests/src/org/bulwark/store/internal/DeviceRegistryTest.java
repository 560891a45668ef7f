package org.bulwark.store.internal;

import static org.bulwark.collector.api.Category.OPERATING_SYSTEM;
import static org.bulwark.scoring.api.ResultState.FAIL;
import static org.bulwark.store.internal.Fixtures.r;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.bulwark.scoring.api.Device;
import org.bulwark.store.api.Remediation;
import org.junit.jupiter.api.Test;

/** Devices and the groups the store keeps for them (H2 here, PostgreSQL in {@link PostgresStoreTest}). */
class DeviceRegistryTest extends StoreTestBase {

    @Test
    void deviceGroupsAreKeptByTheStore() throws Exception {
        Device bare = new Device("d3", "h3", "Debian", java.util.Set.of());
        store.save(Fixtures.assessment(bare, T1, List.of(r("c1", OPERATING_SYSTEM, 10, FAIL)), List.of()), "{}");
        assertEquals(java.util.Set.of("web", "prod"), store.setGroups("d3", java.util.Set.of("web", "prod")).groups());
        store.save(Fixtures.assessment(bare, T2, List.of(r("c1", OPERATING_SYSTEM, 10, FAIL)), List.of()), "{}");
        assertEquals(java.util.Set.of("web", "prod"), store.devices().get(0).groups(), "an assessment without groups "
                + "keeps the store's");
        assertEquals(java.util.Set.of("web", "prod"), store.latestResults().devices().get(0).device().groups());
        Remediation r = store.createRemediation(new Remediation.Request("Fix c1 on web", "c1", Remediation.Scope.GROUP,
                null, "web", Remediation.Priority.MEDIUM, null, null, "alice"), T2);
        assertEquals(1, r.targetDevices());
        assertInvalid("unknown device 'ghost'", () -> store.setGroups("ghost", java.util.Set.of("web")));
        assertInvalid("a group name must not be empty", () -> store.setGroups("d3", java.util.Set.of(" ")));
        assertEquals(java.util.Set.of("web", "prod"), store.devices().get(0).groups(), "nothing written");
        assertEquals(java.util.Set.of(), store.setGroups("d3", java.util.Set.of()).groups());
    }
}
