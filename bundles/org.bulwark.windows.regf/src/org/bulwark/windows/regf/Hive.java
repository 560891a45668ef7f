package org.bulwark.windows.regf;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

import org.bulwark.windows.regf.internal.Regf;

/**
 * An open registry hive file. {@link #open(Path)} maps a regular file (or reads a small one); {@link #parse} reads
 * bytes. Only the base block is checked when opening; keys and values are decoded when asked for, so a large hive
 * opens fast. Confining the path (to a target root) is the caller's job.
 */
public final class Hive implements AutoCloseable {
    /** The largest hive file read: Windows itself limits a hive to 2 GiB. */
    public static final long MAX_SIZE = Integer.MAX_VALUE;
    private static final long MAP_THRESHOLD = 1 << 20;

    private final Regf regf;

    private Hive(Regf regf) {
        this.regf = regf;
    }

    /** Opens a regular file: mapped read-only when larger than 1 MiB, read whole otherwise. */
    public static Hive open(Path file) throws HiveException {
        String name = file.toString();
        if (!Files.isRegularFile(file)) {
            throw new HiveException(name, -1, "not a regular file");
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            if (size > MAX_SIZE) {
                throw new HiveException(name, -1, "file of " + size + " bytes is larger than a hive can be");
            }
            ByteBuffer buffer;
            if (size > MAP_THRESHOLD) {
                buffer = channel.map(FileChannel.MapMode.READ_ONLY, 0, size);
            } else {
                buffer = ByteBuffer.allocate((int) size);
                while (buffer.hasRemaining() && channel.read(buffer) >= 0) {
                    // reads until full or end of file
                }
                buffer.flip();
            }
            return new Hive(Regf.of(buffer, name));
        } catch (IOException e) {
            throw new HiveException(name, -1, "cannot read: " + e.getMessage(), e);
        }
    }

    /** Parses the bytes of a hive file; {@code name} names it in errors. */
    public static Hive parse(byte[] bytes, String name) throws HiveException {
        return new Hive(Regf.of(ByteBuffer.wrap(bytes.clone()), name));
    }

    /** The name of the file (its path as given, or the name given to {@link #parse}). */
    public String name() {
        return regf.name();
    }

    /** The root key. */
    public HiveKey root() {
        return regf.root();
    }

    /**
     * Whether the primary and secondary sequence numbers differ: the hive was not written completely, and changes
     * in its transaction logs ({@code .LOG1/.LOG2}) may not be applied, so its contents may be stale.
     */
    public boolean dirty() {
        return regf.dirty();
    }

    /** The key at a backslash-separated path from the root, compared case-insensitively; "" is the root. */
    public Optional<HiveKey> find(String path) throws HiveException {
        return regf.find(path);
    }

    /** Releases the hive; its keys throw a {@link HiveException} afterwards. */
    @Override
    public void close() {
        regf.close();
    }

    @Override
    public String toString() {
        return "Hive[" + regf.name() + "]";
    }
}
