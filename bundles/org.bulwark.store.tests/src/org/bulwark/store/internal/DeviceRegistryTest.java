package org.bulwark.store.internal;

import static org.bulwark.collector.api.Category.OPERATING_SYSTEM;
import static org.bulwark.scoring.api.ResultState.FAIL;
import static org.bulwark.store.internal.Fixtures.r;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.bulwark.collector.api.PlatformFacts;
import org.bulwark.scoring.api.Assessment;
import org.bulwark.scoring.api.Device;
import org.bulwark.store.api.DevicePlatform;
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

    @Test
    void eachDeviceKeepsThePlatformOfItsNewestAssessment() throws Exception {
        Device win = new Device("w1", "wh1", "Windows 11 Enterprise", java.util.Set.of());
        store.save(Fixtures.assessment(Fixtures.device("l1"), T1, List.of(r("c1", OPERATING_SYSTEM, 10, FAIL)),
                List.of()), "{}");
        store.save(windows(Fixtures.assessment(win, T2, List.of(r("c1", OPERATING_SYSTEM, 10, FAIL)), List.of()),
                "11"), "{}");
        assertEquals(java.util.Map.of("l1", new DevicePlatform("linux", "12"), "w1", new DevicePlatform("windows",
                "11")), store.platforms());
        store.save(windows(Fixtures.assessment(win, T1, List.of(r("c1", OPERATING_SYSTEM, 10, FAIL)), List.of()),
                "10"), "{}");
        assertEquals(new DevicePlatform("windows", "11"), store.platforms().get("w1"), "an older assessment "
                + "stored late does not change the platform");
        store.save(windows(Fixtures.assessment(win, T2.plusSeconds(60), List.of(r("c1", OPERATING_SYSTEM, 10,
                FAIL)), List.of()), "server-2022"), "{}");
        assertEquals(new DevicePlatform("windows", "server-2022"), store.platforms().get("w1"));
        assertEquals(new DevicePlatform("unknown", ""), DevicePlatform.of(null));
        assertEquals(new DevicePlatform("unknown", ""), new DevicePlatform("", null));
    }

    private static Assessment windows(Assessment a, String version) {
        PlatformFacts p = new PlatformFacts("windows", "windows", version, a.device().os(), "amd64",
                a.device().hostname(), a.device().id());
        return new Assessment(a.device(), p, a.root(), a.live(), a.started(), a.finished(), a.benchmarks(),
                a.collectors(), a.controls(), a.score(), a.recommendations(), a.exceptions(), a.problems(),
                a.software());
    }
}
