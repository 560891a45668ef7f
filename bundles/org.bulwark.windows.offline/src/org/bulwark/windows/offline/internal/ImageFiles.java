package org.bulwark.windows.offline.internal;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.bulwark.collector.api.TargetRoot;

/**
 * Finds files of a mounted Windows volume by their Windows path, case-insensitively (NTFS is case-insensitive but
 * a Linux mount of it is not), and only below the root: every step resolves through {@link TargetRoot}, so a
 * symbolic link cannot lead outside, and only a regular file (never a FIFO, device or socket) is returned.
 * Stateless apart from the root; thread-safe.
 */
final class ImageFiles {

    /** The most entries one directory is searched through for a name; a larger one is not a Windows directory. */
    static final int MAX_ENTRIES = 100_000;

    /** A file found: its path as the target sees it (with its real case) and the host file to read. */
    record Found(String targetPath, Path file) {
    }

    private final TargetRoot root;

    ImageFiles(Path root) {
        this.root = new TargetRoot(root);
    }

    Path directory() {
        return root.directory();
    }

    /**
     * @param windowsPath a path from the volume's root, e.g. {@code Windows/System32/config/SAM} ({@code \} or
     *                    {@code /} between components)
     * @return the regular file at that path, matched case-insensitively (an exact match first); empty when there is
     *         none
     * @throws IOException when a directory on the way cannot be read, or the path is there but is not a regular file
     */
    Optional<Found> file(String windowsPath) throws IOException {
        Optional<String> path = locate(windowsPath);
        if (path.isEmpty()) {
            return Optional.empty();
        }
        Path file = root.resolve(path.get());
        if (Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.of(new Found(path.get(), file));
        }
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.empty(); // a link to nothing inside the image
        }
        throw new IOException(path.get() + ": " + kind(file) + ", expected a file");
    }

    /**
     * @return the bytes of the regular file {@code found}, opened without following links
     * @throws IOException when it cannot be read or holds more than {@code max} bytes
     */
    static byte[] read(Found found, int max) throws IOException {
        try (java.nio.channels.SeekableByteChannel ch = Files.newByteChannel(found.file(),
                java.nio.file.StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
            long size = ch.size();
            if (size > max) {
                throw new IOException(found.targetPath() + ": " + size + " bytes, more than the " + max
                        + " a policy file may have");
            }
            java.nio.ByteBuffer buffer = java.nio.ByteBuffer.allocate((int) size);
            while (buffer.hasRemaining() && ch.read(buffer) >= 0) {
                // until full or the end of the file
            }
            return java.util.Arrays.copyOf(buffer.array(), buffer.position());
        }
    }

    /** @return the names in the directory at {@code windowsPath}, sorted; empty when it is not a directory */
    List<String> list(String windowsPath) throws IOException {
        Optional<String> path = locate(windowsPath);
        if (path.isEmpty()) {
            return List.of();
        }
        Path dir = root.resolve(path.get());
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            return List.of();
        }
        return entries(dir, path.get());
    }

    /** @return the target path with each component's real case, when every component exists */
    Optional<String> locate(String windowsPath) throws IOException {
        String sofar = "";
        for (String part : windowsPath.replace('\\', '/').split("/")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                throw new IOException(windowsPath + ": '..' is not looked up");
            }
            Path dir = root.resolve(sofar.isEmpty() ? "/" : sofar);
            if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
                return Optional.empty();
            }
            String match = null;
            if (Files.exists(dir.resolve(part), LinkOption.NOFOLLOW_LINKS)) {
                match = part;
            } else {
                for (String name : entries(dir, sofar)) {
                    if (name.toLowerCase(Locale.ROOT).equals(part.toLowerCase(Locale.ROOT))) {
                        match = name;
                        break;
                    }
                }
            }
            if (match == null) {
                return Optional.empty();
            }
            sofar = sofar + "/" + match;
        }
        return Optional.of(sofar.isEmpty() ? "/" : sofar);
    }

    private static List<String> entries(Path dir, String shown) throws IOException {
        List<String> names = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir)) {
            for (Path p : stream) {
                if (names.size() >= MAX_ENTRIES) {
                    throw new IOException((shown.isEmpty() ? "/" : shown) + ": more than " + MAX_ENTRIES
                            + " entries");
                }
                names.add(p.getFileName().toString());
            }
        }
        names.sort(null);
        return names;
    }

    private static String kind(Path p) {
        if (Files.isSymbolicLink(p)) {
            return "a symbolic link";
        }
        if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
            return "a directory";
        }
        return Files.exists(p, LinkOption.NOFOLLOW_LINKS) ? "a FIFO, device or socket" : "missing";
    }
}
