package org.bulwark.linux;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Random;

import org.bulwark.collector.api.Observation;
import org.bulwark.testing.Allocations;
import org.bulwark.testing.TextMutations;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fixed-seed mutation fuzzing of the readers of a target's configuration and package files (the files of a
 * possibly hostile image): for every mutated file a reader answers — a value, a parse problem or an unreadable
 * observation naming the file — and never throws, never hangs, and never allocates more than a small multiple of the
 * file. A failure names the reader and the round, which the seed makes reproducible.
 */
class ParsersFuzzTest {

    private static final int ROUNDS = 1000;

    @TempDir
    Path root;

    /** One reader under test: writes the input where it reads and reads it. */
    @FunctionalInterface
    interface Reader {
        void read(Path root, byte[] input) throws Exception;
    }

    @Test
    void sshdConfig() throws Exception {
        fuzz("sshd_config", List.of("""
                Include /etc/ssh/sshd_config.d/*.conf
                Port 22
                PermitRootLogin no
                PasswordAuthentication no
                Ciphers aes256-gcm@openssh.com,chacha20-poly1305@openssh.com
                MaxAuthTries 4
                Match User bob Address 10.0.0.0/8
                  PermitRootLogin yes
                Match all
                X11Forwarding no
                """, "Include sshd_config.d/*\npermitrootlogin \"without-password\"\nHostKey /etc/ssh/k\n"),
                List.of("Include ", "Include /etc/ssh/sshd_config", "Include *", "Match ", "Match all", "=",
                        "PermitRootLogin"), SshdConfig.MAX_CHARS,
                (r, in) -> {
                    write(r, "/etc/ssh/sshd_config", in);
                    write(r, "/etc/ssh/sshd_config.d/10-x.conf", in);
                    SshdConfig c = SshdConfig.read(r);
                    c.exists();
                    check(c.observe("k", "PermitRootLogin", "prohibit-password", "default"));
                    check(c.observeAccumulated("k", "AllowUsers", "default"));
                });
    }

    @Test
    void sysctlConfig() throws Exception {
        fuzz("sysctl", List.of("""
                # kernel hardening
                net.ipv4.ip_forward = 0
                -kernel.unknown_thing=1
                kernel/randomize_va_space=2
                ; an old comment
                net.ipv4.conf.all.rp_filter=1
                """), List.of("net.ipv4.ip_forward", "=", "-", "kernel.randomize_va_space"),
                (r, in) -> {
                    write(r, "/etc/sysctl.conf", in);
                    write(r, "/etc/sysctl.d/99-x.conf", in);
                    check(SysctlConfig.read(r).persisted("k", "net.ipv4.ip_forward"));
                });
    }

    @Test
    void loginDefsAndOsRelease() throws Exception {
        fuzz("login.defs", List.of("""
                MAIL_DIR        /var/mail
                PASS_MAX_DAYS   99999
                PASS_MIN_DAYS   0
                UMASK           022
                ENCRYPT_METHOD SHA512
                """, "PRETTY_NAME=\"Debian GNU/Linux 12 (bookworm)\"\nID=debian\nVERSION_ID=\"12\"\n"),
                List.of("PASS_MAX_DAYS", "UMASK", "ID=", "\"", "'"),
                (r, in) -> {
                    write(r, "/etc/login.defs", in);
                    write(r, "/etc/os-release", in);
                    KeyValueConfig defs = KeyValueConfig.read(r, "/etc/login.defs", KeyValueConfig.Syntax.WHITESPACE,
                            KeyValueConfig.Wins.LAST, false);
                    check(defs.observe("k", "PASS_MAX_DAYS", org.bulwark.collector.api.Source.file("/etc/login.defs",
                            0)));
                    defs.value("UMASK");
                    check(OsRelease.read(r).observe("k", "ID"));
                });
    }

    @Test
    void dpkgStatus() throws Exception {
        fuzz("dpkg status", List.of("""
                Package: libc6
                Status: install ok installed
                Priority: optional
                Architecture: amd64
                Multi-Arch: same
                Source: glibc
                Version: 2.36-9+deb12u10
                Depends: libgcc-s1
                Description: GNU C Library: Shared libraries
                 Contains the standard libraries.
                 .
                 More.

                Package: openssl
                Status: deinstall ok config-files
                Architecture: amd64
                Version: 1:3.0.15-1~deb12u1
                Source: openssl (3.0.15-1~deb12u1)

                """), List.of("Package: ", "Status: install ok installed", "Version: ", "Source: x (", ":", "~",
                        "1:", "Architecture: "),
                (r, in) -> {
                    write(r, DpkgStatus.PATH, in);
                    DpkgStatus s = DpkgStatus.read(r);
                    s.inventory();
                    s.installed("libc6");
                    s.problems();
                });
    }

    @Test
    void accountAndMountTables() throws Exception {
        fuzz("passwd/fstab", List.of("root:x:0:0:root:/root:/bin/bash\nbob:x:1000:1000::/home/bob:/bin/sh\n",
                "root:$y$j9T$abc:19000:0:99999:7:::\n", "UUID=1 / ext4 defaults,noatime 0 1\n"
                        + "tmpfs /tmp tmpfs nosuid,nodev,noexec 0 0\n/dev/sdb1 /var\\040log ext4 ro 0 2\n"),
                List.of(":", "::", "\\040", ",", "defaults"),
                (r, in) -> {
                    write(r, "/etc/passwd", in);
                    write(r, "/etc/shadow", in);
                    write(r, "/etc/group", in);
                    write(r, "/etc/fstab", in);
                    ColonFile.passwd(r).rows();
                    ColonFile.shadow(r).problems();
                    ColonFile.group(r).legacy();
                    MountTable m = MountTable.read(r, "/etc/fstab");
                    m.mounts();
                    check(m.observeOptions("k", "/tmp"));
                });
    }

    @Test
    void modprobeAndSystemdConfig() throws Exception {
        fuzz("modprobe/systemd", List.of("install cramfs /bin/true\nblacklist usb-storage\noptions snd x=1\n",
                "[Journal]\nStorage=persistent\nCompress=yes\n\n[Other]\nKey = value\n"),
                List.of("install ", "blacklist ", "[", "]", "[Journal]", "Storage="),
                (r, in) -> {
                    write(r, "/etc/modprobe.d/x.conf", in);
                    write(r, "/etc/systemd/journald.conf", in);
                    write(r, "/etc/systemd/journald.conf.d/x.conf", in);
                    ModprobeConfig mp = ModprobeConfig.read(r);
                    check(mp.observeInstall("k", "cramfs"));
                    check(mp.observeBlacklist("k", "usb-storage"));
                    check(SystemdConfig.read(r, "journald.conf").observe("k", "Journal", "Storage",
                            org.bulwark.collector.api.Source.file("/etc/systemd/journald.conf", 0)));
                });
    }

    @Test
    void lz4PackageLists() throws Exception {
        Allocations.assumeSupported();
        List<byte[]> corpus = List.of(Base64.getDecoder().decode(CompressedFilesTest.LZ4_CHECKSUMMED),
                Base64.getDecoder().decode(CompressedFilesTest.LZ4_LINKED),
                Base64.getDecoder().decode(CompressedFilesTest.LZ4_DEFAULT),
                Base64.getDecoder().decode(CompressedFilesTest.LZ4_STORED));
        Random random = new Random(16);
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            for (int round = 0; round < 3000; round++) {
                byte[] b = corpus.get(random.nextInt(corpus.size())).clone();
                for (int n = 1 + random.nextInt(3); n > 0; n--) {
                    int at = random.nextInt(b.length);
                    switch (random.nextInt(3)) {
                        case 0 -> b[at] ^= (byte) (1 << random.nextInt(8));
                        case 1 -> b[at] = (byte) (random.nextBoolean() ? 0xff : 0x00);
                        default -> b = java.util.Arrays.copyOf(b, Math.max(1, at));
                    }
                }
                Path file = root.resolve("var/lib/apt/lists/x_Packages.lz4");
                Files.createDirectories(file.getParent());
                Files.write(file, b);
                long before = Allocations.current();
                try {
                    CompressedFiles.read(root, "/var/lib/apt/lists/x_Packages.lz4");
                } catch (UnreadableException expected) {
                    assertTrue(expected.getMessage().contains("x_Packages.lz4"), expected.getMessage());
                } catch (RuntimeException e) {
                    throw new AssertionError("LZ4 round " + round + ": " + e, e);
                }
                long allocated = Allocations.current() - before;
                assertTrue(allocated < 4L * 1024 * 1024, "LZ4 round " + round + " allocated " + allocated);
            }
        });
    }

    private void fuzz(String name, List<String> corpus, List<String> tokens, Reader reader) {
        fuzz(name, corpus, tokens, 0, reader);
    }

    /** @param budget the bytes a reader may read beyond the files written (sshd: its include budget) */
    private void fuzz(String name, List<String> corpus, List<String> tokens, long budget, Reader reader) {
        Allocations.assumeSupported();
        TextMutations inputs = new TextMutations(name.hashCode(), corpus, tokens);
        assertTimeoutPreemptively(Duration.ofSeconds(120), () -> {
            for (int round = 0; round < ROUNDS; round++) {
                byte[] input = inputs.next();
                long before = Allocations.current();
                try {
                    reader.read(root, input);
                } catch (Exception | StackOverflowError e) {
                    fail(name + " round " + round + " threw " + e, e);
                }
                long allocated = Allocations.current() - before;
                // the reader's share: the files written (a few copies of the input) and what it keeps of them
                long bound = 64L * (input.length + 2 * budget) + 8L * 1024 * 1024;
                assertTrue(allocated < bound, name + " round " + round + " allocated " + allocated + " bytes for "
                        + input.length + " input bytes");
            }
        }, name + ": a reader hung");
    }

    private static void write(Path root, String path, byte[] content) throws IOException {
        Path file = root.resolve(path.substring(1));
        Files.createDirectories(file.getParent());
        Files.write(file, content);
    }

    /** An observation is one of the documented kinds, with its key. */
    private static void check(Observation o) {
        assertTrue(o != null && o.key().equals("k"), String.valueOf(o));
    }
}
