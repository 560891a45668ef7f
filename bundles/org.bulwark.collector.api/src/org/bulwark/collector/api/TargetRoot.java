package org.bulwark.collector.api;

import java.io.IOException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Objects;

/**
 * The directory where a target's filesystem is mounted (its {@code /}), and how the target's paths resolve
 * below it: as the target's own kernel would resolve them if this directory were its root, and never outside.
 *
 * <p>{@link #resolve} walks the path one component at a time below the directory. A component that is a
 * symbolic link is read (never followed by the host) and replaced by its target: an absolute target starts
 * again at this directory, a relative one at the link's directory; {@code ..} at the top stays at the top, as
 * in a {@code chroot}. After {@value #MAX_SYMLINKS} links (the Linux kernel's limit) resolution ends with a
 * {@link FileSystemLoopException}, so a link loop or an endless chain is an error rather than left to the
 * host's kernel. The result names no symbolic link in any component: open it with
 * {@link java.nio.file.LinkOption#NOFOLLOW_LINKS} where the API allows, check its type without following links
 * before opening it (a FIFO blocks the reader; a device or socket is not a file), and bound what you read.
 * Components that do not exist are kept as they are, so a missing file resolves to the path it would have.
 *
 * <p>An image is assumed not to change while it is assessed: a link created between {@link #resolve} and the
 * open is not seen. Stateless; thread-safe.
 *
 * @param directory the directory, as given
 */
public record TargetRoot(Path directory) {

    /** The most symbolic links one resolution follows, as {@code MAXSYMLINKS} of the Linux kernel. */
    public static final int MAX_SYMLINKS = 40;

    public TargetRoot {
        Objects.requireNonNull(directory, "directory");
    }

    /**
     * Resolves {@code targetPath}, a path as the target sees it (e.g. {@code /etc/ssh/sshd_config}; a relative
     * path is taken from the target's {@code /}), to the file below {@link #directory()}.
     *
     * @return a path below {@link #directory()} with no symbolic link in it
     * @throws FileSystemLoopException when resolving it needs more than {@value #MAX_SYMLINKS} symbolic links
     *                                 (a loop, or a chain that long); its file is {@code targetPath}
     * @throws IOException             when a symbolic link on the way cannot be read, or {@code targetPath} holds a
     *                                 NUL character (no file has such a name: it came from malformed input)
     */
    public Path resolve(String targetPath) throws IOException {
        if (targetPath.indexOf('\0') >= 0) {
            throw new IOException("not a valid path: it holds a NUL character");
        }
        Deque<String> pending = new ArrayDeque<>(segments(targetPath));
        List<String> done = new ArrayList<>();
        int links = 0;
        while (!pending.isEmpty()) {
            String segment = pending.removeFirst();
            if (segment.equals(".")) {
                continue;
            }
            if (segment.equals("..")) {
                if (!done.isEmpty()) {
                    done.remove(done.size() - 1);
                }
                continue;
            }
            done.add(segment);
            Path current = join(done);
            if (!Files.isSymbolicLink(current)) {
                continue;
            }
            if (++links > MAX_SYMLINKS) {
                throw new FileSystemLoopException(targetPath);
            }
            String target = Files.readSymbolicLink(current).toString();
            done.remove(done.size() - 1);
            if (target.startsWith("/")) {
                done.clear();
            }
            List<String> expanded = segments(target);
            for (int i = expanded.size() - 1; i >= 0; i--) {
                pending.addFirst(expanded.get(i));
            }
        }
        return join(done);
    }

    private static List<String> segments(String path) {
        List<String> result = new ArrayList<>();
        for (String s : path.split("/")) {
            if (!s.isEmpty()) {
                result.add(s);
            }
        }
        return result;
    }

    private Path join(List<String> segments) {
        Path p = directory;
        for (String s : segments) {
            p = p.resolve(s);
        }
        return p;
    }
}
