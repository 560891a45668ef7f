package org.bulwark.linux;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemLoopException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Reads files of a target whose filesystem is mounted at a root directory, resolving symbolic links the way
 * the target would: an absolute link target is taken relative to the root, so that assessing a mounted image
 * never reads the assessing machine's files.
 */
public final class TargetFiles {

    /** Files larger than this are not read (no configuration file of interest is this big). */
    public static final long MAX_FILE_SIZE = 64L * 1024 * 1024;

    private static final int MAX_LINKS = 40;

    private TargetFiles() {
    }

    /**
     * Resolves {@code targetPath} (e.g. {@code /etc/ssh/sshd_config}) below {@code root}, following
     * symbolic links inside the root. Missing path components are kept as they are.
     *
     * @throws IllegalArgumentException when the path is not absolute
     */
    public static Path resolve(Path root, String targetPath) {
        if (!targetPath.startsWith("/")) {
            throw new IllegalArgumentException("not an absolute target path: " + targetPath);
        }
        List<String> pending = new ArrayList<>(segments(targetPath));
        List<String> done = new ArrayList<>();
        int links = 0;
        while (!pending.isEmpty()) {
            String segment = pending.remove(0);
            if (segment.isEmpty() || segment.equals(".")) {
                continue;
            }
            if (segment.equals("..")) {
                if (!done.isEmpty()) {
                    done.remove(done.size() - 1);
                }
                continue;
            }
            done.add(segment);
            Path current = join(root, done);
            if (Files.isSymbolicLink(current) && links < MAX_LINKS) {
                links++;
                String target;
                try {
                    target = Files.readSymbolicLink(current).toString();
                } catch (IOException e) {
                    continue;
                }
                done.remove(done.size() - 1);
                if (target.startsWith("/")) {
                    done.clear();
                }
                pending.addAll(0, segments(target));
            }
        }
        return join(root, done);
    }

    /** @return the target path a symbolic link at {@code targetPath} points to, as written, or empty */
    public static Optional<String> linkTarget(Path root, String targetPath) {
        Path parent = resolve(root, parentOf(targetPath));
        Path link = parent.resolve(nameOf(targetPath));
        if (!Files.isSymbolicLink(link)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Files.readSymbolicLink(link).toString());
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /**
     * Reads a text file of the target (UTF-8; invalid bytes are replaced).
     *
     * @return the file, or empty when it does not exist
     * @throws UnreadableException when it exists but cannot be read (permission denied, a directory, an I/O
     *                             error, too large)
     */
    public static Optional<TextFile> read(Path root, String targetPath) throws UnreadableException {
        Path file = resolve(root, targetPath);
        try {
            if (Files.isDirectory(file)) {
                throw new UnreadableException(targetPath, "is a directory, expected a file");
            }
            if (Files.exists(file) && Files.size(file) > MAX_FILE_SIZE) {
                throw new UnreadableException(targetPath, "larger than " + MAX_FILE_SIZE + " bytes");
            }
            byte[] bytes = Files.readAllBytes(file);
            String text = new String(bytes, StandardCharsets.UTF_8);
            List<String> lines = new ArrayList<>(Arrays.asList(text.split("\r?\n", -1)));
            if (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
                lines.remove(lines.size() - 1);
            }
            return Optional.of(new TextFile(targetPath, lines));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UnreadableException(targetPath, reasonFor(e));
        }
    }

    /**
     * Lists the names of the regular files (or links to them) in a directory of the target, sorted
     * lexically (by Unicode code point, as {@code glob(3)} and systemd sort in the C locale).
     *
     * @param suffix only names ending with it, e.g. {@code ".conf"}; empty for all
     * @return the names; empty when the directory does not exist
     * @throws UnreadableException when the directory exists but cannot be listed
     */
    public static List<String> list(Path root, String targetDir, String suffix) throws UnreadableException {
        Path dir = resolve(root, targetDir);
        List<String> names = new ArrayList<>();
        if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            return names;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                if (name.endsWith(suffix) && !name.startsWith(".")) {
                    names.add(name);
                }
            }
        } catch (NoSuchFileException e) {
            return names;
        } catch (IOException e) {
            throw new UnreadableException(targetDir, reasonFor(e));
        }
        names.sort(null);
        return names;
    }

    /** @return whether {@code targetPath} exists on the target (after following links inside the root) */
    public static boolean exists(Path root, String targetPath) {
        return Files.exists(resolve(root, targetPath));
    }

    /**
     * The reason shown for an I/O failure: {@code "permission denied"}, {@code "is a directory, expected a
     * file"}, {@code "not a directory"}, {@code "too many levels of symbolic links"} or the error's message.
     */
    public static String reasonFor(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NotDirectoryException) {
            return "not a directory";
        }
        if (e instanceof FileSystemLoopException) {
            return "too many levels of symbolic links";
        }
        String message = e.getMessage() == null ? "" : e.getMessage();
        if (message.contains("Permission denied")) {
            return "permission denied";
        }
        if (message.contains("Is a directory")) {
            return "is a directory, expected a file";
        }
        return message.isEmpty() ? e.getClass().getSimpleName() : message;
    }

    /** @return the parent of a target path, e.g. {@code /etc} for {@code /etc/passwd}; {@code /} for {@code /x} */
    public static String parentOf(String targetPath) {
        int slash = targetPath.lastIndexOf('/');
        return slash <= 0 ? "/" : targetPath.substring(0, slash);
    }

    /** @return the last segment of a target path */
    public static String nameOf(String targetPath) {
        return targetPath.substring(targetPath.lastIndexOf('/') + 1);
    }

    /** @return {@code dir + "/" + name} without a doubled slash */
    public static String child(String dir, String name) {
        return dir.endsWith("/") ? dir + name : dir + "/" + name;
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

    private static Path join(Path root, List<String> segments) {
        Path p = root;
        for (String s : segments) {
            p = p.resolve(s);
        }
        return p;
    }
}
