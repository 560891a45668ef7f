package org.bulwark.linux;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Optional;
import java.util.Set;

/**
 * The type, mode and numeric owner of a file of the target. Owner names are looked up in the target's own
 * {@code /etc/passwd} and {@code /etc/group} (not the assessing machine's), see {@link #ownerName}.
 *
 * @param path the path as the target sees it
 * @param type {@code file}, {@code directory}, {@code symlink} or {@code other}
 * @param mode the permission bits in four octal digits including set-user-id, set-group-id and sticky bits,
 *             e.g. {@code 0640}, {@code 1777}
 * @param uid  the owner's numeric id (unsigned), or -1 when the platform cannot tell
 * @param gid  the group's numeric id (unsigned), or -1 when the platform cannot tell
 */
public record FileStat(String path, String type, String mode, long uid, long gid) {

    /**
     * Reads the attributes of {@code targetPath} (links inside the root are followed).
     *
     * @return empty when the file does not exist
     * @throws UnreadableException when its attributes cannot be read
     */
    public static Optional<FileStat> of(Path root, String targetPath) throws UnreadableException {
        Path file = TargetFiles.resolve(root, targetPath);
        try {
            PosixFileAttributes attrs = Files.readAttributes(file, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            int bits = 0;
            Set<PosixFilePermission> perms = attrs.permissions();
            for (PosixFilePermission p : PosixFilePermission.values()) {
                if (perms.contains(p)) {
                    bits |= 1 << (8 - p.ordinal());
                }
            }
            long uid;
            long gid;
            try {
                Object mode = Files.getAttribute(file, "unix:mode", LinkOption.NOFOLLOW_LINKS);
                bits = ((Integer) mode) & 07777;
                uid = Integer.toUnsignedLong((Integer) Files.getAttribute(file, "unix:uid", LinkOption.NOFOLLOW_LINKS));
                gid = Integer.toUnsignedLong((Integer) Files.getAttribute(file, "unix:gid", LinkOption.NOFOLLOW_LINKS));
            } catch (UnsupportedOperationException | IllegalArgumentException e) {
                uid = -1;
                gid = -1;
            }
            String type = attrs.isRegularFile() ? "file" : attrs.isDirectory() ? "directory"
                    : attrs.isSymbolicLink() ? "symlink" : "other";
            return Optional.of(new FileStat(targetPath, type, String.format("%04o", bits), uid, gid));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UnreadableException(targetPath, TargetFiles.reasonFor(e));
        }
    }

    /**
     * @return the name of numeric id {@code id} in an account database of the target (first field of the row
     *         whose field {@code idColumn} is {@code id}), or the number itself when it has no name
     */
    public static String ownerName(ColonFile database, int idColumn, long id) {
        String wanted = Long.toString(id);
        for (ColonFile.Row row : database.rows()) {
            if (row.get(idColumn).equals(wanted)) {
                return row.name();
            }
        }
        return wanted;
    }

    /** @return whether the mode grants no permission outside {@code allowed} (e.g. {@code 0640}) */
    public boolean atMost(int allowed) {
        return (Integer.parseInt(mode, 8) & ~allowed) == 0;
    }
}
