package org.bulwark.collector.linux.accounts.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.bulwark.collector.api.Collector;
import org.bulwark.collector.api.Observation;
import org.bulwark.collector.tck.Fixture;
import org.bulwark.testing.TextMutations;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fixed-seed mutation fuzzing of the PAM, sudo and login.defs files of a target: with any of them mutated, each
 * collector still answers every key it provides (a value, absent, unparseable or unreadable naming the file) and
 * never throws or hangs.
 */
class AccountsFuzzTest {

    private static final int ROUNDS = 200;

    @TempDir
    Path root;

    @Test
    void pamAndSudoFiles() throws Exception {
        String pam = """
                #%PAM-1.0
                auth       sufficient pam_rootok.so
                auth       required   pam_wheel.so use_uid group=wheel
                auth    [success=1 default=ignore]  pam_unix.so nullok
                password [success=1 default=ignore] pam_unix.so obscure yescrypt rounds=5
                password requisite pam_pwquality.so retry=3
                auth required pam_faillock.so preauth
                @include common-auth
                """;
        String sudoers = "Defaults use_pty\nDefaults logfile=\"/var/log/sudo.log\"\n#includedir /etc/sudoers.d\n"
                + "root ALL=(ALL:ALL) ALL\n";
        fuzz(new PamSudoShellCollector(), List.of(pam, sudoers), List.of("pam_unix.so", "pam_wheel.so", "[", "]",
                "@include ", "Defaults ", "#includedir ", "-auth "), List.of("/etc/pam.d/su",
                        "/etc/pam.d/common-password", "/etc/pam.d/common-auth", "/etc/sudoers",
                        "/etc/sudoers.d/x"));
    }

    @Test
    void loginDefs() throws Exception {
        fuzz(new LoginPolicyCollector(), List.of("PASS_MAX_DAYS 99999\nPASS_MIN_DAYS 0\nPASS_WARN_AGE 7\n"
                + "UMASK 022\nENCRYPT_METHOD YESCRYPT\n"), List.of("PASS_MAX_DAYS ", "UMASK ", "0", "077"),
                List.of("/etc/login.defs"));
    }

    private void fuzz(Collector collector, List<String> corpus, List<String> tokens, List<String> files) {
        TextMutations inputs = new TextMutations(collector.id().hashCode(), corpus, tokens);
        Set<String> provides = new TreeSet<>(collector.provides());
        assertTimeoutPreemptively(Duration.ofSeconds(120), () -> {
            for (int round = 0; round < ROUNDS; round++) {
                byte[] input = inputs.next();
                for (String f : files) {
                    Path p = root.resolve(f.substring(1));
                    Files.createDirectories(p.getParent());
                    Files.write(p, input);
                }
                Map<String, Observation> got;
                try {
                    got = new Fixture(root).collect(collector, false);
                } catch (Exception | StackOverflowError e) {
                    throw new AssertionError(collector.id() + " round " + round + " threw " + e, e);
                }
                assertEquals(provides, new TreeSet<>(got.keySet()), collector.id() + " round " + round);
            }
        }, collector.id() + " hung");
    }
}
