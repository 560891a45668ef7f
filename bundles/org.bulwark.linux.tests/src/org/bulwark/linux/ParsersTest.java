package org.bulwark.linux;

import org.bulwark.collector.tck.Fixture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;

import org.bulwark.collector.api.Observation;
import org.bulwark.collector.api.ObservationState;
import org.bulwark.collector.api.Source;
import org.bulwark.collector.api.SourceKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The smaller parsers: key/value files, systemd INI, os-release, dpkg, account files, mounts, stat, units. */
class ParsersTest {

    @TempDir
    Path root;

    @Test
    void targetPathsNeverLeaveTheRoot() throws Exception {
        Fixture f = new Fixture(root).write("/real/passwd", "root:x:0:0::/root:/bin/sh")
                .link("/etc/passwd", "/real/passwd").link("/etc/up", "../../../../real");
        assertEquals(root.resolve("real/passwd"), TargetFiles.resolve(root, "/etc/passwd"));
        assertEquals(root.resolve("real/passwd"), TargetFiles.resolve(root, "/etc/up/passwd"));
        assertEquals(root.resolve("x"), TargetFiles.resolve(root, "/../../x"));
        assertEquals(List.of("root:x:0:0::/root:/bin/sh"), TargetFiles.read(f.root(), "/etc/passwd").get().lines());
        assertEquals(Optional.empty(), TargetFiles.read(f.root(), "/etc/missing"));
    }

    @Test
    void unreadableReasons() {
        new Fixture(root).dir("/etc/shadow");
        UnreadableException e = assertThrows(UnreadableException.class, () -> TargetFiles.read(root, "/etc/shadow"));
        assertEquals("/etc/shadow", e.path());
        assertEquals("is a directory, expected a file", e.reason());
        assertEquals("permission denied", TargetFiles.reasonFor(new AccessDeniedException("/etc/shadow")));
        assertEquals("permission denied", TargetFiles.reasonFor(new IOException("/x: Permission denied")));
        assertEquals("disk on fire", TargetFiles.reasonFor(new IOException("disk on fire")));
    }

    @Test
    void loginDefsLastDefinitionWins() {
        new Fixture(root).write("/etc/login.defs", "# comment", "PASS_MAX_DAYS\t99999", "PASS_MIN_DAYS 1",
                "PASS_MAX_DAYS 365", "UMASK", "ENCRYPT_METHOD \"YESCRYPT\"");
        KeyValueConfig c = KeyValueConfig.read(root, "/etc/login.defs", KeyValueConfig.Syntax.WHITESPACE,
                KeyValueConfig.Wins.LAST, false);
        Observation max = c.observe("linux.logindefs.pass_max_days", "PASS_MAX_DAYS", Source.builtInDefault("shadow"));
        assertEquals(List.of("365"), max.values());
        assertEquals(Source.file("/etc/login.defs", 4), max.source());
        assertEquals(List.of(new Observation.Other("99999", Source.file("/etc/login.defs", 2),
                "overridden by /etc/login.defs:4")), max.others());
        Observation umask = c.observe("linux.logindefs.umask", "UMASK", Source.builtInDefault("shadow"));
        assertEquals(ObservationState.UNPARSEABLE, umask.state());
        assertEquals("/etc/login.defs:5: no value for UMASK", umask.reason());
        assertEquals(Optional.of("YESCRYPT"), c.value("ENCRYPT_METHOD"));
        assertEquals(Observation.absent("k", Source.builtInDefault("shadow"), "PASS_WARN_AGE is not set"),
                c.observe("k", "PASS_WARN_AGE", Source.builtInDefault("shadow")));
    }

    @Test
    void equalsSyntaxWithDropIns() {
        new Fixture(root).write("/etc/security/pwquality.conf", "minlen = 8", "dcredit=-1")
                .write("/etc/security/pwquality.conf.d/50-x.conf", "minlen = 14", "garbage");
        KeyValueConfig c = KeyValueConfig.read(root,
                List.of("/etc/security/pwquality.conf", "/etc/security/pwquality.conf.d/50-x.conf"),
                KeyValueConfig.Syntax.EQUALS, KeyValueConfig.Wins.LAST, true);
        Observation o = c.observe("k", "minlen", Source.builtInDefault("pwquality"));
        assertEquals(List.of("14"), o.values());
        assertEquals(Source.dropIn("/etc/security/pwquality.conf.d/50-x.conf", 1), o.source());
        assertEquals(Source.file("/etc/security/pwquality.conf", 2), c.observe("k", "dcredit", null).source());
        assertEquals("/etc/security/pwquality.conf.d/50-x.conf:2: not an assignment (expected 'key = value')",
                c.observe("k", "garbage", null).reason());
    }

    @Test
    void journaldDropInOverridesMainFile() {
        new Fixture(root).write("/etc/systemd/journald.conf", "[Journal]", "#Storage=auto", "Storage=volatile")
                .write("/usr/lib/systemd/journald.conf.d/10-vendor.conf", "[Journal]", "Storage=persistent",
                        "Compress=yes")
                .write("/etc/systemd/journald.conf.d/10-vendor.conf", "[Journal]", "Compress=no");
        SystemdConfig c = SystemdConfig.read(root, "journald.conf");
        Observation storage = c.observe("linux.journald.storage", "Journal", "Storage", Source.builtInDefault("auto"));
        assertEquals(List.of("volatile"), storage.values());
        assertEquals(Source.file("/etc/systemd/journald.conf", 3), storage.source());
        Observation compress = c.observe("k", "Journal", "Compress", Source.builtInDefault("yes"));
        assertEquals(Observation.of("k", "no", Source.dropIn("/etc/systemd/journald.conf.d/10-vendor.conf", 2)),
                compress);
        new Fixture(root).write("/etc/systemd/journald.conf.d/20-x.conf", "[Journal]", "Storage=persistent");
        Observation again = SystemdConfig.read(root, "journald.conf").observe("k", "Journal", "Storage", null);
        assertEquals(Source.dropIn("/etc/systemd/journald.conf.d/20-x.conf", 2), again.source());
        assertEquals(1, again.others().size());
    }

    @Test
    void osReleaseFallsBackToUsrLib() {
        new Fixture(root).write("/usr/lib/os-release", "PRETTY_NAME=\"Debian GNU/Linux 12 (bookworm)\"", "ID=debian",
                "VERSION_ID=\"12\"");
        OsRelease os = OsRelease.read(root);
        assertEquals("/usr/lib/os-release", os.path());
        assertEquals(Optional.of("12"), os.get("VERSION_ID"));
        assertEquals(Observation.of("linux.os.id", "debian", Source.file("/usr/lib/os-release", 2)),
                os.observe("linux.os.id", "ID"));
    }

    @Test
    void dpkgStatusKnowsInstalledRemovedAndMalformed() {
        new Fixture(root).write("/var/lib/dpkg/status",
                "Package: openssh-server", "Status: install ok installed", "Priority: optional",
                "Version: 1:9.2p1-2+deb12u3", "Description: secure shell server", " multi-line description", "",
                "Package: telnet", "Status: deinstall ok config-files", "Version: 0.17+2.4-2", "",
                "Package: auditd", "Status: install ok", "Version: 1:3.0.9-1", "",
                "Package: aide", "Status: install ok unpacked", "Architecture: amd64", "Version: 0.18.3-1");
        DpkgStatus db = DpkgStatus.read(root);
        assertEquals(List.of("openssh-server", "aide"), List.copyOf(db.installed().keySet()));
        assertEquals(Observation.of("linux.packages.openssh-server", "1:9.2p1-2+deb12u3",
                new Source(SourceKind.PACKAGE_DATABASE, "/var/lib/dpkg/status", 1, null)),
                db.observe("linux.packages.openssh-server", "openssh-server"));
        assertEquals(Observation.absent("linux.packages.telnet", Source.packageDatabase("/var/lib/dpkg/status"),
                "telnet is not installed"), db.observe("linux.packages.telnet", "telnet"));
        Observation auditd = db.observe("linux.packages.auditd", "auditd");
        assertEquals(ObservationState.UNPARSEABLE, auditd.state());
        assertEquals("/var/lib/dpkg/status:12: malformed Status of auditd: 'install ok'", auditd.reason());
        assertEquals("unpacked", db.installed("aide").get().status());
        assertEquals(ObservationState.UNAVAILABLE,
                DpkgStatus.read(root.resolve("empty")).observe("k", "telnet").state());
    }

    @Test
    void accountFilesReportMalformedLines() {
        new Fixture(root).write("/etc/passwd", "root:x:0:0:root:/root:/bin/bash", "broken:x:1000",
                "eve:x:zero:0::/:/bin/sh", "+@nisusers", "bob:x:1001:1001::/home/bob:/bin/bash");
        ColonFile p = ColonFile.passwd(root);
        assertEquals(List.of("root", "bob"), p.rows().stream().map(ColonFile.Row::name).toList());
        assertEquals(5, p.rows().get(1).line());
        assertEquals(List.of(new ParseProblem("/etc/passwd", 2, "broken", "expected 7 colon-separated fields, found 3"),
                new ParseProblem("/etc/passwd", 3, "eve", "field 3 is not a number: 'zero'")), p.problems());
        assertEquals(1, p.legacy().size());
        assertEquals("/etc/passwd:2: expected 7 colon-separated fields, found 3",
                p.failure("k").get().reason());
        assertEquals(ObservationState.UNREADABLE, ColonFile.shadow(new Fixture(root).dir("/etc/shadow").root())
                .failure("k").get().state());
    }

    @Test
    void mountTablesDecodeEscapesAndLastMountWins() {
        new Fixture(root).write("/etc/fstab", "# <file system> <mount point> <type> <options> <dump> <pass>",
                "UUID=1 / ext4 errors=remount-ro 0 1", "tmpfs /tmp tmpfs defaults 0 0",
                "tmpfs /tmp tmpfs nosuid,nodev,noexec 0 0", "/dev/sdb1 /mnt/my\\040disk ext4 ro 0 2", "/dev/sdc1");
        MountTable t = MountTable.read(root, "/etc/fstab");
        assertEquals(Observation.ofAll("k", List.of("nosuid", "nodev", "noexec"), Source.file("/etc/fstab", 4)),
                t.observeOptions("k", "/tmp"));
        assertEquals(List.of("ro"), t.find("/mnt/my disk").get().options());
        assertEquals(Observation.absent("k", Source.file("/etc/fstab", 0),
                "no separate filesystem is mounted at /var/tmp in /etc/fstab"), t.observeOptions("k", "/var/tmp"));
    }

    @Test
    void fileStatReportsModeAndNumericOwner() throws Exception {
        new Fixture(root).write("/etc/shadow", "root:*:1:0:99999:7:::").dir("/tmp");
        Files.setPosixFilePermissions(root.resolve("etc/shadow"), PosixFilePermissions.fromString("rw-r-----"));
        FileStat s = FileStat.of(root, "/etc/shadow").get();
        assertEquals("0640", s.mode());
        assertEquals("file", s.type());
        assertEquals(((Integer) Files.getAttribute(root.resolve("etc/shadow"), "unix:uid")).longValue(), s.uid());
        assertTrue(s.atMost(0640));
        assertFalse(s.atMost(0600));
        assertEquals("directory", FileStat.of(root, "/tmp").get().type());
        assertEquals(Optional.empty(), FileStat.of(root, "/nope"));
        new Fixture(root).write("/etc/passwd", "root:x:0:0::/root:/bin/sh", "daemon:x:1:1::/:/bin/false");
        assertEquals("daemon", FileStat.ownerName(ColonFile.passwd(root), 2, 1));
        assertEquals("4242", FileStat.ownerName(ColonFile.passwd(root), 2, 4242));
        new Fixture(root).write("/etc/passwd", "nfsnobody:x:4294967294:4294967294::/:/sbin/nologin");
        assertEquals("nfsnobody", FileStat.ownerName(ColonFile.passwd(root), 2, 4294967294L));
    }

    @Test
    void unitEnablementFromLinksOnly() throws Exception {
        new Fixture(root)
                .write("/usr/lib/systemd/system/auditd.service", "[Service]", "ExecStart=/sbin/auditd", "[Install]",
                        "WantedBy=multi-user.target")
                .link("/etc/systemd/system/multi-user.target.wants/auditd.service",
                        "/usr/lib/systemd/system/auditd.service")
                .write("/usr/lib/systemd/system/cups.service", "[Install]", "WantedBy=multi-user.target")
                .write("/usr/lib/systemd/system/avahi-daemon.service", "[Install]", "WantedBy=multi-user.target")
                .link("/etc/systemd/system/avahi-daemon.service", "/dev/null")
                .write("/usr/lib/systemd/system/tmp.mount", "[Mount]", "What=tmpfs");
        assertEquals(Observation.of("k", "enabled",
                Source.file("/etc/systemd/system/multi-user.target.wants/auditd.service", 0)),
                SystemdUnits.observeState(root, "k", "auditd.service"));
        assertEquals(List.of("disabled"), SystemdUnits.observeState(root, "k", "cups.service").values());
        assertEquals(List.of("masked"), SystemdUnits.observeState(root, "k", "avahi-daemon.service").values());
        assertEquals(List.of("static"), SystemdUnits.observeState(root, "k", "tmp.mount").values());
        assertEquals(ObservationState.ABSENT, SystemdUnits.observeState(root, "k", "nftables.service").state());
        assertEquals(Optional.of("/usr/lib/systemd/system/cups.service"), SystemdUnits.unitFile(root, "cups.service"));
    }
}
