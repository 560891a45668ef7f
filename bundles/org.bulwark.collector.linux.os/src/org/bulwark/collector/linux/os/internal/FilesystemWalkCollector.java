package org.bulwark.collector.linux.os.internal;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.FileVisitor;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;

import org.bulwark.collector.api.AssessmentContext;
import org.bulwark.collector.api.Category;
import org.bulwark.collector.api.Collector;
import org.bulwark.collector.api.Observation;
import org.bulwark.collector.api.ObservationState;
import org.bulwark.collector.api.Source;
import org.bulwark.linux.ColonFile;
import org.bulwark.linux.LinuxCollector;
import org.bulwark.linux.MountTable;
import org.bulwark.linux.TargetFiles;
import org.osgi.service.component.annotations.Component;

/**
 * Every filesystem-wide check in <b>one</b> walk of the target's local filesystems (pseudo and network
 * filesystems, {@code /proc}, {@code /sys}, {@code /dev} and {@code /run} are skipped; symbolic links are not
 * followed). Each key lists the offending paths (at most {@link #MAX_LISTED}, the reason saying how many more)
 * and is ABSENT when there is none, or UNREADABLE when there is none but part of the tree could not be read
 * (e.g. when not run as root):
 * {@code linux.fs.world-writable-files} (regular files writable by everybody),
 * {@code linux.fs.world-writable-dirs-without-sticky}, {@code linux.fs.unowned} (owner or group not in the
 * target's passwd/group; UNAVAILABLE when those cannot be read) and {@code linux.fs.suid-sgid} (an inventory of
 * set-user-ID and set-group-ID files).
 */
@Component(service = Collector.class)
public final class FilesystemWalkCollector extends LinuxCollector {

    /** The most paths one observation lists. */
    static final int MAX_LISTED = 1000;

    static final Set<String> SKIPPED_DIRS = Set.of("/proc", "/sys", "/dev", "/run");

    static final Set<String> SKIPPED_TYPES = Set.of("proc", "sysfs", "devtmpfs", "devpts", "cgroup", "cgroup2",
            "securityfs", "debugfs", "tracefs", "bpf", "pstore", "efivarfs", "mqueue", "hugetlbfs", "configfs",
            "fusectl", "binfmt_misc", "autofs", "rpc_pipefs", "nsfs", "nfs", "nfs4", "cifs", "smb3", "smbfs", "9p",
            "ceph", "glusterfs", "fuse.sshfs", "fuse.gvfsd-fuse", "afs");

    private static final Set<String> PROVIDES = Set.of("linux.fs.world-writable-files",
            "linux.fs.world-writable-dirs-without-sticky", "linux.fs.unowned", "linux.fs.suid-sgid");

    public FilesystemWalkCollector() {
        super("linux.os.filesystem", Category.OPERATING_SYSTEM, PROVIDES);
    }

    /** The paths found for one key, with a count beyond the listed ones. */
    private static final class Findings {
        final List<String> paths = new ArrayList<>();
        int total;

        void add(String path) {
            total++;
            if (paths.size() < MAX_LISTED) {
                paths.add(path);
            }
        }

        Observation observe(String key, Source source, String none, Failures failures) {
            if (total == 0 && failures.count > 0) {
                return Observation.unreadable(key, source, failures.describe());
            }
            if (total == 0) {
                return Observation.absent(key, source, none);
            }
            return new Observation(key, ObservationState.PRESENT, paths, source,
                    (total > paths.size() ? total + " found, the first " + paths.size() + " listed" : total + " found")
                            + (failures.count > 0 ? "; " + failures.describe() : ""),
                    List.of());
        }
    }

    /** Paths the walk could not read; their subtrees are unknown. */
    private static final class Failures {
        int count;
        String first;

        String describe() {
            return count + " path" + (count == 1 ? "" : "s") + " could not be read, e.g. " + first;
        }
    }

    @Override
    public List<Observation> collect(AssessmentContext context) throws IOException {
        Path root = context.root();
        Set<Path> skipped = new HashSet<>();
        for (String d : SKIPPED_DIRS) {
            skipped.add(root.resolve(d.substring(1)));
        }
        if (context.live()) {
            for (MountTable.Mount m : MountTable.read(root, MountTable.PROC_MOUNTS).mounts()) {
                if (SKIPPED_TYPES.contains(m.type()) || m.type().startsWith("fuse.")) {
                    skipped.add(root.resolve(m.mountPoint().substring(1)));
                }
            }
        }
        ColonFile passwd = ColonFile.passwd(root);
        ColonFile group = ColonFile.group(root);
        boolean idsKnown = passwd.failure("x").isEmpty() && group.failure("x").isEmpty();
        Set<Long> uids = new HashSet<>();
        Set<Long> gids = new HashSet<>();
        passwd.rows().forEach(r -> uids.add(Long.parseLong(r.get(2))));
        group.rows().forEach(r -> gids.add(Long.parseLong(r.get(2))));

        Findings writableFiles = new Findings();
        Findings noSticky = new Findings();
        Findings unowned = new Findings();
        Findings setId = new Findings();
        int[] visited = { 0 };
        Failures failures = new Failures();
        Files.walkFileTree(root, Set.of(), Integer.MAX_VALUE, new FileVisitor<Path>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                if (!dir.equals(root) && skipped.contains(dir)) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                visit(dir, attrs);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                visit(file, attrs);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException exc) {
                if (!(exc instanceof NoSuchFileException)) {
                    failures.count++;
                    if (failures.first == null) {
                        failures.first = "/" + root.relativize(file) + " (" + TargetFiles.reasonFor(exc) + ")";
                    }
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException exc) {
                return FileVisitResult.CONTINUE;
            }

            private void visit(Path p, BasicFileAttributes attrs) {
                if ((++visited[0] & 1023) == 0 && (context.isCancelled() || Thread.currentThread().isInterrupted())) {
                    throw new CancellationException("assessment cancelled during the filesystem walk");
                }
                if (attrs.isSymbolicLink()) {
                    return;
                }
                Map<String, Object> unix;
                try {
                    unix = Files.readAttributes(p, "unix:mode,uid,gid", LinkOption.NOFOLLOW_LINKS);
                } catch (IOException | UnsupportedOperationException e) {
                    return;
                }
                int mode = (Integer) unix.get("mode");
                String target = "/" + root.relativize(p).toString();
                if (attrs.isRegularFile() && (mode & 0002) != 0) {
                    writableFiles.add(target);
                }
                if (attrs.isDirectory() && (mode & 0002) != 0 && (mode & 01000) == 0) {
                    noSticky.add(target);
                }
                if (!uids.contains(Integer.toUnsignedLong((Integer) unix.get("uid")))
                        || !gids.contains(Integer.toUnsignedLong((Integer) unix.get("gid")))) {
                    unowned.add(target);
                }
                if (attrs.isRegularFile() && (mode & 06000) != 0) {
                    setId.add(target);
                }
            }
        });
        Source source = Source.derived("one walk of the local filesystems, " + visited[0] + " entries");
        List<Observation> result = new ArrayList<>();
        result.add(writableFiles.observe("linux.fs.world-writable-files", source, "no world-writable files", failures));
        result.add(noSticky.observe("linux.fs.world-writable-dirs-without-sticky", source,
                "every world-writable directory has the sticky bit", failures));
        if (idsKnown) {
            result.add(unowned.observe("linux.fs.unowned", source, "every file has a known owner and group", failures));
        } else {
            Observation why = passwd.failure("linux.fs.unowned").orElseGet(() -> group.failure("linux.fs.unowned").get());
            result.add(new Observation("linux.fs.unowned", why.state(), List.of(), why.source(),
                    "owners cannot be checked: " + why.reason(), List.of()));
        }
        result.add(setId.observe("linux.fs.suid-sgid", source, "no set-user-ID or set-group-ID files", failures));
        return result;
    }
}
