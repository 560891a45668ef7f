package org.bulwark.store.internal;

import static org.bulwark.collector.api.Category.OPERATING_SYSTEM;
import static org.bulwark.scoring.api.ResultState.PASS;
import static org.bulwark.store.internal.Fixtures.r;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.bulwark.collector.api.inventory.SoftwareInventory;
import org.bulwark.collector.api.inventory.SoftwareItem;
import org.bulwark.scoring.api.Assessment;
import org.bulwark.scoring.api.Device;
import org.bulwark.store.api.SoftwareSummary;
import org.bulwark.store.api.StoreException;
import org.bulwark.store.api.StoredInventory;
import org.junit.jupiter.api.Test;

/** The devices' software: kept per device as its newest assessment found it (H2 here, PostgreSQL too). */
class SoftwareInventoriesTest extends StoreTestBase {

    static final SoftwareItem BSDUTILS = item("bsdutils", "amd64", "1:2.38.1-5+deb12u3", "util-linux",
            "2.38.1-5+deb12u3");
    static final SoftwareItem LIBC_AMD64 = item("libc6", "amd64", "2.36-9+deb12u13", "glibc", "2.36-9+deb12u13");
    static final SoftwareItem LIBC_I386 = item("libc6", "i386", "2.36-9+deb12u13", "glibc", "2.36-9+deb12u13");
    static final SoftwareItem LIBC_NEW = item("libc6", "amd64", "2.36-9+deb12u14", "glibc", "2.36-9+deb12u14");

    static SoftwareItem item(String name, String arch, String version, String source, String sourceVersion) {
        return new SoftwareItem(name, arch, version, source, sourceVersion, "installed", "", "dpkg");
    }

    static Assessment with(Device device, Instant finished, List<SoftwareInventory> software) {
        Assessment a = Fixtures.assessment(device, finished, List.of(r("c1", OPERATING_SYSTEM, 10, PASS)), List.of());
        return new Assessment(a.device(), a.platform(), a.root(), a.live(), a.started(), a.finished(),
                a.benchmarks(), a.collectors(), a.controls(), a.score(), a.recommendations(), a.exceptions(),
                a.problems(), software);
    }

    static SoftwareInventory dpkg(SoftwareItem... items) {
        return SoftwareInventory.read("dpkg", List.of(items), List.of());
    }

    @Test
    void newestAssessmentsInventoryIsKeptWhole() throws Exception {
        long first = store.save(with(D1, T1, List.of(SoftwareInventory.read("dpkg",
                List.of(BSDUTILS, LIBC_AMD64, LIBC_I386), List.of("/var/lib/dpkg/status:9: malformed Status")))),
                "{}").id();
        assertEquals(List.of(new StoredInventory("d1", first, T1, "debian", "12", SoftwareInventory.read("dpkg",
                List.of(BSDUTILS, LIBC_AMD64, LIBC_I386), List.of("/var/lib/dpkg/status:9: malformed Status")))),
                store.software("d1"));
        assertEquals(store.software("d1"), store.software(D1.hostname()), "by host name too");
        long second = store.save(with(D1, T2, List.of(dpkg(LIBC_NEW))), "{}").id();
        assertEquals(List.of(new StoredInventory("d1", second, T2, "debian", "12", dpkg(LIBC_NEW))),
                store.software("d1"),
                "replaced whole: removed packages and the old problems are gone");
        store.save(with(D1, T1.plusSeconds(60), List.of(dpkg(BSDUTILS))), "{}");
        assertEquals(List.of(new StoredInventory("d1", second, T2, "debian", "12", dpkg(LIBC_NEW))),
                store.software("d1"),
                "an assessment that finished earlier (a delayed upload) does not replace a newer inventory");
        long third = store.save(with(D1, T3, List.of()), "{}").id();
        assertEquals(second, store.software("d1").get(0).assessmentId(),
                "an assessment without inventories (an older agent) leaves the kept one: " + third);
    }

    @Test
    void unreadableInventoryReplacesItemsAndSaysWhy() throws Exception {
        store.save(with(D1, T1, List.of(dpkg(BSDUTILS))), "{}");
        long id = store.save(with(D1, T2, List.of(SoftwareInventory.unreadable("dpkg",
                "/var/lib/dpkg/status: is a directory, expected a file"))), "{}").id();
        assertEquals(List.of(new StoredInventory("d1", id, T2, "debian", "12", SoftwareInventory.unreadable("dpkg",
                "/var/lib/dpkg/status: is a directory, expected a file"))), store.software("d1"));
        assertEquals(List.of(), store.softwareSummary(d -> true), "not known is not counted as installed");
    }

    @Test
    void summaryCountsDevicesAndVersionsOfTheWantedDevices() throws Exception {
        store.save(with(D1, T1, List.of(dpkg(BSDUTILS, LIBC_AMD64, LIBC_I386))), "{}");
        store.save(with(D2, T1, List.of(dpkg(LIBC_NEW))), "{}");
        assertEquals(List.of(new SoftwareSummary("dpkg", "bsdutils", "", 1, List.of("1:2.38.1-5+deb12u3")),
                new SoftwareSummary("dpkg", "libc6", "", 2, List.of("2.36-9+deb12u13", "2.36-9+deb12u14"))),
                store.softwareSummary(d -> true));
        assertEquals(List.of(new SoftwareSummary("dpkg", "libc6", "", 1, List.of("2.36-9+deb12u14"))),
                store.softwareSummary(Set.of("d2")::contains));
        assertEquals(List.of(), store.softwareSummary(d -> false));
    }

    @Test
    void badInventoriesAreRefusedAndNothingIsWritten() throws Exception {
        store.save(with(D1, T1, List.of(dpkg(BSDUTILS))), "{}");
        assertInvalid("item 1 of the dpkg inventory of d1: libc6:amd64 appears twice",
                () -> store.save(with(D1, T2, List.of(dpkg(LIBC_AMD64, LIBC_NEW))), "{}"));
        assertInvalid("inventory 'dpkg' appears twice in the assessment of d1",
                () -> store.save(with(D1, T2, List.of(dpkg(LIBC_AMD64), dpkg(BSDUTILS))), "{}"));
        assertInvalid("item 0 of the dpkg inventory of d1: a name, version or vendor longer than 400 characters",
                () -> store.save(with(D1, T2, List.of(dpkg(item("x".repeat(401), "amd64", "1", "x", "1")))),
                        "{}"));
        assertEquals(1, store.history("d1", null).size(), "no assessment was stored");
        assertEquals(List.of(dpkg(BSDUTILS)), store.software("d1").stream().map(StoredInventory::inventory).toList());
        StoreException ghost = assertThrows(StoreException.class, () -> store.software("ghost"));
        assertEquals(StoreException.Reason.INVALID_INPUT, ghost.reason());
        assertEquals("unknown device 'ghost': no stored assessment of a device with that id or host name",
                ghost.getMessage());
    }
}
