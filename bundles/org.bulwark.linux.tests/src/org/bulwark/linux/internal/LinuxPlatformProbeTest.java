package org.bulwark.linux.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.bulwark.collector.api.PlatformFacts;
import org.bulwark.collector.api.ProbedTarget;
import org.bulwark.collector.tck.Fixture;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Linux platform probe reads the target's identity only through the confined resolver. The old probe
 * ({@code scoring/internal/PlatformProbe}) read {@code root.resolve("etc/machine-id")} and its peers with the
 * host's kernel following links: a machine id linked to {@code /proc/self/environ} made the assessing process's
 * environment the device id, an {@code os-release} linked to a host file named the host's distribution, and a
 * directory or FIFO in their place was silently ignored.
 */
class LinuxPlatformProbeTest {

    private static final String ARCH = System.getProperty("os.arch", "unknown");

    @TempDir
    Path dir;

    private final LinuxPlatformProbe probe = new LinuxPlatformProbe();

    private static String derivedId(String hostname, String osId) {
        return UUID.nameUUIDFromBytes(("bulwark:" + hostname + ":" + osId).getBytes(StandardCharsets.UTF_8))
                .toString().replace("-", "");
    }

    private Fixture debian(String name) throws IOException {
        return new Fixture(Files.createDirectories(dir.resolve(name)))
                .write("/etc/os-release", "PRETTY_NAME=\"Debian GNU/Linux 12 (bookworm)\"", "ID=debian",
                        "VERSION_ID=\"12\"")
                .write("/etc/hostname", "web-01").write("/etc/machine-id", "0123456789abcdef0123456789abcdef");
    }

    /** Replaces the file at {@code path} with a symbolic link to {@code target}. */
    private static Fixture relink(Fixture f, String path, String target) throws IOException {
        Files.delete(f.root().resolve(path.substring(1)));
        return f.link(path, target);
    }

    @Test
    void recognisesADebianImageByItsOwnFiles() throws Exception {
        Fixture f = debian("image");
        assertEquals("linux", probe.id());
        assertEquals(Optional.of(new ProbedTarget(new PlatformFacts("linux", "debian", "12",
                "Debian GNU/Linux 12 (bookworm)", ARCH, "web-01", "0123456789abcdef0123456789abcdef"), false, List.of())),
                probe.probe(f.root()));
        f.write("/etc/machine-id", "").write("/var/lib/dbus/machine-id", "fedcba9876543210fedcba9876543210");
        assertEquals("fedcba9876543210fedcba9876543210", probe.probe(f.root()).orElseThrow().platform().machineId());
    }

    @Test
    void aRootWithoutLinuxFilesIsNotRecognised() throws Exception {
        assertEquals(Optional.empty(), probe.probe(Files.createDirectories(dir.resolve("windows/System32"))));
        // a machine id alone is enough (a minimal container), and names the device
        Fixture f = new Fixture(Files.createDirectories(dir.resolve("d1"))).write("/etc/machine-id", "d1");
        assertEquals(new PlatformFacts("linux", "unknown", "", "unknown", ARCH, "d1", "d1"),
                probe.probe(f.root()).orElseThrow().platform());
    }

    @Test
    void aMachineIdLinkedToTheProcessEnvironmentIsNotRead() throws Exception {
        Fixture f = relink(debian("image"), "/etc/machine-id", "/proc/self/environ");
        ProbedTarget t = probe.probe(f.root()).orElseThrow();
        assertEquals(derivedId("web-01", "debian"), t.platform().machineId());
        assertEquals(List.of(), t.problems());
        // the environment copied into the image is no machine id either: it has NUL separators
        Files.createDirectories(f.root().resolve("proc/self"));
        Files.write(f.root().resolve("proc/self/environ"), "HOME=/root\0PATH=/bin\0".getBytes(StandardCharsets.UTF_8));
        t = probe.probe(f.root()).orElseThrow();
        assertEquals(derivedId("web-01", "debian"), t.platform().machineId());
        assertEquals(List.of("/etc/machine-id: not a line of text; ignored"), t.problems());
    }

    @Test
    void anOsReleaseLinkedToAHostFileIsNotRead() throws Exception {
        Path host = Files.writeString(dir.resolve("host-os-release"), "PRETTY_NAME=\"Host Marker OS\"\nID=hostmarker\n");
        Fixture f = relink(debian("image"), "/etc/os-release", host.toString())
                .write("/usr/lib/os-release", "NAME=\"Debian GNU/Linux\"", "ID=debian");
        PlatformFacts p = probe.probe(f.root()).orElseThrow().platform();
        assertEquals("Debian GNU/Linux", p.osName());
        assertEquals("debian", p.osId());
    }

    @Test
    void unreadableIdentityFilesAreNamedAndReplaced() throws Exception {
        Fixture f = debian("image");
        Files.delete(f.root().resolve("etc/hostname"));
        f.dir("/etc/hostname");
        Files.delete(f.root().resolve("etc/machine-id"));
        Process mkfifo = new ProcessBuilder("mkfifo", f.root().resolve("etc/machine-id").toString()).inheritIO().start();
        Assumptions.assumeTrue(mkfifo.waitFor() == 0, "mkfifo is not available");
        ProbedTarget t = probe.probe(f.root()).orElseThrow();
        assertEquals(List.of("/etc/hostname: is a directory, expected a file",
                "/etc/machine-id: is a FIFO, expected a file"), t.problems());
        assertEquals("image", t.platform().hostname());
        assertEquals(derivedId("image", "debian"), t.platform().machineId());
        relink(f, "/etc/os-release", "/etc/os-release");
        assertEquals(List.of("/etc/hostname: is a directory, expected a file",
                "/etc/machine-id: is a FIFO, expected a file", "/etc/os-release: too many levels of symbolic links"),
                probe.probe(f.root()).orElseThrow().problems());
    }

    @Test
    void theRunningSystemIsLive() {
        Assumptions.assumeTrue(System.getProperty("os.name", "").toLowerCase().contains("linux"), "not Linux");
        ProbedTarget t = probe.probe(Path.of("/")).orElseThrow();
        assertTrue(t.live());
        assertEquals("linux", t.platform().osFamily());
        assertEquals(Optional.empty(), probe.probe(dir));
    }
}
