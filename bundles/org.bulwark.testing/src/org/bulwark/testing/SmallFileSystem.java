package org.bulwark.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;

/**
 * A real small file system for full-disk tests: a {@code tmpfs} of a given size mounted on a directory (Linux, as
 * root: CI's containers), that {@link #fill()} fills up to the last byte and {@link #free()} empties again. A test
 * that cannot mount one is skipped with an assumption naming why.
 */
public final class SmallFileSystem implements AutoCloseable {

    private final Path dir;
    private final Path filler;

    private SmallFileSystem(Path dir) {
        this.dir = dir;
        this.filler = dir.resolve("filler");
    }

    /**
     * Mounts a {@code tmpfs} of {@code size} ({@code mount -o size=}, e.g. {@code 8m}) on {@code dir}, an existing
     * empty directory; skips the test (an assumption) when it cannot be mounted.
     */
    public static SmallFileSystem mount(Path dir, String size) throws IOException, InterruptedException {
        String failure = run(List.of("mount", "-t", "tmpfs", "-o", "size=" + size + ",mode=0700", "tmpfs",
                dir.toString()));
        Assumptions.assumeTrue(failure == null, "cannot mount a small tmpfs for a full disk (needs root on Linux): "
                + failure);
        return new SmallFileSystem(dir);
    }

    /** @return the mounted directory */
    public Path dir() {
        return dir;
    }

    /** Fills the file system until a write fails: "No space left on device". @return the bytes written */
    public long fill() throws IOException {
        byte[] block = new byte[4096];
        long written = 0;
        try (OutputStream out = Files.newOutputStream(filler, java.nio.file.StandardOpenOption.CREATE,
                java.nio.file.StandardOpenOption.APPEND)) {
            while (true) {
                out.write(block);
                written += block.length;
            }
        } catch (IOException e) {
            // full; the last block may be in part written, and a smaller write may still fit
        }
        try (OutputStream out = Files.newOutputStream(filler, java.nio.file.StandardOpenOption.APPEND)) {
            while (true) {
                out.write(0);
                out.flush();
                written++;
            }
        } catch (IOException e) {
            // full to the byte
        }
        return written;
    }

    /** Deletes what {@link #fill()} wrote: the space is back. */
    public void free() throws IOException {
        Files.deleteIfExists(filler);
    }

    /** Unmounts the file system (lazily, should a file still be open), discarding its content. */
    @Override
    public void close() throws IOException, InterruptedException {
        run(List.of("umount", "-l", dir.toString()));
    }

    /** @return null when {@code command} succeeded, otherwise what it said */
    private static String run(List<String> command) throws IOException, InterruptedException {
        Process p;
        try {
            p = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            return e.getMessage();
        }
        String said = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return String.join(" ", command) + ": no answer in 30 s";
        }
        return p.exitValue() == 0 ? null : String.join(" ", command) + ": exit " + p.exitValue() + ": " + said;
    }
}
