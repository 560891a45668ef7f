package org.bulwark.linux;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.bulwark.collector.api.Observation;
import org.bulwark.collector.api.Source;
import org.bulwark.collector.api.SourceKind;

/** Observations of a file's mode and ownership. Stateless; thread-safe. */
public final class FileObservations {

    private FileObservations() {
    }

    /** @return the key prefix of a file's observations, e.g. {@code linux.file./etc/shadow} */
    public static String keyPrefix(String path) {
        return "linux.file." + path;
    }

    /**
     * Three observations of {@code path}: {@code linux.file.PATH.mode} (e.g. {@code 0640}), {@code .owner} and
     * {@code .group} (names from the target's {@code passwd} and {@code group}, or the number when it has no
     * name). All ABSENT when the file does not exist; UNREADABLE when its attributes cannot be read.
     */
    public static List<Observation> modeAndOwner(Path root, String path, ColonFile passwd, ColonFile group) {
        String prefix = keyPrefix(path);
        Source source = new Source(SourceKind.DERIVED, path, 0, "file attributes");
        Optional<FileStat> stat;
        try {
            stat = FileStat.of(root, path);
        } catch (UnreadableException e) {
            return List.of(Observation.unreadable(prefix + ".mode", source, e.reason()),
                    Observation.unreadable(prefix + ".owner", source, e.reason()),
                    Observation.unreadable(prefix + ".group", source, e.reason()));
        }
        if (stat.isEmpty()) {
            String reason = path + " does not exist";
            return List.of(Observation.absent(prefix + ".mode", source, reason),
                    Observation.absent(prefix + ".owner", source, reason),
                    Observation.absent(prefix + ".group", source, reason));
        }
        FileStat s = stat.get();
        return List.of(Observation.of(prefix + ".mode", s.mode(), source),
                Observation.of(prefix + ".owner", FileStat.ownerName(passwd, 2, s.uid()), source),
                Observation.of(prefix + ".group", FileStat.ownerName(group, 2, s.gid()), source));
    }
}
