package org.bulwark.collector.linux.os.internal;

import org.bulwark.collector.tck.Fixture;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;

import org.bulwark.collector.api.Observation;
import org.bulwark.collector.api.Source;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Unreadable files and malformed lines become UNREADABLE / UNPARSEABLE observations naming the place. */
class OsFailureModesTest {

    @TempDir
    Path root;

    @Test
    void unreadableSysctlDropInDirectory() throws Exception {
        Fixture f = new Fixture(root).write("/etc/sysctl.d", "not a directory");
        // a file where the directory is expected cannot be listed
        Observation o = f.collect(new KernelParametersCollector(), false).get("linux.sysctl.kernel.randomize_va_space");
        assertEquals(Observation.unreadable("linux.sysctl.kernel.randomize_va_space", Source.file("/etc/sysctl.d", 0),
                "/etc/sysctl.d: not a directory"), o);
    }

    @Test
    void malformedFstabLineNamingTheMountPoint() throws Exception {
        Fixture f = new Fixture(root).write("/etc/fstab", "UUID=1 / ext4 defaults 0 1", "tmpfs /tmp");
        assertEquals(Observation.unparseable("linux.mount./tmp.options", Source.file("/etc/fstab", 2),
                "/etc/fstab:2: expected at least 3 fields, found 2"),
                f.collect(new MountsCollector(), false).get("linux.mount./tmp.options"));
    }

    @Test
    void malformedModprobeLine() throws Exception {
        Fixture f = new Fixture(root).write("/etc/modprobe.d/cis.conf", "install cramfs");
        assertEquals(Observation.unparseable("linux.kmod.cramfs.install", Source.file("/etc/modprobe.d/cis.conf", 1),
                "/etc/modprobe.d/cis.conf:1: install needs a command"),
                f.collect(new KernelModulesCollector(), false).get("linux.kmod.cramfs.install"));
    }

    @Test
    void malformedAndUnreadableBootConfiguration() throws Exception {
        Fixture f = new Fixture(root).write("/etc/default/grub", "GRUB_CMDLINE_LINUX").dir("/boot/grub/grub.cfg");
        var o = f.collect(new BootCollector(), false);
        assertEquals(Observation.unparseable("linux.grub.cmdline", Source.file("/etc/default/grub", 1),
                "/etc/default/grub:1: not an assignment (expected 'key = value')"), o.get("linux.grub.cmdline"));
        assertEquals(Observation.unreadable("linux.grub.password", Source.file("/boot/grub/grub.cfg", 0),
                "is a directory, expected a file"), o.get("linux.grub.password"));
    }

    @Test
    void malformedCoreLimitAndUnreadableCoredumpConf() throws Exception {
        Fixture f = new Fixture(root).write("/etc/security/limits.conf", "* hard core")
                .dir("/etc/systemd/coredump.conf");
        var o = f.collect(new CoreDumpsAndTimeCollector(), false);
        assertEquals(Observation.unparseable("linux.limits.core.hard", Source.file("/etc/security/limits.conf", 1),
                "/etc/security/limits.conf:1: expected '<domain> <type> <item> <value>'"), o.get("linux.limits.core.hard"));
        assertEquals(Observation.unreadable("linux.coredump.storage", Source.file("/etc/systemd/coredump.conf", 0),
                "/etc/systemd/coredump.conf: is a directory, expected a file"), o.get("linux.coredump.storage"));
    }
}
