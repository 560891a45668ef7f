package org.bulwark.linux;

import org.bulwark.collector.tck.Fixture;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;

import org.bulwark.collector.api.Observation;
import org.bulwark.collector.api.ObservationState;
import org.bulwark.collector.api.Source;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SysctlConfigTest {

    private static final String ASLR = "kernel.randomize_va_space";
    private static final String KEY = "linux.sysctl.kernel.randomize_va_space";

    @TempDir
    Path root;

    @Test
    void sameNameInEtcReplacesVendorFile() {
        Fixture f = new Fixture(root)
                .write("/usr/lib/sysctl.d/50-default.conf", "kernel.randomize_va_space = 1", "fs.protected_fifos = 1")
                .write("/etc/sysctl.d/50-default.conf", "kernel.randomize_va_space = 2");
        SysctlConfig c = SysctlConfig.read(f.root());
        Observation o = c.persisted(KEY, ASLR);
        assertEquals(Observation.of(KEY, "2", Source.dropIn("/etc/sysctl.d/50-default.conf", 1)), o);
        assertEquals(ObservationState.ABSENT, c.persisted("k", "fs.protected_fifos").state());
    }

    @Test
    void filesAreReadByNameAcrossDirectoriesAndSysctlConfLastWins() {
        Fixture f = new Fixture(root)
                .write("/etc/sysctl.d/30-hardening.conf", "kernel.randomize_va_space=2", "kernel.kptr_restrict = 2")
                .write("/usr/lib/sysctl.d/50-vendor.conf", "kernel.randomize_va_space = 1")
                .write("/run/sysctl.d/40-run.conf", "kernel.kptr_restrict = 1");
        SysctlConfig c = SysctlConfig.read(f.root());
        Observation aslr = c.persisted(KEY, ASLR);
        assertEquals(List.of("1"), aslr.values());
        assertEquals(Source.dropIn("/usr/lib/sysctl.d/50-vendor.conf", 1), aslr.source());
        assertEquals(List.of(new Observation.Other("2", Source.dropIn("/etc/sysctl.d/30-hardening.conf", 1),
                "overridden by drop in /usr/lib/sysctl.d/50-vendor.conf:1")), aslr.others());
        assertEquals(Source.dropIn("/run/sysctl.d/40-run.conf", 1), c.persisted("k", "kernel.kptr_restrict").source());

        f.write("/etc/sysctl.conf", "# local", "kernel.randomize_va_space = 0");
        Observation last = SysctlConfig.read(f.root()).persisted(KEY, ASLR);
        assertEquals(List.of("0"), last.values());
        assertEquals(Source.file("/etc/sysctl.conf", 2), last.source());
        assertEquals(2, last.others().size());
    }

    @Test
    void explicitAssignmentBeatsAGlobEvenWhenTheGlobComesLater() {
        Fixture f = new Fixture(root)
                .write("/etc/sysctl.d/10-x.conf", "net.ipv4.conf.all.rp_filter = 1")
                .write("/usr/lib/sysctl.d/50-default.conf", "net.ipv4.conf.*.rp_filter = 2");
        SysctlConfig c = SysctlConfig.read(f.root());
        assertEquals(List.of("1"), c.persisted("k", "net.ipv4.conf.all.rp_filter").values());
        Observation def = c.persisted("k", "net.ipv4.conf.default.rp_filter");
        assertEquals(List.of("2"), def.values());
        assertEquals(Source.dropIn("/usr/lib/sysctl.d/50-default.conf", 1), def.source());
    }

    @Test
    void slashSeparatedNamesAndIgnoredFailureMarker() {
        Fixture f = new Fixture(root).write("/etc/sysctl.d/60-x.conf", "-kernel/yama/ptrace_scope = 2",
                "net/ipv4/conf/eth0.10/rp_filter = 1");
        SysctlConfig c = SysctlConfig.read(f.root());
        assertEquals(Observation.of("k", "2", Source.dropIn("/etc/sysctl.d/60-x.conf", 1)),
                c.persisted("k", "kernel.yama.ptrace_scope"));
        assertEquals(List.of("1"), c.persisted("k", "net.ipv4.conf.eth0/10.rp_filter").values());
        assertEquals("/proc/sys/kernel/yama/ptrace_scope", SysctlConfig.procPath("kernel.yama.ptrace_scope"));
    }

    @Test
    void malformedLineIsUnparseableOnlyWhenItWouldHaveWon() {
        Fixture f = new Fixture(root)
                .write("/etc/sysctl.d/10-a.conf", "kernel.randomize_va_space 2")
                .write("/etc/sysctl.d/20-b.conf", "kernel.randomize_va_space = 2", "kernel.kptr_restrict 1");
        SysctlConfig c = SysctlConfig.read(f.root());
        assertEquals(List.of("2"), c.persisted(KEY, ASLR).values());
        Observation kptr = c.persisted("linux.sysctl.kernel.kptr_restrict", "kernel.kptr_restrict");
        assertEquals(ObservationState.UNPARSEABLE, kptr.state());
        assertEquals(Source.file("/etc/sysctl.d/20-b.conf", 2), kptr.source());
        assertEquals("/etc/sysctl.d/20-b.conf:2: not an assignment (expected 'name = value'): kernel.kptr_restrict 1",
                kptr.reason());
    }

    @Test
    void notSetAnywhereIsAbsentWithTheKernelDefault() {
        Observation o = SysctlConfig.read(root).persisted(KEY, ASLR);
        assertEquals(Observation.absent(KEY, Source.builtInDefault("kernel default"),
                "kernel.randomize_va_space is not set in any sysctl configuration file"), o);
    }

    @Test
    void maskedDropInAndSysctlConfLinkAreHandled() {
        Fixture f = new Fixture(root)
                .write("/usr/lib/sysctl.d/50-default.conf", "kernel.randomize_va_space = 0")
                .link("/etc/sysctl.d/50-default.conf", "/dev/null")
                .write("/etc/sysctl.conf", "kernel.randomize_va_space = 2")
                .link("/etc/sysctl.d/99-sysctl.conf", "../sysctl.conf");
        Observation o = SysctlConfig.read(f.root()).persisted(KEY, ASLR);
        assertEquals(Observation.of(KEY, "2", Source.file("/etc/sysctl.conf", 1)), o);
    }

    @Test
    void unreadableFileAfterTheWinnerMakesItUnreadable() {
        Fixture f = new Fixture(root)
                .write("/etc/sysctl.d/10-a.conf", "kernel.randomize_va_space = 2")
                .dir("/etc/sysctl.d/20-b.conf");
        Observation o = SysctlConfig.read(f.root()).persisted(KEY, ASLR);
        assertEquals(ObservationState.UNREADABLE, o.state());
        assertEquals("/etc/sysctl.d/20-b.conf: is a directory, expected a file", o.reason());
    }

    @Test
    void runningValueAndDrift() {
        Fixture f = new Fixture(root)
                .write("/etc/sysctl.d/10-a.conf", "kernel.randomize_va_space = 2", "fs.suid_dumpable = 0")
                .write("/proc/sys/kernel/randomize_va_space", "1")
                .write("/proc/sys/fs/suid_dumpable", "0")
                .write("/proc/sys/kernel/printk", "4\t4\t1\t7");
        List<Observation> live = SysctlConfig.observeAll(f.context(true),
                List.of(ASLR, "fs.suid_dumpable", "kernel.printk", "kernel.nonexistent"));
        assertEquals(8, live.size());
        assertEquals(Observation.of(KEY, "2", Source.dropIn("/etc/sysctl.d/10-a.conf", 1))
                .with(new Observation.Other("1", Source.runtime("/proc/sys/kernel/randomize_va_space"),
                        "running value differs (drift)")), live.get(0));
        assertEquals(Observation.of("linux.sysctl.running.kernel.randomize_va_space", "1",
                Source.runtime("/proc/sys/kernel/randomize_va_space")), live.get(1));
        assertEquals(List.of(), live.get(2).others());
        Observation printk = live.get(4);
        assertEquals(ObservationState.ABSENT, printk.state());
        assertEquals(List.of(new Observation.Other("4 4 1 7", Source.runtime("/proc/sys/kernel/printk"),
                "running value (not persisted)")), printk.others());
        assertEquals(ObservationState.ABSENT, live.get(7).state());

        List<Observation> offline = SysctlConfig.observeAll(f.context(false), List.of(ASLR));
        assertEquals(Observation.of(KEY, "2", Source.dropIn("/etc/sysctl.d/10-a.conf", 1)), offline.get(0));
        assertEquals(Observation.unavailable("linux.sysctl.running.kernel.randomize_va_space",
                "running kernel parameters exist only on a live system"), offline.get(1));
    }
}
