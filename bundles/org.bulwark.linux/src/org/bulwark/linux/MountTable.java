package org.bulwark.linux;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.bulwark.collector.api.Observation;
import org.bulwark.collector.api.Source;
import org.bulwark.collector.api.SourceKind;

/**
 * A mount table in {@code fstab(5)} format: {@code /etc/fstab} (what is mounted at boot) or
 * {@code /proc/mounts} (what is mounted now). Octal escapes such as {@code \040} are decoded. When a mount
 * point appears twice, the last entry is the one in effect (it is mounted over the earlier one). Immutable
 * once read; thread-safe.
 */
public final class MountTable {

    /** The boot-time table. */
    public static final String FSTAB = "/etc/fstab";
    /** The running table. */
    public static final String PROC_MOUNTS = "/proc/mounts";

    /**
     * One mount.
     *
     * @param device     e.g. {@code tmpfs}, {@code UUID=...}
     * @param mountPoint e.g. {@code /tmp}
     * @param type       e.g. {@code ext4}
     * @param options    the options in order, e.g. {@code [rw, nosuid, nodev]}
     * @param source     the file and line
     */
    public record Mount(String device, String mountPoint, String type, List<String> options, Source source) {
    }

    private final String path;
    private final boolean exists;
    private final UnreadableException unreadable;
    private final List<Mount> mounts;
    private final List<ParseProblem> problems;

    private MountTable(String path, boolean exists, UnreadableException unreadable, List<Mount> mounts,
            List<ParseProblem> problems) {
        this.path = path;
        this.exists = exists;
        this.unreadable = unreadable;
        this.mounts = List.copyOf(mounts);
        this.problems = List.copyOf(problems);
    }

    /** Reads a table below {@code root}; never throws. */
    public static MountTable read(Path root, String path) {
        Optional<TextFile> file;
        try {
            file = TargetFiles.read(root, path);
        } catch (UnreadableException e) {
            return new MountTable(path, true, e, List.of(), List.of());
        }
        if (file.isEmpty()) {
            return new MountTable(path, false, null, List.of(), List.of());
        }
        boolean runtime = path.startsWith("/proc/");
        List<Mount> mounts = new ArrayList<>();
        List<ParseProblem> problems = new ArrayList<>();
        for (TextFile.Line content : file.get().content("#")) {
            String line = content.text();
            int number = content.number();
            String[] f = line.split("\\s+");
            if (f.length < 3) {
                String mp = f.length > 1 ? unescape(f[1]) : null;
                problems.add(new ParseProblem(path, number, mp, "expected at least 3 fields, found " + f.length));
                continue;
            }
            List<String> options = f.length > 3 ? Arrays.asList(unescape(f[3]).split(",")) : List.of("defaults");
            Source source = runtime ? new Source(SourceKind.RUNTIME, path, number, null)
                    : Source.file(path, number);
            mounts.add(new Mount(unescape(f[0]), unescape(f[1]), f[2], options, source));
        }
        return new MountTable(path, true, null, mounts, problems);
    }

    /** @return the mounts in file order */
    public List<Mount> mounts() {
        return mounts;
    }

    /** @return whether the table exists */
    public boolean exists() {
        return exists;
    }

    /** @return the entry in effect for {@code mountPoint} (the last one) */
    public Optional<Mount> find(String mountPoint) {
        Mount found = null;
        for (Mount m : mounts) {
            if (m.mountPoint().equals(mountPoint)) {
                found = m;
            }
        }
        return Optional.ofNullable(found);
    }

    /**
     * The options of the mount at {@code mountPoint} as observation {@code key} (one value per option):
     * ABSENT when nothing is mounted there (no separate filesystem); UNPARSEABLE when a malformed line names
     * that mount point; UNREADABLE when the table cannot be read.
     */
    public Observation observeOptions(String key, String mountPoint) {
        if (unreadable != null) {
            return Observation.unreadable(key, Source.file(path, 0), unreadable.reason());
        }
        for (ParseProblem p : problems) {
            if (mountPoint.equals(p.setting())) {
                return p.toObservation(key);
            }
        }
        Optional<Mount> m = find(mountPoint);
        if (m.isEmpty()) {
            return Observation.absent(key, Source.file(path, 0),
                    exists ? "no separate filesystem is mounted at " + mountPoint + " in " + path
                            : path + " does not exist");
        }
        return Observation.ofAll(key, m.get().options(), m.get().source());
    }

    /** Decodes the octal escapes of fstab(5) ({@code \040} is a space). */
    static String unescape(String s) {
        if (s.indexOf('\\') < 0) {
            return s;
        }
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 3 < s.length() && s.substring(i + 1, i + 4).matches("[0-7]{3}")) {
                b.append((char) Integer.parseInt(s.substring(i + 1, i + 4), 8));
                i += 3;
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }
}
