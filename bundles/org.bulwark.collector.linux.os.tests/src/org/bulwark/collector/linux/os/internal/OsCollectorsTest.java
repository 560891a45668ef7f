package org.bulwark.collector.linux.os.internal;

import org.bulwark.collector.tck.Fixture;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;

import org.bulwark.collector.api.Category;
import org.bulwark.collector.api.Observation;
import org.bulwark.collector.api.ObservationState;
import org.bulwark.collector.api.Source;
import org.bulwark.collector.api.SourceKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OsCollectorsTest {

    @TempDir
    Path root;

    @Test
    void kernelParametersPersistedRunningAndDrift() throws Exception {
        Fixture f = new Fixture(root)
                .write("/usr/lib/sysctl.d/50-default.conf", "kernel.kptr_restrict = 1", "fs.protected_hardlinks = 1")
                .write("/etc/sysctl.d/60-hardening.conf", "kernel.randomize_va_space = 2", "kernel.kptr_restrict = 2",
                        "fs.suid_dumpable 0")
                .write("/proc/sys/kernel/randomize_va_space", "2")
                .write("/proc/sys/kernel/kptr_restrict", "0");
        KernelParametersCollector c = new KernelParametersCollector();
        assertEquals(Category.OPERATING_SYSTEM, c.category());
        Map<String, Observation> live = f.collect(c, true);
        assertEquals(Observation.of("linux.sysctl.kernel.randomize_va_space", "2",
                Source.dropIn("/etc/sysctl.d/60-hardening.conf", 1)), live.get("linux.sysctl.kernel.randomize_va_space"));
        // 60-hardening.conf is read after 50-default.conf: it wins; the running value drifted
        assertEquals(Observation.of("linux.sysctl.kernel.kptr_restrict", "2",
                Source.dropIn("/etc/sysctl.d/60-hardening.conf", 2))
                .with(new Observation.Other("1", Source.dropIn("/usr/lib/sysctl.d/50-default.conf", 1),
                        "overridden by drop in /etc/sysctl.d/60-hardening.conf:2"))
                .with(new Observation.Other("0", Source.runtime("/proc/sys/kernel/kptr_restrict"),
                        "running value differs (drift)")), live.get("linux.sysctl.kernel.kptr_restrict"));
        assertEquals(Observation.of("linux.sysctl.running.kernel.kptr_restrict", "0",
                Source.runtime("/proc/sys/kernel/kptr_restrict")), live.get("linux.sysctl.running.kernel.kptr_restrict"));
        Observation dumpable = live.get("linux.sysctl.fs.suid_dumpable");
        assertEquals(ObservationState.UNPARSEABLE, dumpable.state());
        assertEquals(Source.file("/etc/sysctl.d/60-hardening.conf", 3), dumpable.source());
        assertEquals(Observation.absent("linux.sysctl.kernel.dmesg_restrict", Source.builtInDefault("kernel default"),
                "kernel.dmesg_restrict is not set in any sysctl configuration file"),
                live.get("linux.sysctl.kernel.dmesg_restrict"));
        assertEquals(ObservationState.ABSENT, live.get("linux.sysctl.running.kernel.dmesg_restrict").state());

        Map<String, Observation> offline = f.collect(c, false);
        assertEquals(ObservationState.UNAVAILABLE, offline.get("linux.sysctl.running.kernel.kptr_restrict").state());
        assertEquals(List.of(), offline.get("linux.sysctl.kernel.randomize_va_space").others());
    }

    @Test
    void filePermissionsWithTargetOwnerNames() throws Exception {
        Object uid = Files.getAttribute(root, "unix:uid");
        Object gid = Files.getAttribute(root, "unix:gid");
        Fixture f = new Fixture(root).write("/etc/passwd", "root:x:" + uid + ":0:root:/root:/bin/bash")
                .write("/etc/group", "shadow:x:" + gid + ":").write("/etc/shadow", "root:*:1:0:99999:7:::")
                .dir("/etc/cron.d").dir("/etc/gshadow");
        Files.setPosixFilePermissions(root.resolve("etc/shadow"), PosixFilePermissions.fromString("rw-r-----"));
        Files.setPosixFilePermissions(root.resolve("etc/passwd"), PosixFilePermissions.fromString("rw-r--rw-"));
        Files.setPosixFilePermissions(root.resolve("etc/cron.d"), PosixFilePermissions.fromString("rwx------"));
        Map<String, Observation> o = f.collect(new FilePermissionsCollector(), false);
        Source shadow = new Source(SourceKind.DERIVED, "/etc/shadow", 0, "file attributes");
        assertEquals(Observation.of("linux.file./etc/shadow.mode", "0640", shadow), o.get("linux.file./etc/shadow.mode"));
        assertEquals(Observation.of("linux.file./etc/shadow.owner", "root", shadow), o.get("linux.file./etc/shadow.owner"));
        assertEquals(Observation.of("linux.file./etc/shadow.group", "shadow", shadow), o.get("linux.file./etc/shadow.group"));
        assertEquals(List.of("0646"), o.get("linux.file./etc/passwd.mode").values());
        assertEquals(List.of("0700"), o.get("linux.file./etc/cron.d.mode").values());
        assertEquals(ObservationState.ABSENT, o.get("linux.file./etc/shadow-.mode").state());
        assertEquals("/etc/shadow- does not exist", o.get("linux.file./etc/shadow-.owner").reason());
        assertEquals(ObservationState.PRESENT, o.get("linux.file./etc/gshadow.mode").state());
        assertEquals(FilePermissionsCollector.PATHS.size() * 3, o.size());
    }

    @Test
    void mountsFromFstabMountUnitsAndDefaults() throws Exception {
        Fixture f = new Fixture(root)
                .write("/etc/fstab", "UUID=abc / ext4 errors=remount-ro 0 1",
                        "UUID=def /home ext4 defaults,nodev 0 2", "tmpfs /dev/shm tmpfs nodev,nosuid 0 0",
                        "/dev/vg/var /var ext4")
                .write("/usr/lib/systemd/system/tmp.mount", "[Unit]", "Description=Temporary Directory /tmp", "[Mount]",
                        "What=tmpfs", "Where=/tmp", "Type=tmpfs", "Options=mode=1777,strictatime,nosuid,nodev")
                .link("/usr/lib/systemd/system/local-fs.target.wants/tmp.mount", "../tmp.mount")
                .write("/proc/mounts", "tmpfs /tmp tmpfs rw,nosuid,nodev 0 0", "tmpfs /dev/shm tmpfs rw,nosuid,nodev 0 0",
                        "/dev/sda2 /home ext4 rw,nodev 0 0");
        Map<String, Observation> o = f.collect(new MountsCollector(), true);
        assertEquals(Observation.ofAll("linux.mount./tmp.options", List.of("mode=1777", "strictatime", "nosuid", "nodev"),
                Source.file("/usr/lib/systemd/system/tmp.mount", 7).withDetail("systemd mount unit tmp.mount"))
                .with(new Observation.Other("rw,nosuid,nodev", new Source(SourceKind.RUNTIME, "/proc/mounts", 1, null),
                        "running mount options differ (drift)")),
                o.get("linux.mount./tmp.options"));
        assertEquals(Observation.ofAll("linux.mount./home.options", List.of("defaults", "nodev"),
                Source.file("/etc/fstab", 2)).with(new Observation.Other("rw,nodev",
                        new Source(SourceKind.RUNTIME, "/proc/mounts", 3, null), "running mount options differ (drift)")),
                o.get("linux.mount./home.options"));
        assertEquals(List.of("defaults"), o.get("linux.mount./var.options").values());
        assertEquals(Observation.absent("linux.mount./var/tmp.options", Source.file("/etc/fstab", 0),
                "no separate filesystem is mounted at /var/tmp in /etc/fstab"), o.get("linux.mount./var/tmp.options"));
        assertEquals(Observation.absent("linux.mount.running./var/tmp.options", Source.runtime("/proc/mounts"),
                "no separate filesystem is mounted at /var/tmp"), o.get("linux.mount.running./var/tmp.options"));
        assertEquals(List.of("nodev", "nosuid"), o.get("linux.mount./dev/shm.options").values());

        Map<String, Observation> offline = f.collect(new MountsCollector(), false);
        assertEquals(ObservationState.UNAVAILABLE, offline.get("linux.mount.running./tmp.options").state());
        new Fixture(root).write("/etc/fstab", "# nothing");
        Map<String, Observation> defaults = f.collect(new MountsCollector(), false);
        assertEquals(Observation.ofAll("linux.mount./dev/shm.options", List.of("rw", "nosuid", "nodev"),
                Source.builtInDefault("systemd mounts /dev/shm with nosuid,nodev")),
                defaults.get("linux.mount./dev/shm.options"));
    }

    @Test
    void mountUnitThatIsNotEnabledDoesNotCount() throws Exception {
        Fixture f = new Fixture(root).write("/etc/fstab", "")
                .write("/usr/lib/systemd/system/tmp.mount", "[Mount]", "Options=nosuid", "[Install]",
                        "WantedBy=local-fs.target");
        assertEquals(ObservationState.ABSENT, f.collect(new MountsCollector(), false)
                .get("linux.mount./tmp.options").state());
    }

    @Test
    void fstabThatIsADirectoryIsUnreadable() throws Exception {
        Fixture f = new Fixture(root).dir("/etc/fstab");
        Observation tmp = f.collect(new MountsCollector(), false).get("linux.mount./tmp.options");
        assertEquals(Observation.unreadable("linux.mount./tmp.options", Source.file("/etc/fstab", 0),
                "is a directory, expected a file"), tmp);
    }

    @Test
    void kernelModules() throws Exception {
        Fixture f = new Fixture(root)
                .write("/etc/modprobe.d/cis.conf", "install cramfs /bin/false", "blacklist cramfs",
                        "install usb_storage /bin/true")
                .write("/proc/modules", "squashfs 73728 2 - Live 0x0000000000000000");
        Map<String, Observation> o = f.collect(new KernelModulesCollector(), true);
        assertEquals(Observation.of("linux.kmod.cramfs.install", "/bin/false", Source.dropIn("/etc/modprobe.d/cis.conf", 1)),
                o.get("linux.kmod.cramfs.install"));
        assertEquals(Observation.of("linux.kmod.cramfs.blacklist", "yes", Source.dropIn("/etc/modprobe.d/cis.conf", 2)),
                o.get("linux.kmod.cramfs.blacklist"));
        assertEquals(List.of("/bin/true"), o.get("linux.kmod.usb-storage.install").values());
        assertEquals(ObservationState.ABSENT, o.get("linux.kmod.udf.install").state());
        assertEquals(List.of("yes"), o.get("linux.kmod.running.squashfs.loaded").values());
        assertEquals(List.of("no"), o.get("linux.kmod.running.cramfs.loaded").values());
    }

    @Test
    void bootLoaderCmdlineAndOsRelease() throws Exception {
        Fixture f = new Fixture(root)
                .write("/boot/grub/grub.cfg", "### BEGIN /etc/grub.d/40_custom ###", "set superusers=\"admin\"",
                        "password_pbkdf2 admin grub.pbkdf2.sha512.10000.ABC")
                .write("/etc/default/grub", "GRUB_DEFAULT=0", "GRUB_CMDLINE_LINUX_DEFAULT=\"quiet\"",
                        "GRUB_CMDLINE_LINUX=\"apparmor=1 security=apparmor\"")
                .write("/etc/default/grub.d/50-audit.cfg", "GRUB_CMDLINE_LINUX=\"audit=1 audit_backlog_limit=8192\"")
                .write("/proc/cmdline", "BOOT_IMAGE=/vmlinuz root=/dev/sda1 ro quiet")
                .write("/etc/os-release", "ID=debian", "VERSION_ID=\"12\"");
        Map<String, Observation> o = f.collect(new BootCollector(), true);
        assertEquals(Observation.ofAll("linux.grub.superusers", List.of("admin"), Source.file("/boot/grub/grub.cfg", 2)),
                o.get("linux.grub.superusers"));
        assertEquals(Observation.of("linux.grub.password", "pbkdf2", Source.file("/boot/grub/grub.cfg", 3)),
                o.get("linux.grub.password"));
        assertEquals(Observation.ofAll("linux.grub.cmdline", List.of("audit=1", "audit_backlog_limit=8192", "quiet"),
                Source.dropIn("/etc/default/grub.d/50-audit.cfg", 1)), o.get("linux.grub.cmdline"));
        assertEquals(List.of("BOOT_IMAGE=/vmlinuz", "root=/dev/sda1", "ro", "quiet"),
                o.get("linux.kernel.cmdline.running").values());
        assertEquals(Observation.of("linux.os.version_id", "12", Source.file("/etc/os-release", 2)),
                o.get("linux.os.version_id"));

        Map<String, Observation> bare = new Fixture(root.resolve("bare")).collect(new BootCollector(), false);
        assertEquals("/boot/grub/grub.cfg does not exist (no GRUB boot loader)", bare.get("linux.grub.password").reason());
        assertEquals(ObservationState.ABSENT, bare.get("linux.grub.cmdline").state());
        assertEquals(ObservationState.UNAVAILABLE, bare.get("linux.kernel.cmdline.running").state());
    }

    @Test
    void coreDumpLimitsCoredumpConfAndTimeSync() throws Exception {
        Fixture f = new Fixture(root)
                .write("/etc/security/limits.conf", "# <domain> <type> <item> <value>", "*  soft core 0",
                        "*  hard core unlimited")
                .write("/etc/security/limits.d/90-cis.conf", "* hard core 0")
                .write("/etc/systemd/coredump.conf", "[Coredump]", "Storage=none", "ProcessSizeMax=0")
                .write("/usr/lib/systemd/system/chrony.service", "[Install]", "WantedBy=multi-user.target")
                .link("/etc/systemd/system/multi-user.target.wants/chrony.service", "/usr/lib/systemd/system/chrony.service");
        Map<String, Observation> o = f.collect(new CoreDumpsAndTimeCollector(), false);
        assertEquals(Observation.of("linux.limits.core.hard", "0", Source.dropIn("/etc/security/limits.d/90-cis.conf", 1))
                .with(new Observation.Other("unlimited", Source.file("/etc/security/limits.conf", 3),
                        "overridden by drop in /etc/security/limits.d/90-cis.conf:1")),
                o.get("linux.limits.core.hard"));
        assertEquals(Observation.of("linux.coredump.storage", "none", Source.file("/etc/systemd/coredump.conf", 2)),
                o.get("linux.coredump.storage"));
        assertEquals(List.of("enabled"), o.get("linux.systemd.unit.chrony.service").values());
        assertEquals(ObservationState.ABSENT, o.get("linux.systemd.unit.ntp.service").state());

        Map<String, Observation> bare = new Fixture(root.resolve("bare")).collect(new CoreDumpsAndTimeCollector(), false);
        assertEquals(Observation.absent("linux.limits.core.hard", Source.builtInDefault("kernel default: unlimited"),
                "no hard core limit for * in limits.conf or limits.d"), bare.get("linux.limits.core.hard"));
    }
}
