package org.bulwark.collector.linux.application.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;

import org.bulwark.collector.api.inventory.SoftwareInventory;
import org.bulwark.collector.api.inventory.SoftwareItem;
import org.bulwark.collector.tck.Fixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The dpkg inventory: items with their source package, and a database that is missing or unreadable. */
class DpkgInventoryProviderTest {

    @TempDir
    Path root;

    @Test
    void itemsCarryTheSourcePackage() throws Exception {
        Fixture f = new Fixture(root).write("/var/lib/dpkg/status",
                "Package: bsdutils", "Status: install ok installed", "Architecture: amd64",
                "Source: util-linux (2.38.1-5+deb12u3)", "Version: 1:2.38.1-5+deb12u3", "",
                "Package: libc6", "Status: install ok installed", "Architecture: amd64", "Multi-Arch: same",
                "Source: glibc", "Version: 2.36-9+deb12u14", "",
                "Package: libc6", "Status: install ok unpacked", "Architecture: i386", "Multi-Arch: same",
                "Source: glibc", "Version: 2.36-9+deb12u14", "",
                "Package: telnet", "Status: deinstall ok config-files", "Version: 0.17+2.4-2", "",
                "Package: broken", "Status: install ok");
        SoftwareInventory inventory = new DpkgInventoryProvider().inventory(f.context(false));
        assertEquals(SoftwareInventory.read("dpkg", List.of(
                new SoftwareItem("bsdutils", "amd64", "1:2.38.1-5+deb12u3", "util-linux", "2.38.1-5+deb12u3",
                        "installed", "", "dpkg"),
                new SoftwareItem("libc6", "amd64", "2.36-9+deb12u14", "glibc", "2.36-9+deb12u14", "installed", "",
                        "dpkg"),
                new SoftwareItem("libc6", "i386", "2.36-9+deb12u14", "glibc", "2.36-9+deb12u14", "unpacked", "",
                        "dpkg")),
                List.of("/var/lib/dpkg/status:25: malformed Status of broken: 'install ok'")), inventory);
    }

    @Test
    void missingAndUnreadableDatabasesAreNotEmptyInventories() throws Exception {
        assertEquals(SoftwareInventory.unavailable("dpkg",
                "no dpkg package database /var/lib/dpkg/status (not a Debian-based system)"),
                new DpkgInventoryProvider().inventory(new Fixture(root.resolve("windows")).context(false)));
        Fixture dir = new Fixture(root.resolve("odd")).dir("/var/lib/dpkg/status");
        assertEquals(SoftwareInventory.unreadable("dpkg", "/var/lib/dpkg/status: is a directory, expected a file"),
                new DpkgInventoryProvider().inventory(dir.context(false)));
    }
}
