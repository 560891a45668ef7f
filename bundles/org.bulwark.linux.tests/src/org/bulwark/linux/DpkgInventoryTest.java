package org.bulwark.linux;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.bulwark.collector.tck.Fixture;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The software inventory of {@link DpkgStatus}: source packages, (name, architecture) keys, installed states. */
class DpkgInventoryTest {

    /** Real stanzas of a Debian 12 machine (description and dependency fields left out). */
    private static final String[] REAL = {
            "Package: bsdutils", "Status: install ok installed", "Priority: required", "Section: utils",
            "Installed-Size: 355", "Maintainer: util-linux packagers <util-linux@packages.debian.org>",
            "Architecture: amd64", "Multi-Arch: foreign", "Source: util-linux (2.38.1-5+deb12u3)",
            "Version: 1:2.38.1-5+deb12u3", "",
            "Package: bash", "Status: install ok installed", "Priority: required", "Section: shells",
            "Installed-Size: 7164", "Maintainer: Matthias Klose <doko@debian.org>", "Architecture: amd64",
            "Multi-Arch: foreign", "Source: bash (5.2.15-2)", "Version: 5.2.15-2+b8", "",
            "Package: gcc", "Status: install ok installed", "Priority: optional", "Section: devel",
            "Installed-Size: 47", "Maintainer: Debian GCC Maintainers <debian-gcc@lists.debian.org>",
            "Architecture: amd64", "Source: gcc-defaults (1.203)", "Version: 4:12.2.0-3", "",
            "Package: libc6", "Status: install ok installed", "Priority: optional", "Section: libs",
            "Installed-Size: 13001", "Maintainer: GNU Libc Maintainers <debian-glibc@lists.debian.org>",
            "Architecture: amd64", "Multi-Arch: same", "Source: glibc", "Version: 2.36-9+deb12u14", "",
            "Package: libc6", "Status: install ok installed", "Priority: optional", "Section: libs",
            "Installed-Size: 12683", "Maintainer: GNU Libc Maintainers <debian-glibc@lists.debian.org>",
            "Architecture: i386", "Multi-Arch: same", "Source: glibc", "Version: 2.36-9+deb12u14", "",
            "Package: coreutils", "Status: install ok installed", "Architecture: amd64", "Version: 9.1-1", "",
            "Package: telnet", "Status: deinstall ok config-files", "Architecture: amd64", "Version: 0.17+2.4-2", "",
            "Package: ftp", "Status: purge ok not-installed", "Architecture: amd64", "" };

    @TempDir
    Path root;

    @Test
    void sourcePackagesAndMultiArchPairs() {
        new Fixture(root).write(DpkgStatus.PATH, REAL);
        DpkgStatus db = DpkgStatus.read(root);
        assertEquals(List.of(
                new DpkgStatus.Package("bsdutils", "1:2.38.1-5+deb12u3", "amd64", "installed", 1, "util-linux",
                        "2.38.1-5+deb12u3"),
                new DpkgStatus.Package("bash", "5.2.15-2+b8", "amd64", "installed", 12, "bash", "5.2.15-2"),
                new DpkgStatus.Package("gcc", "4:12.2.0-3", "amd64", "installed", 23, "gcc-defaults", "1.203"),
                new DpkgStatus.Package("libc6", "2.36-9+deb12u14", "amd64", "installed", 33, "glibc",
                        "2.36-9+deb12u14"),
                new DpkgStatus.Package("libc6", "2.36-9+deb12u14", "i386", "installed", 44, "glibc",
                        "2.36-9+deb12u14"),
                new DpkgStatus.Package("coreutils", "9.1-1", "amd64", "installed", 55, "coreutils", "9.1-1")),
                List.copyOf(db.inventory().values()));
        assertEquals(List.of(new DpkgStatus.Key("bsdutils", "amd64"), new DpkgStatus.Key("bash", "amd64"),
                new DpkgStatus.Key("gcc", "amd64"), new DpkgStatus.Key("libc6", "amd64"),
                new DpkgStatus.Key("libc6", "i386"), new DpkgStatus.Key("coreutils", "amd64")),
                List.copyOf(db.inventory().keySet()));
        assertEquals(List.of("bsdutils", "bash", "gcc", "libc6", "coreutils"), List.copyOf(db.installed().keySet()));
        assertEquals("amd64", db.installed("libc6").get().architecture());
        assertEquals(List.of(), db.problems());
    }

    @Test
    void architectureQualifiedNamesAreStrippedAndMalformedSourcesReported() {
        new Fixture(root).write(DpkgStatus.PATH,
                "Package: zlib1g:amd64", "Status: install ok installed", "Architecture: amd64",
                "Source: zlib:amd64 (1:1.2.13.dfsg-1)", "Version: 1:1.2.13.dfsg-1", "",
                "Package: broken", "Status: install ok installed", "Source: x (1.0", "Version: 1.0", "",
                "Package: spaced", "Status: install ok installed", "Source: a b", "Version: 1.0", "",
                "Package: emptyver", "Status: install ok installed", "Source: y ()", "Version: 1.0", "",
                "Package: dup", "Status: install ok installed", "Architecture: all", "Version: 1", "",
                "Package: dup", "Status: install ok installed", "Architecture: all", "Version: 2");
        DpkgStatus db = DpkgStatus.read(root);
        assertEquals(List.of(
                new DpkgStatus.Package("zlib1g", "1:1.2.13.dfsg-1", "amd64", "installed", 1, "zlib", "1:1.2.13.dfsg-1"),
                new DpkgStatus.Package("dup", "1", "all", "installed", 22, "dup", "1")),
                List.copyOf(db.inventory().values()));
        assertEquals(List.of(
                "/var/lib/dpkg/status:7: malformed Source of broken: 'x (1.0'",
                "/var/lib/dpkg/status:12: malformed Source of spaced: 'a b'",
                "/var/lib/dpkg/status:17: malformed Source of emptyver: 'y ()'",
                "/var/lib/dpkg/status:27: second paragraph for dup:all"),
                db.problems().stream().map(ParseProblem::describe).toList());
    }

    /** The parser against dpkg itself on the build machine's own database. */
    @Test
    void agreesWithDpkgQueryOnThisMachine() throws Exception {
        Path dpkgQuery = Path.of("/usr/bin/dpkg-query");
        Assumptions.assumeTrue(Files.isExecutable(dpkgQuery) && Files.isRegularFile(Path.of(DpkgStatus.PATH)),
                "dpkg-query or " + DpkgStatus.PATH + " absent: not a Debian-based build machine");
        Process p = new ProcessBuilder(dpkgQuery.toString(), "-W", "-f",
                "${binary:Package}\\t${Architecture}\\t${Version}\\t${source:Package}\\t${source:Version}\\t"
                        + "${db:Status-Status}\\n")
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out;
        try (InputStream in = p.getInputStream()) {
            out = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "dpkg-query did not finish");
        assertEquals(0, p.exitValue());
        Map<DpkgStatus.Key, String> expected = new LinkedHashMap<>();
        for (String line : out.split("\n")) {
            String[] f = line.split("\t", -1);
            if (f.length != 6 || f[5].equals("not-installed") || f[5].equals("config-files")) {
                continue;
            }
            String name = f[0].contains(":") ? f[0].substring(0, f[0].indexOf(':')) : f[0];
            expected.put(new DpkgStatus.Key(name, f[1]), f[2] + " " + f[3] + " " + f[4] + " " + f[5]);
        }
        DpkgStatus db = DpkgStatus.read(Path.of("/"));
        Map<DpkgStatus.Key, String> actual = new LinkedHashMap<>();
        db.inventory().forEach((k, v) -> actual.put(k,
                v.version() + " " + v.sourceName() + " " + v.sourceVersion() + " " + v.status()));
        assertEquals(List.of(), db.problems());
        assertEquals(new java.util.TreeMap<>(expected.entrySet().stream()
                .collect(java.util.stream.Collectors.toMap(e -> e.getKey().toString(), Map.Entry::getValue))),
                new java.util.TreeMap<>(actual.entrySet().stream()
                        .collect(java.util.stream.Collectors.toMap(e -> e.getKey().toString(), Map.Entry::getValue))));
    }

    /** Mutated real stanzas: the reader never throws, never hangs, never lists more packages than "Package:" fields. */
    @Test
    void fuzzedDatabasesNeverThrow() throws IOException {
        byte[] real = (String.join("\n", REAL) + "\n").getBytes(StandardCharsets.UTF_8);
        Random random = new Random(0x50C4CEL);
        Path file = root.resolve("var/lib/dpkg/status");
        Files.createDirectories(file.getParent());
        for (int round = 0; round < 300; round++) {
            byte[] mutated = real.clone();
            int edits = 1 + random.nextInt(12);
            for (int e = 0; e < edits; e++) {
                int at = random.nextInt(mutated.length);
                mutated[at] = switch (random.nextInt(5)) {
                case 0 -> (byte) '(';
                case 1 -> (byte) ')';
                case 2 -> (byte) ':';
                case 3 -> (byte) '\n';
                default -> (byte) random.nextInt(256);
                };
            }
            Files.write(file, mutated);
            List<Integer> counts = new ArrayList<>();
            assertTimeoutPreemptively(Duration.ofSeconds(10), () -> counts.add(DpkgStatus.read(root).inventory().size()));
            String text = new String(mutated, StandardCharsets.UTF_8);
            int paragraphs = 0; // every listed package needs its own "Package:" field
            for (int at = text.indexOf("Package:"); at >= 0; at = text.indexOf("Package:", at + 1)) {
                paragraphs++;
            }
            assertTrue(counts.get(0) <= paragraphs, "round " + round + ": " + counts.get(0) + " > " + paragraphs);
        }
    }
}
