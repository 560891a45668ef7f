package org.bulwark.linux;

import org.bulwark.collector.tck.Fixture;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import org.bulwark.collector.api.Observation;
import org.bulwark.collector.api.ObservationState;
import org.bulwark.collector.api.Source;
import org.bulwark.collector.api.SourceKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModprobeConfigTest {

    @TempDir
    Path root;

    @Test
    void installAndBlacklistWithPrecedence() {
        Fixture f = new Fixture(root)
                .write("/usr/lib/modprobe.d/10-cis.conf", "install cramfs /bin/true")
                .write("/etc/modprobe.d/10-cis.conf", "install cramfs /bin/false", "blacklist cramfs")
                .write("/etc/modprobe.d/20-usb.conf", "# no usb storage", "install usb_storage /bin/false",
                        "blacklist", "install udf");
        ModprobeConfig c = ModprobeConfig.read(f.root());
        assertEquals(Observation.of("k", "/bin/false", Source.dropIn("/etc/modprobe.d/10-cis.conf", 1)),
                c.observeInstall("k", "cramfs"));
        assertEquals(Observation.of("k", "yes", Source.dropIn("/etc/modprobe.d/10-cis.conf", 2)),
                c.observeBlacklist("k", "cramfs"));
        assertEquals(Source.dropIn("/etc/modprobe.d/20-usb.conf", 2), c.observeInstall("k", "usb-storage").source());
        assertEquals(ObservationState.ABSENT, c.observeBlacklist("k", "usb-storage").state());
        Observation udf = c.observeInstall("k", "udf");
        assertEquals(ObservationState.UNPARSEABLE, udf.state());
        assertEquals("/etc/modprobe.d/20-usb.conf:4: install needs a command", udf.reason());
    }

    @Test
    void loadedModulesOnlyOnALiveSystem() {
        Fixture f = new Fixture(root).write("/proc/modules", "usb_storage 81920 0 - Live 0x0", "ext4 1 0 - Live 0x0");
        assertEquals(Observation.of("k", "yes", Source.runtime("/proc/modules")),
                ModprobeConfig.observeLoaded(f.context(true), "k", "usb-storage"));
        assertEquals(List.of("no"), ModprobeConfig.observeLoaded(f.context(true), "k", "cramfs").values());
        assertEquals(ObservationState.UNAVAILABLE, ModprobeConfig.observeLoaded(f.context(false), "k", "cramfs").state());
    }

    @Test
    void fileModeAndOwnerUseTheTargetsAccountNames() throws Exception {
        Fixture f = new Fixture(root).write("/etc/gshadow", "root:*::")
                .write("/etc/passwd", "root:x:" + Files.getAttribute(root, "unix:uid") + ":0::/root:/bin/sh")
                .write("/etc/group", "shadow:x:" + Files.getAttribute(root, "unix:gid") + ":");
        Files.setPosixFilePermissions(root.resolve("etc/gshadow"), PosixFilePermissions.fromString("rw-r-----"));
        Source source = new Source(SourceKind.DERIVED, "/etc/gshadow", 0, "file attributes");
        assertEquals(List.of(Observation.of("linux.file./etc/gshadow.mode", "0640", source),
                Observation.of("linux.file./etc/gshadow.owner", "root", source),
                Observation.of("linux.file./etc/gshadow.group", "shadow", source)),
                FileObservations.modeAndOwner(f.root(), "/etc/gshadow", ColonFile.passwd(f.root()), ColonFile.group(f.root())));
        assertEquals(ObservationState.ABSENT, FileObservations.modeAndOwner(f.root(), "/etc/gshadow-",
                ColonFile.passwd(f.root()), ColonFile.group(f.root())).get(0).state());
    }
}
