package org.bulwark.linux;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The systemd rule for drop-in directories ({@code sysctl.d(5)}, {@code systemd.unit(5)},
 * {@code modprobe.d(5)}): files from several directories are read sorted by file name; a file in an earlier
 * directory of the list replaces every file of the same name in later ones, and a file linked to
 * {@code /dev/null} masks that name.
 */
public final class DropInDirectories {

    /** Which file of a merged listing is read, or which directory could not be listed. */
    public record Entry(String path, UnreadableException unreadable) {
        /** @return whether this entry is a directory that could not be listed */
        public boolean isUnreadable() {
            return unreadable != null;
        }
    }

    private DropInDirectories() {
    }

    /**
     * Merges directories in order of precedence.
     *
     * @param dirs   target directories, the one whose files win first (e.g. {@code /etc/sysctl.d})
     * @param suffix e.g. {@code ".conf"}
     * @return the files to read, in the order they are read, preceded by an unreadable entry for every
     *         directory that could not be listed
     */
    public static List<Entry> merge(Path root, List<String> dirs, String suffix) {
        List<Entry> result = new ArrayList<>();
        Map<String, String> byName = new TreeMap<>();
        for (String dir : dirs) {
            List<String> names;
            try {
                names = TargetFiles.list(root, dir, suffix);
            } catch (UnreadableException e) {
                result.add(new Entry(dir, e));
                continue;
            }
            for (String name : names) {
                String path = TargetFiles.child(dir, name);
                byName.putIfAbsent(name, path);
            }
        }
        for (String path : byName.values()) {
            try {
                if (!TargetFiles.linkTarget(root, path).orElse("").equals("/dev/null")) {
                    result.add(new Entry(path, null));
                }
            } catch (UnreadableException e) {
                result.add(new Entry(path, e));
            }
        }
        return result;
    }
}
