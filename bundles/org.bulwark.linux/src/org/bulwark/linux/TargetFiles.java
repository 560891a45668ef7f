package org.bulwark.linux;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemLoopException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.bulwark.collector.api.TargetRoot;

/**
 * Reads files of a target whose filesystem is mounted at a root directory, as the target would resolve them
 * and without trusting them: every path is resolved component by component below the root with
 * {@link TargetRoot#resolve} (an absolute link target starts again at the root, {@code ..} stops there, more
 * than {@value TargetRoot#MAX_SYMLINKS} links is an error), so that assessing a mounted image never reads the
 * assessing machine's files; a file is opened only when it is a regular file (checked without following links:
 * a FIFO would block the reader, a device or socket is no configuration), and read with a size bound.
 */
public final class TargetFiles {

    /** Files larger than this are not read (no configuration file of interest is this big). */
    public static final long MAX_FILE_SIZE = 64L * 1024 * 1024;

    /** The reason for a path whose resolution needs more than {@value TargetRoot#MAX_SYMLINKS} links. */
    public static final String TOO_MANY_LINKS = "too many levels of symbolic links";

    private TargetFiles() {
    }

    /**
     * Resolves {@code targetPath} (e.g. {@code /etc/ssh/sshd_config}) below {@code root}, following symbolic
     * links inside the root. Missing path components are kept as they are. The result contains no symbolic
     * link.
     *
     * @throws IllegalArgumentException when the path is not absolute
     * @throws UnreadableException      when resolving it takes more than {@value TargetRoot#MAX_SYMLINKS}
     *                                  symbolic links ({@link #TOO_MANY_LINKS}: a loop) or a link cannot be read
     */
    public static Path resolve(Path root, String targetPath) throws UnreadableException {
        if (!targetPath.startsWith("/")) {
            throw new IllegalArgumentException("not an absolute target path: " + targetPath);
        }
        try {
            return new TargetRoot(root).resolve(targetPath);
        } catch (IOException e) {
            throw new UnreadableException(targetPath, reasonFor(e));
        }
    }

    /**
     * @return the target path a symbolic link at {@code targetPath} points to, as written; empty when it is no link
     * @throws UnreadableException when its directory cannot be resolved or the link cannot be read
     */
    public static Optional<String> linkTarget(Path root, String targetPath) throws UnreadableException {
        Path link = resolve(root, parentOf(targetPath)).resolve(nameOf(targetPath));
        if (!Files.isSymbolicLink(link)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Files.readSymbolicLink(link).toString());
        } catch (IOException e) {
            throw new UnreadableException(targetPath, reasonFor(e));
        }
    }

    /**
     * Reads a text file of the target (UTF-8; invalid bytes are replaced), at most {@link #MAX_FILE_SIZE} bytes.
     *
     * @return the file, or empty when it does not exist
     * @throws UnreadableException when it exists but cannot be read: permission denied, a directory, FIFO,
     *                             socket or device where a file is expected, a link loop, an I/O error, too large
     */
    public static Optional<TextFile> read(Path root, String targetPath) throws UnreadableException {
        Optional<byte[]> bytes = readBytes(root, targetPath, MAX_FILE_SIZE);
        if (bytes.isEmpty()) {
            return Optional.empty();
        }
        String text = new String(bytes.get(), StandardCharsets.UTF_8);
        List<String> lines = new ArrayList<>(Arrays.asList(text.split("\r?\n", -1)));
        if (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
            lines.remove(lines.size() - 1);
        }
        return Optional.of(new TextFile(targetPath, lines));
    }

    /**
     * Reads the bytes of a regular file of the target. The file's type is checked before it is opened, without
     * following links, and it is opened with {@link LinkOption#NOFOLLOW_LINKS}; at most {@code limit} bytes are
     * read (files in {@code /proc} and {@code /sys} report no size, so the bound holds while reading).
     *
     * @return the content, or empty when the file does not exist
     * @throws UnreadableException when it exists but is no regular file, cannot be read or is larger than
     *                             {@code limit}
     */
    public static Optional<byte[]> readBytes(Path root, String targetPath, long limit) throws UnreadableException {
        Path file = resolve(root, targetPath);
        try {
            BasicFileAttributes attrs;
            try {
                attrs = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            } catch (NoSuchFileException e) {
                return Optional.empty();
            }
            if (!attrs.isRegularFile()) {
                throw new UnreadableException(targetPath, notAFile(file, attrs));
            }
            if (attrs.size() > limit) {
                throw new UnreadableException(targetPath, "larger than " + limit + " bytes");
            }
            try (SeekableByteChannel channel = Files.newByteChannel(file, Set.of(StandardOpenOption.READ,
                    LinkOption.NOFOLLOW_LINKS)); InputStream in = Channels.newInputStream(channel)) {
                byte[] content = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
                if (content.length > limit) {
                    throw new UnreadableException(targetPath, "larger than " + limit + " bytes");
                }
                return Optional.of(content);
            }
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UnreadableException(targetPath, reasonFor(e));
        }
    }

    /**
     * Lists the names of the entries in a directory of the target (files, links, anything but names starting
     * with {@code .}), sorted lexically (by Unicode code point, as {@code glob(3)} and systemd sort in the C
     * locale).
     *
     * @param suffix only names ending with it, e.g. {@code ".conf"}; empty for all
     * @return the names; empty when the directory does not exist
     * @throws UnreadableException when the directory exists but cannot be listed or is not a directory
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

    /**
     * @return whether {@code targetPath} exists on the target (after following links inside the root)
     * @throws UnreadableException when it cannot be resolved (a link loop)
     */
    public static boolean exists(Path root, String targetPath) throws UnreadableException {
        return Files.exists(resolve(root, targetPath), LinkOption.NOFOLLOW_LINKS);
    }

    /**
     * @return whether {@code targetPath} is a regular file (after following links inside the root)
     * @throws UnreadableException when it cannot be resolved (a link loop)
     */
    public static boolean isRegularFile(Path root, String targetPath) throws UnreadableException {
        return Files.isRegularFile(resolve(root, targetPath), LinkOption.NOFOLLOW_LINKS);
    }

    /**
     * @return whether {@code targetPath} is a directory (after following links inside the root)
     * @throws UnreadableException when it cannot be resolved (a link loop)
     */
    public static boolean isDirectory(Path root, String targetPath) throws UnreadableException {
        return Files.isDirectory(resolve(root, targetPath), LinkOption.NOFOLLOW_LINKS);
    }

    /** @return why a file of these attributes is not read, e.g. {@code "is a FIFO, expected a file"} */
    private static String notAFile(Path file, BasicFileAttributes attrs) {
        if (attrs.isDirectory()) {
            return "is a directory, expected a file";
        }
        if (attrs.isSymbolicLink()) {
            return "is a symbolic link, expected a file";
        }
        String kind = "a special file";
        try {
            int type = (Integer) Files.getAttribute(file, "unix:mode", LinkOption.NOFOLLOW_LINKS) & 0170000;
            kind = switch (type) {
                case 0010000 -> "a FIFO";
                case 0140000 -> "a socket";
                case 0020000 -> "a character device";
                case 0060000 -> "a block device";
                default -> kind;
            };
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException | ClassCastException e) {
            // the platform cannot tell: "a special file"
        }
        return "is " + kind + ", expected a file";
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
            return TOO_MANY_LINKS;
        }
        String message = e.getMessage() == null ? "" : e.getMessage();
        if (message.contains("Too many levels of symbolic links")) {
            return TOO_MANY_LINKS;
        }
        if (message.contains("Not a directory")) {
            return "not a directory";
        }
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
}
