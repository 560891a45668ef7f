package org.bulwark.collector.linux.application.internal;

import org.bulwark.collector.tck.Fixture;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;

import org.bulwark.collector.api.Observation;
import org.bulwark.collector.api.Source;
import org.bulwark.collector.api.SourceKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Unreadable files and malformed lines become UNREADABLE / UNPARSEABLE observations naming the place. */
class ApplicationFailureModesTest {

    @TempDir
    Path root;

    @Test
    void malformedDpkgParagraphOfTheAskedPackage() throws Exception {
        Fixture f = new Fixture(root).write("/var/lib/dpkg/status", "Package: base-files",
                "Status: install ok installed", "Version: 12.4", "", "Package: telnet", "Status: install ok", "Version: 0.17");
        assertEquals(Observation.unparseable("linux.packages.telnet",
                new Source(SourceKind.PACKAGE_DATABASE, "/var/lib/dpkg/status", 5, null),
                "/var/lib/dpkg/status:5: malformed Status of telnet: 'install ok'"),
                f.collect(new PackagesCollector(), false).get("linux.packages.telnet"));
    }

    @Test
    void unreadableSecurityIndexAndUnitDirectory() throws Exception {
        Fixture f = new Fixture(root).write("/var/lib/dpkg/status", "Package: libc6", "Status: install ok installed",
                "Version: 2.36-9")
                .dir("/var/lib/apt/lists/deb.debian.org_debian-security_dists_bookworm-security_main_binary-amd64_Packages")
                .write("/usr/lib/systemd/system/cups.service", "[Install]", "WantedBy=multi-user.target")
                .write("/etc/systemd/system", "not a directory");
        Observation updates = f.collect(new SystemStateCollector(), false).get("linux.apt.security-updates");
        assertEquals(Observation.unreadable("linux.apt.security-updates", Source.file(
                "/var/lib/apt/lists/deb.debian.org_debian-security_dists_bookworm-security_main_binary-amd64_Packages", 0),
                "is a directory, expected a file"), updates);
    }
}
