package org.bulwark.collector.linux.application.internal;

import org.bulwark.collector.tck.Fixture;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.bulwark.collector.api.Observation;
import org.bulwark.collector.api.ObservationState;
import org.bulwark.collector.api.Source;
import org.bulwark.collector.api.SourceKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApplicationCollectorsTest {

    @TempDir
    Path root;

    private Fixture dpkg() {
        return new Fixture(root).write("/var/lib/dpkg/status",
                "Package: telnet", "Status: install ok installed", "Version: 0.17+2.4-2", "",
                "Package: openssh-server", "Status: install ok installed", "Version: 1:9.2p1-2+deb12u2", "",
                "Package: vsftpd", "Status: deinstall ok config-files", "Version: 3.0.3-13+b2", "",
                "Package: libc6", "Status: install ok installed", "Version: 2.36-9+deb12u4", "",
                "Package: cups", "Status: install ok installed", "Version: 2.4.2-3+deb12u5");
    }

    @Test
    void packagesPresentAbsentAndRemovedWithConfig() throws Exception {
        Map<String, Observation> o = dpkg().collect(new PackagesCollector(), false);
        assertEquals(Observation.of("linux.packages.telnet", "0.17+2.4-2",
                new Source(SourceKind.PACKAGE_DATABASE, "/var/lib/dpkg/status", 1, null)), o.get("linux.packages.telnet"));
        assertEquals(Observation.absent("linux.packages.vsftpd", Source.packageDatabase("/var/lib/dpkg/status"),
                "vsftpd is not installed"), o.get("linux.packages.vsftpd"));
        assertEquals(ObservationState.ABSENT, o.get("linux.packages.nis").state());
        assertEquals(List.of("1:9.2p1-2+deb12u2"), o.get("linux.packages.openssh-server").values());

        Map<String, Observation> noDpkg = new Fixture(root.resolve("rpm")).collect(new PackagesCollector(), false);
        assertEquals(Observation.unavailable("linux.packages.telnet",
                "no dpkg package database /var/lib/dpkg/status (not a Debian-based system)"), noDpkg.get("linux.packages.telnet"));
        Map<String, Observation> unreadable = new Fixture(root.resolve("u")).dir("/var/lib/dpkg/status")
                .collect(new PackagesCollector(), false);
        assertEquals(Observation.unreadable("linux.packages.telnet", Source.packageDatabase("/var/lib/dpkg/status"),
                "is a directory, expected a file"), unreadable.get("linux.packages.telnet"));
    }

    @Test
    void servicesEnabledFromWantsLinks() throws Exception {
        Fixture f = new Fixture(root)
                .write("/lib/systemd/system/cups.service", "[Install]", "WantedBy=multi-user.target")
                .write("/lib/systemd/system/cups.socket", "[Install]", "WantedBy=sockets.target")
                .link("/etc/systemd/system/sockets.target.wants/cups.socket", "/lib/systemd/system/cups.socket")
                .write("/lib/systemd/system/avahi-daemon.service", "[Install]", "WantedBy=multi-user.target")
                .link("/etc/systemd/system/multi-user.target.wants/avahi-daemon.service", "/lib/systemd/system/avahi-daemon.service")
                .link("/etc/systemd/system/rpcbind.service", "/dev/null");
        Map<String, Observation> o = f.collect(new ServicesCollector(), false);
        assertEquals(Observation.of("linux.systemd.unit.avahi-daemon.service", "enabled",
                Source.file("/etc/systemd/system/multi-user.target.wants/avahi-daemon.service", 0)),
                o.get("linux.systemd.unit.avahi-daemon.service"));
        assertEquals(List.of("disabled"), o.get("linux.systemd.unit.cups.service").values());
        assertEquals(List.of("enabled"), o.get("linux.systemd.unit.cups.socket").values());
        assertEquals(List.of("masked"), o.get("linux.systemd.unit.rpcbind.service").values());
        assertEquals(ObservationState.ABSENT, o.get("linux.systemd.unit.snmpd.service").state());
    }

    @Test
    void rebootRequiredOnlyOnALiveSystem() throws Exception {
        Fixture f = new Fixture(root).write("/run/reboot-required", "*** System restart required ***")
                .write("/run/reboot-required.pkgs", "linux-image-6.1.0-18-amd64", "libc6", "libc6")
                .link("/var/run", "/run");
        assertEquals(Observation.ofAll("linux.reboot-required", List.of("linux-image-6.1.0-18-amd64", "libc6"),
                Source.file("/var/run/reboot-required.pkgs", 0)),
                f.collect(new SystemStateCollector(), true).get("linux.reboot-required"));
        assertEquals(ObservationState.UNAVAILABLE, f.collect(new SystemStateCollector(), false)
                .get("linux.reboot-required").state());
        assertEquals(Observation.absent("linux.reboot-required", Source.file("/var/run/reboot-required", 0),
                "no reboot is pending"), new Fixture(root.resolve("x")).collect(new SystemStateCollector(), true)
                        .get("linux.reboot-required"));
    }

    @Test
    void pendingSecurityUpdatesFromTheLocalIndex() throws Exception {
        Fixture f = dpkg()
                .write("/var/lib/apt/lists/deb.debian.org_debian-security_dists_bookworm-security_main_binary-amd64_Packages",
                        "Package: libc6", "Version: 2.36-9+deb12u10", "", "Package: openssh-server",
                        "Version: 1:9.2p1-2+deb12u2", "", "Package: cups", "Version: 2.4.2-3+deb12u9", "",
                        "Package: cups", "Version: 2.4.2-3+deb12u7", "", "Package: nginx", "Version: 1.22.1-9+deb12u1")
                .write("/var/lib/apt/lists/deb.debian.org_debian_dists_bookworm_main_binary-amd64_Packages",
                        "Package: telnet", "Version: 0.18");
        Observation o = f.collect(new SystemStateCollector(), false).get("linux.apt.security-updates");
        assertEquals(List.of("libc6", "cups"), o.values());
        assertEquals(SourceKind.DERIVED, o.source().kind());

        Observation none = new Fixture(root.resolve("n")).collect(new SystemStateCollector(), false)
                .get("linux.apt.security-updates");
        assertEquals(ObservationState.UNAVAILABLE, none.state());
    }

    @Test
    void lz4CompressedSecurityIndexAsDockerImagesKeepIt() throws Exception {
        // lz4 of "Package: libc6 / Version: 2.36-9+deb12u10" three times and "Package: openssl / Version: 3.0.15-1~deb12u1"
        byte[] lz4 = java.util.Base64.getDecoder().decode("BCJNGGRAp0sAAAD/GlBhY2thZ2U6IGxpYmM2ClZlcnNpb246IDIuMzYt"
                + "OStkZWIxMnUxMAoKKQBIdm9wZW5zc2x9APACMy4wLjE1LTF+ZGViMTJ1MQoAAAAAI9xdYg==");
        Fixture f = dpkg();
        String index = "var/lib/apt/lists/deb.debian.org_debian-security_dists_bookworm-security_main_binary-amd64_Packages.lz4";
        java.nio.file.Files.createDirectories(root.resolve(index).getParent());
        java.nio.file.Files.write(root.resolve(index), lz4);
        assertEquals(List.of("libc6"), f.collect(new SystemStateCollector(), false).get("linux.apt.security-updates").values());
    }

    @Test
    void postfixInterfaces() throws Exception {
        Fixture f = new Fixture(root).write("/etc/postfix/main.cf", "myhostname = host", "inet_interfaces = loopback-only");
        assertEquals(Observation.of("linux.postfix.inet_interfaces", "loopback-only", Source.file("/etc/postfix/main.cf", 2)),
                f.collect(new SystemStateCollector(), false).get("linux.postfix.inet_interfaces"));
    }
}
