package org.bulwark.linux;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.FileSystemLoopException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.bulwark.collector.api.AssessmentContext;
import org.bulwark.collector.api.Observation;
import org.bulwark.collector.api.Source;
import org.bulwark.collector.api.TargetRoot;
import org.bulwark.collector.tck.Fixture;
import org.bulwark.collector.tck.TestContext;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.function.Executable;

/**
 * An offline image is hostile input. Each image below lives in the test's temporary directory, beside a "host"
 * directory whose files stand for the assessing machine's; nothing of the host may be read. Before the confined
 * resolver, {@link TargetFiles} stopped after 40 links and let the kernel follow the rest from the host's
 * {@code /} (the self link and the 41-link chain read host files), reported a loop as missing, opened FIFOs
 * (blocking forever) and sockets, and {@code AssessmentContext.resolve} followed nothing at all.
 */
class HostileImageTest {

    @TempDir
    Path dir;

    Path image;
    Path marker;
    Fixture f;

    @BeforeEach
    void image() throws IOException {
        image = Files.createDirectories(dir.resolve("image"));
        marker = Files.writeString(Files.createDirectories(dir.resolve("host")).resolve("secret"),
                "PASS_MAX_DAYS host-marker-4f1c\n");
        f = new Fixture(image);
    }

    private UnreadableException unreadable(Executable read) {
        return assertThrows(UnreadableException.class, read);
    }

    @Test
    void aSelfLinkToAHostFileIsALoop() {
        // old code: 40 hops, then the kernel followed /etc/shadow -> /etc/shadow from the host's root
        f.link("/etc/shadow", "/etc/shadow");
        UnreadableException e = unreadable(() -> TargetFiles.read(image, "/etc/shadow"));
        assertEquals("/etc/shadow", e.path());
        assertEquals("too many levels of symbolic links", e.reason());
        assertEquals("too many levels of symbolic links", unreadable(() -> FileStat.of(image, "/etc/shadow")).reason());
        assertEquals("too many levels of symbolic links", unreadable(() -> TargetFiles.exists(image, "/etc/shadow"))
                .reason());
    }

    @Test
    void aChainOf41LinksIsAnErrorAndOf40IsFollowed() throws Exception {
        // old code: after 40 links it returned the 41st link, and opening it read the host's marker
        f.link("/etc/login.defs", "/chain/1");
        for (int i = 1; i < 40; i++) {
            f.link("/chain/" + i, "/chain/" + (i + 1));
        }
        f.link("/chain/40", marker.toString());
        UnreadableException e = unreadable(() -> TargetFiles.read(image, "/etc/login.defs"));
        assertEquals("/etc/login.defs: too many levels of symbolic links", e.getMessage());
        // 40 links (from /chain/1) are what the kernel follows, too: the last one is re-rooted into the image
        assertEquals(Optional.empty(), TargetFiles.read(image, "/chain/1"));
        f.write(marker.toString(), "PASS_MAX_DAYS 90");
        assertEquals(List.of("PASS_MAX_DAYS 90"), TargetFiles.read(image, "/chain/1").orElseThrow().lines());
    }

    @Test
    void aLoopIsAnErrorNotAMissingFile() {
        // old code: exists() said false, so the AIDE database was "not initialised"
        f.link("/var/lib/aide/aide.db", "aide.db.loop").link("/var/lib/aide/aide.db.loop", "/var/lib/aide/aide.db");
        assertEquals("/var/lib/aide/aide.db: too many levels of symbolic links",
                unreadable(() -> TargetFiles.exists(image, "/var/lib/aide/aide.db")).getMessage());
        assertEquals("too many levels of symbolic links",
                unreadable(() -> TargetFiles.read(image, "/var/lib/aide/aide.db")).reason());
        assertEquals("too many levels of symbolic links",
                unreadable(() -> TargetFiles.list(image, "/var/lib/aide/aide.db", "")).reason());
    }

    @Test
    void absoluteLinksAndDotDotStayInTheImage() throws Exception {
        f.link("/etc/login.defs", marker.toString()).link("/etc/environ", "/proc/self/environ")
                .link("/etc/up", "../../../../../../..").write("/etc/passwd", "root:x:0:0::/root:/bin/sh");
        assertEquals(Optional.empty(), TargetFiles.read(image, "/etc/login.defs"));
        assertEquals(Optional.empty(), TargetFiles.read(image, "/etc/environ"));
        assertEquals(image.resolve(marker.toString().substring(1)), TargetFiles.resolve(image, "/etc/login.defs"));
        assertEquals(image.resolve("etc/passwd"), TargetFiles.resolve(image, "/etc/up/etc/passwd"));
        assertEquals(image.resolve("etc/passwd"), new TargetRoot(image).resolve("../../../etc/./passwd"));
    }

    @Test
    void aFifoIsNeverOpened() throws Exception {
        // old code: Files.readAllBytes blocked until a writer came (the sshd collector hung until its deadline)
        Path fifo = Files.createDirectories(image.resolve("etc/ssh")).resolve("sshd_config");
        mkfifo(fifo);
        UnreadableException e = assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> unreadable(() -> TargetFiles.read(image, "/etc/ssh/sshd_config")));
        assertEquals("/etc/ssh/sshd_config: is a FIFO, expected a file", e.getMessage());
        SshdConfig config = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> SshdConfig.read(image));
        Observation root = config.observe("k", "PermitRootLogin", "prohibit-password", "OpenSSH");
        assertEquals(Observation.unreadable("k", Source.file("/etc/ssh/sshd_config", 0),
                "/etc/ssh/sshd_config: is a FIFO, expected a file"), root);
        assertEquals(Optional.of("other"), FileStat.of(image, "/etc/ssh/sshd_config").map(FileStat::type));
    }

    @Test
    void aSocketIsNeverOpened() throws Exception {
        // old code: open() failed with the host path and "No such device or address"
        Path socket = Files.createDirectories(image.resolve("etc/security")).resolve("pwquality.conf");
        try (ServerSocketChannel s = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            s.bind(UnixDomainSocketAddress.of(socket));
            assertEquals("/etc/security/pwquality.conf: is a socket, expected a file",
                    unreadable(() -> TargetFiles.read(image, "/etc/security/pwquality.conf")).getMessage());
        }
    }

    @Test
    void aDeviceIsNeverOpened() throws Exception {
        // old code: /dev/zero reports size 0, so Files.readAllBytes read until OutOfMemoryError
        Path zero = Files.createDirectories(image.resolve("etc")).resolve("login.defs");
        Process mknod = new ProcessBuilder("mknod", zero.toString(), "c", "1", "5").inheritIO().start();
        Assumptions.assumeTrue(mknod.waitFor() == 0 && Files.exists(zero), "mknod needs root");
        assertEquals("/etc/login.defs: is a character device, expected a file",
                unreadable(() -> TargetFiles.read(image, "/etc/login.defs")).getMessage());
    }

    @Test
    void aDirectoryWhereAFileIsExpectedIsAnErrorWithItsPath() {
        // the old TargetFiles said so too; the old platform probe ignored it (LinuxPlatformProbeTest)
        f.dir("/etc/hostname");
        UnreadableException e = unreadable(() -> TargetFiles.readBytes(image, "/etc/hostname", 4096));
        assertEquals("/etc/hostname: is a directory, expected a file", e.getMessage());
        assertEquals("/var/lib/dpkg/status: is a directory, expected a file", unreadable(() -> CompressedFiles
                .read(f.dir("/var/lib/dpkg/status").root(), "/var/lib/dpkg/status")).getMessage());
    }

    @Test
    void readsAreBounded() throws Exception {
        f.write("/etc/hostname", "x".repeat(5000));
        assertEquals("/etc/hostname: larger than 4096 bytes",
                unreadable(() -> TargetFiles.readBytes(image, "/etc/hostname", 4096)).getMessage());
        assertEquals(4096, TargetFiles.readBytes(f.write("/etc/hostname", "x".repeat(4095)).root(), "/etc/hostname",
                4096).orElseThrow().length);
    }

    @Test
    void assessmentContextResolveKeepsItsPromise() throws Exception {
        // old code: root.resolve(path).normalize(), which the caller then opened through the link to the host, and
        // a loop came back as a path
        f.link("/etc/docker/daemon.json", marker.toString()).link("/etc/shadow", "/etc/shadow");
        AssessmentContext context = TestContext.of(image, Duration.ofMinutes(1));
        Path resolved = context.resolve("/etc/docker/daemon.json");
        assertEquals(image.toAbsolutePath().normalize().resolve(marker.toString().substring(1)), resolved);
        assertFalse(Files.exists(resolved));
        assertEquals(image.toAbsolutePath().normalize().resolve("x"), context.resolve("/../../x"));
        UncheckedIOException loop = assertThrows(UncheckedIOException.class, () -> context.resolve("/etc/shadow"));
        assertEquals("/etc/shadow: too many levels of symbolic links", loop.getMessage());
        assertTrue(loop.getCause() instanceof FileSystemLoopException);
    }

    static void mkfifo(Path path) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("mkfifo", path.toString()).inheritIO().start();
        Assumptions.assumeTrue(p.waitFor() == 0, "mkfifo is not available");
    }
}
