package org.bulwark.collector.linux.os.internal;

import org.bulwark.collector.tck.Fixture;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.bulwark.collector.api.Observation;
import org.bulwark.collector.api.ObservationState;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FilesystemWalkCollectorTest {

    @TempDir
    Path root;

    @Test
    void oneWalkFindsWritableUnownedAndSetIdFiles() throws Exception {
        Object uid = Files.getAttribute(root, "unix:uid");
        Object gid = Files.getAttribute(root, "unix:gid");
        Fixture f = new Fixture(root).write("/etc/passwd", "root:x:" + uid + ":" + gid + "::/root:/bin/sh")
                .write("/etc/group", "root:x:" + gid + ":")
                .write("/srv/shared.txt", "x").dir("/srv/drop").dir("/tmp").write("/usr/bin/su", "elf")
                .write("/usr/bin/wall", "elf").write("/proc/1/environ", "x").write("/run/lock/x", "x")
                .link("/srv/link", "/srv/shared.txt").write("/srv/orphan", "x");
        f.chmod("/srv/shared.txt", 0666);
        f.chmod("/srv/drop", 0777);
        f.chmod("/tmp", 01777);
        f.chmod("/usr/bin/su", 04755);
        f.chmod("/usr/bin/wall", 02755);
        f.chmod("/proc/1/environ", 0666);
        f.chmod("/run/lock/x", 0666);
        Assumptions.assumeTrue(Integer.valueOf(0).equals(uid), "changing a file's owner needs root");
        f.chown("/srv/orphan", 4242);

        Map<String, Observation> o = f.collect(new FilesystemWalkCollector(), false);
        assertEquals(List.of("/srv/shared.txt"), o.get("linux.fs.world-writable-files").values());
        assertEquals("1 found", o.get("linux.fs.world-writable-files").reason());
        assertEquals(List.of("/srv/drop"), o.get("linux.fs.world-writable-dirs-without-sticky").values());
        assertEquals(List.of("/srv/orphan"), o.get("linux.fs.unowned").values());
        assertEquals(List.of("/usr/bin/su", "/usr/bin/wall"), o.get("linux.fs.suid-sgid").values().stream().sorted().toList());

        f.chmod("/srv/shared.txt", 0644);
        f.chmod("/srv/drop", 01777);
        Files.delete(root.resolve("srv/orphan"));
        Map<String, Observation> clean = f.collect(new FilesystemWalkCollector(), false);
        assertEquals(ObservationState.ABSENT, clean.get("linux.fs.world-writable-files").state());
        assertEquals(ObservationState.ABSENT, clean.get("linux.fs.world-writable-dirs-without-sticky").state());
        assertEquals(ObservationState.ABSENT, clean.get("linux.fs.unowned").state());
    }

    @Test
    void anUnreadableSubtreeMakesANegativeFindingUnreadable() throws Exception {
        Object uid = Files.getAttribute(root, "unix:uid");
        Object gid = Files.getAttribute(root, "unix:gid");
        Fixture f = new Fixture(root).write("/etc/passwd", "root:x:" + uid + ":" + gid + "::/root:/bin/sh")
                .write("/etc/group", "root:x:" + gid + ":").write("/srv/a/file", "x")
                .link("/srv/loop", "loop");
        Map<String, Observation> o = f.collect(new FilesystemWalkCollector(), false);
        // a symbolic link loop is not followed, so it is no failure
        assertEquals(ObservationState.ABSENT, o.get("linux.fs.world-writable-files").state());
        f.chmod("/srv/a", 0);
        Assumptions.assumeFalse(Integer.valueOf(0).equals(uid), "root reads a directory of mode 0 anyway");
        Observation unreadable = f.collect(new FilesystemWalkCollector(), false).get("linux.fs.world-writable-files");
        assertEquals(ObservationState.UNREADABLE, unreadable.state());
        assertEquals("1 path could not be read, e.g. /srv/a (permission denied)", unreadable.reason());
    }

    @Test
    void ownersCannotBeCheckedWithoutAccountDatabases() throws Exception {
        Fixture f = new Fixture(root).dir("/etc/passwd").write("/etc/group", "root:x:0:");
        Observation o = f.collect(new FilesystemWalkCollector(), false).get("linux.fs.unowned");
        assertEquals(ObservationState.UNREADABLE, o.state());
        assertEquals("owners cannot be checked: is a directory, expected a file", o.reason());
    }
}
