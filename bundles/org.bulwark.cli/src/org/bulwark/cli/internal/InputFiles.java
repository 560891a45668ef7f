package org.bulwark.cli.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Files given on the command line (exceptions, configuration, a truststore) read whole, but only when they are
 * regular files (after links: {@code /dev/zero}, a FIFO or a directory is refused, never opened) and at most
 * {@link #MAX_BYTES} long, so an input can neither hang a command nor exhaust its memory.
 */
final class InputFiles {

    /** The largest input file read: 16 MiB. */
    static final long MAX_BYTES = 16L * 1024 * 1024;

    private InputFiles() {
    }

    /**
     * @return the file's bytes
     * @throws java.nio.file.NoSuchFileException when there is no such file
     * @throws IOException                        naming why otherwise: not a regular file, larger than the limit,
     *                                            unreadable
     */
    static byte[] read(Path file) throws IOException {
        BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
        if (!attributes.isRegularFile()) {
            throw new IOException(attributes.isDirectory() ? "a directory, not a file"
                    : "not a regular file (a device, FIFO or socket is never read)");
        }
        if (attributes.size() > MAX_BYTES) {
            throw new IOException(tooLarge(attributes.size(), ""));
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] bytes = in.readNBytes((int) MAX_BYTES + 1); // a file that grew since: still bounded
            if (bytes.length > MAX_BYTES) {
                throw new IOException(tooLarge(bytes.length, " or more"));
            }
            return bytes;
        }
    }

    private static String tooLarge(long size, String more) {
        return "larger than the limit of " + MAX_BYTES + " bytes (" + size + more + " bytes)";
    }
}
