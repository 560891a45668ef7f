package org.bulwark.windows.offline.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Random;

import org.bulwark.collector.api.ProbedTarget;
import org.bulwark.windows.api.Hkey;
import org.bulwark.windows.api.RegPath;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A hostile image cannot make Bulwark read outside it, block on a FIFO, or crash the probe. */
class HostileImageTest {

    @TempDir
    Path dir;

    @Test
    void aHiveLinkedToAHostFileResolvesInsideTheImage() throws Exception {
        Path root = Files.createDirectories(dir.resolve("image"));
        Path host = dir.resolve("host-secret");
        Images.system().write(host);
        Path cfg = Images.client(root, "Windows", "System32", "config");
        Files.delete(cfg.resolve("SYSTEM"));
        Files.createSymbolicLink(cfg.resolve("SYSTEM"), host);
        OfflineTarget t = OfflineTarget.open(new ImageFiles(root));
        assertEquals("/Windows/System32/config/SYSTEM: the hive is not in the image", t.problems().get(0));
        Files.delete(cfg.resolve("SYSTEM"));
        Files.createSymbolicLink(cfg.resolve("SYSTEM"), Path.of("../../../../host-secret"));
        assertEquals("/Windows/System32/config/SYSTEM: the hive is not in the image",
                OfflineTarget.open(new ImageFiles(root)).problems().get(0));
    }

    @Test
    void aFifoInConfigIsNotOpened() throws Exception {
        Path root = Files.createDirectories(dir.resolve("image"));
        Path cfg = Images.client(root, "Windows", "System32", "config");
        Files.delete(cfg.resolve("SAM"));
        Process mkfifo = new ProcessBuilder("mkfifo", cfg.resolve("SAM").toString()).start();
        Assumptions.assumeTrue(mkfifo.waitFor() == 0, "mkfifo is not available");
        OfflineTarget t = assertTimeoutPreemptively(Duration.ofSeconds(20),
                () -> OfflineTarget.open(new ImageFiles(root)));
        assertEquals(List.of("/Windows/System32/config/SAM: a FIFO, device or socket, expected a file"),
                t.problems());
    }

    @Test
    void aDirectoryLinkLoopEndsAsAProblem() throws Exception {
        Path root = Files.createDirectories(dir.resolve("image"));
        Path cfg = Images.client(root, "Windows", "System32", "config");
        Files.createSymbolicLink(root.resolve("Users/bob"), Path.of("bob"));
        OfflineTarget t = OfflineTarget.open(new ImageFiles(root));
        assertEquals(List.of(), t.problems());
        assertEquals(true, Files.isRegularFile(cfg.resolve("SAM")));
    }

    @Test
    void mutatedHivesNeverCrashTheProbeOrTheViews() throws Exception {
        Path root = Files.createDirectories(dir.resolve("image"));
        Path cfg = Images.client(root, "Windows", "System32", "config");
        byte[] software = Files.readAllBytes(cfg.resolve("SOFTWARE"));
        byte[] system = Files.readAllBytes(cfg.resolve("SYSTEM"));
        Random random = new Random(20261202L);
        WindowsPlatformProbe probe = new WindowsPlatformProbe();
        for (int i = 0; i < 150; i++) {
            Files.write(cfg.resolve("SOFTWARE"), mutate(software, random));
            Files.write(cfg.resolve("SYSTEM"), mutate(system, random));
            Optional<ProbedTarget> t = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> probe.probe(root));
            assertEquals("windows", t.orElseThrow().platform().osFamily());
            OfflineTarget target = OfflineTarget.open(new ImageFiles(root));
            try {
                target.registry().value(RegPath.of(Hkey.SYSTEM, "CurrentControlSet\\Control\\Lsa"), "RunAsPPL");
                target.registry().subkeys(RegPath.of(Hkey.SOFTWARE, "Microsoft"));
            } catch (org.bulwark.windows.api.WindowsReadException expected) {
                assertEquals(true, expected.file().startsWith("/Windows/System32/config/"), expected.file());
            }
        }
    }

    private static byte[] mutate(byte[] seed, Random random) {
        byte[] out = random.nextInt(8) == 0 ? java.util.Arrays.copyOf(seed, random.nextInt(seed.length))
                : seed.clone();
        int flips = 1 + random.nextInt(16);
        for (int j = 0; j < flips && out.length > 0; j++) {
            int at = random.nextInt(4) == 0 ? random.nextInt(Math.min(out.length, 4096)) : random.nextInt(out.length);
            out[at] = (byte) random.nextInt(256);
        }
        return out;
    }
}
