package org.bulwark.operations.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Atomic replacement of regular files; special files and symbolic links are refused and left as they are. */
class FileOutputTest {

    private final AtomicFileOutput output = new AtomicFileOutput();

    @TempDir
    Path dir;

    private List<String> names() throws IOException {
        try (var s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void writesAndReplacesAFileInDirectoriesItCreates() throws IOException {
        Path target = dir.resolve("a/b/report.json");
        output.replace(target, "one".getBytes(StandardCharsets.UTF_8));
        assertEquals("one", Files.readString(target));
        output.replace(target, "two".getBytes(StandardCharsets.UTF_8));
        assertEquals("two", Files.readString(target));
        try (var s = Files.list(target.getParent())) {
            assertEquals(List.of("report.json"), s.map(p -> p.getFileName().toString()).toList(),
                    "no temporary file is left");
        }
    }

    @Test
    void aFifoIsRefusedAndLeftAsItIs() throws Exception {
        Path fifo = dir.resolve("pipe");
        Process p = new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start();
        assertTrue(p.waitFor(10, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue());
        IOException e = assertThrows(IOException.class, () -> output.replace(fifo, new byte[] { 1 }));
        assertEquals("cannot write " + fifo + ": it is not a regular file (a directory, device or FIFO), so it is "
                + "not replaced", e.getMessage());
        assertTrue(Files.readAttributes(fifo, java.nio.file.attribute.BasicFileAttributes.class,
                java.nio.file.LinkOption.NOFOLLOW_LINKS).isOther(), "still a FIFO");
        assertEquals(List.of("pipe"), names());
    }

    @Test
    void aDeviceIsRefused() {
        IOException e = assertThrows(IOException.class, () -> output.replace(Path.of("/dev/null"), new byte[0]));
        assertEquals("cannot write /dev/null: it is not a regular file (a directory, device or FIFO), so it is not "
                + "replaced", e.getMessage());
    }

    @Test
    void aDirectoryIsRefused() throws IOException {
        Path sub = Files.createDirectory(dir.resolve("sub"));
        IOException e = assertThrows(IOException.class, () -> output.replace(sub, new byte[0]));
        assertEquals("cannot write " + sub + ": it is not a regular file (a directory, device or FIFO), so it is not "
                + "replaced", e.getMessage());
    }

    @Test
    void aSymbolicLinkIsRefusedAndItsTargetKept() throws IOException {
        Path real = Files.writeString(dir.resolve("real.txt"), "kept");
        Path link = Files.createSymbolicLink(dir.resolve("link.txt"), real);
        IOException e = assertThrows(IOException.class, () -> output.replace(link, new byte[] { 'x' }));
        assertEquals("cannot write " + link + ": it is a symbolic link; give the file it points to", e.getMessage());
        assertEquals("kept", Files.readString(real));
        assertTrue(Files.isSymbolicLink(link));
        Path dangling = Files.createSymbolicLink(dir.resolve("dangling"), dir.resolve("nowhere"));
        assertThrows(IOException.class, () -> output.replace(dangling, new byte[] { 'x' }));
        assertEquals(List.of("dangling", "link.txt", "real.txt"), names());
    }

    @Test
    void aFileInThePlaceOfTheDirectoryIsAClearError() throws IOException {
        Path file = Files.writeString(dir.resolve("file"), "x");
        Path target = file.resolve("report.json");
        IOException e = assertThrows(IOException.class, () -> output.replace(target, new byte[] { 1 }));
        assertEquals("cannot write " + target + ": " + file, e.getMessage());
        assertEquals("x", Files.readString(file));
    }
}
