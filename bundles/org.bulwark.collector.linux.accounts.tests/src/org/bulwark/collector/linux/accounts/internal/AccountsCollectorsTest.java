package org.bulwark.collector.linux.accounts.internal;

import org.bulwark.collector.tck.Fixture;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.bulwark.collector.api.Observation;
import org.bulwark.collector.api.ObservationState;
import org.bulwark.collector.api.Source;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AccountsCollectorsTest {

    @TempDir
    Path root;

    private Fixture weakAccounts() {
        return new Fixture(root)
                .write("/etc/passwd", "root:x:0:0:root:/root:/bin/bash", "daemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin",
                        "toor:x:0:0::/root:/bin/sh", "www-data:x:33:33::/var/www:/bin/bash",
                        "alice:x:1000:1000::/home/alice:/bin/bash", "bob::1000:42::/home/bob:/bin/bash", "+")
                .write("/etc/shadow", "root:$y$j9T$abc:19000:0:99999:7:::", "daemon:*:19000:0:99999:7:::",
                        "toor:!:19000::::::", "www-data:*:19000:0:99999:7:::", "alice:$y$j9T$def:19000:1:365:7:::",
                        "bob::19000:0:99999:7:::")
                .write("/etc/group", "root:x:0:", "daemon:x:1:", "www-data:x:33:", "alice:x:1000:",
                        "shadow:x:42:alice", "alice:x:1001:");
    }

    @Test
    void accountDatabaseFindings() throws Exception {
        Map<String, Observation> o = weakAccounts().collect(new AccountDatabaseCollector(), false);
        assertEquals(Observation.ofAll("linux.accounts.uid0", List.of("toor"), Source.file("/etc/passwd", 3)),
                o.get("linux.accounts.uid0"));
        assertEquals(Observation.ofAll("linux.accounts.empty-password", List.of("bob"), Source.file("/etc/shadow", 6)),
                o.get("linux.accounts.empty-password"));
        assertEquals(Observation.ofAll("linux.accounts.unshadowed", List.of("bob"), Source.file("/etc/passwd", 6)),
                o.get("linux.accounts.unshadowed"));
        assertEquals(Observation.ofAll("linux.accounts.duplicate-uids", List.of("0", "1000"), Source.file("/etc/passwd", 3)),
                o.get("linux.accounts.duplicate-uids"));
        assertEquals(Observation.ofAll("linux.accounts.duplicate-groupnames", List.of("alice"), Source.file("/etc/group", 6)),
                o.get("linux.accounts.duplicate-groupnames"));
        assertEquals(ObservationState.ABSENT, o.get("linux.accounts.duplicate-gids").state());
        assertEquals(ObservationState.ABSENT, o.get("linux.accounts.duplicate-usernames").state());
        assertEquals(List.of("toor", "www-data"), o.get("linux.accounts.system-with-shell").values());
        assertEquals(List.of("/etc/passwd:7"), o.get("linux.accounts.legacy-entries").values());
        assertEquals(ObservationState.ABSENT, o.get("linux.accounts.missing-groups").state());
        assertEquals(Observation.ofAll("linux.accounts.shadow-group-members", List.of("alice", "bob"),
                Source.file("/etc/group", 5)), o.get("linux.accounts.shadow-group-members"));
        assertEquals(Observation.ofAll("linux.accounts.pass-max-days-exceeded", List.of("root"),
                Source.file("/etc/shadow", 1)), o.get("linux.accounts.pass-max-days-exceeded"));
        assertEquals(Observation.of("linux.accounts.root-gid", "0", Source.file("/etc/passwd", 1)),
                o.get("linux.accounts.root-gid"));
    }

    @Test
    void cleanDatabasesAreAbsentFindings() throws Exception {
        Fixture f = new Fixture(root).write("/etc/passwd", "root:x:0:0:root:/root:/bin/bash")
                .write("/etc/shadow", "root:!:19000:1:365:7:::").write("/etc/group", "root:x:0:", "shadow:x:42:");
        Map<String, Observation> o = f.collect(new AccountDatabaseCollector(), false);
        assertEquals(Observation.absent("linux.accounts.uid0", Source.file("/etc/passwd", 0),
                "no account besides root has UID 0"), o.get("linux.accounts.uid0"));
        for (Observation obs : o.values()) {
            if (!obs.key().equals("linux.accounts.root-gid")) {
                assertEquals(ObservationState.ABSENT, obs.state(), obs.key());
            }
        }
    }

    @Test
    void unreadableShadowAndMalformedPasswd() throws Exception {
        Fixture f = new Fixture(root).write("/etc/passwd", "root:x:0:0:root:/root:/bin/bash", "broken:x:1")
                .dir("/etc/shadow").write("/etc/group", "root:x:0:");
        Map<String, Observation> o = f.collect(new AccountDatabaseCollector(), false);
        assertEquals(Observation.unreadable("linux.accounts.empty-password", Source.file("/etc/shadow", 0),
                "is a directory, expected a file"), o.get("linux.accounts.empty-password"));
        assertEquals(Observation.unparseable("linux.accounts.uid0", Source.file("/etc/passwd", 2),
                "/etc/passwd:2: expected 7 colon-separated fields, found 3"), o.get("linux.accounts.uid0"));
    }

    @Test
    void loginPolicy() throws Exception {
        Fixture f = new Fixture(root)
                .write("/etc/login.defs", "PASS_MAX_DAYS\t99999", "PASS_MIN_DAYS\t0", "PASS_WARN_AGE\t7", "UMASK\t\t022",
                        "ENCRYPT_METHOD SHA512", "PASS_MAX_DAYS 365")
                .write("/etc/default/useradd", "SHELL=/bin/sh", "INACTIVE=30")
                .write("/etc/security/pwquality.conf", "# minlen = 8", "minlen = 14")
                .write("/etc/security/pwquality.conf.d/50-cis.conf", "minclass = 4")
                .write("/etc/security/faillock.conf", "deny", "unlock_time = 900");
        Map<String, Observation> o = f.collect(new LoginPolicyCollector(), false);
        assertEquals(Observation.of("linux.logindefs.pass_max_days", "365", Source.file("/etc/login.defs", 6))
                .with(new Observation.Other("99999", Source.file("/etc/login.defs", 1), "overridden by /etc/login.defs:6")),
                o.get("linux.logindefs.pass_max_days"));
        assertEquals(Observation.of("linux.logindefs.encrypt_method", "sha512", Source.file("/etc/login.defs", 5)),
                o.get("linux.logindefs.encrypt_method"));
        assertEquals(List.of("022"), o.get("linux.logindefs.umask").values());
        assertEquals(Observation.of("linux.useradd.inactive", "30", Source.file("/etc/default/useradd", 2)),
                o.get("linux.useradd.inactive"));
        assertEquals(Source.file("/etc/security/pwquality.conf", 2), o.get("linux.pwquality.minlen").source());
        assertEquals(Observation.of("linux.pwquality.minclass", "4",
                Source.dropIn("/etc/security/pwquality.conf.d/50-cis.conf", 1)), o.get("linux.pwquality.minclass"));
        assertEquals(Observation.unparseable("linux.faillock.deny", Source.file("/etc/security/faillock.conf", 1),
                "/etc/security/faillock.conf:1: not an assignment (expected 'key = value')"), o.get("linux.faillock.deny"));

        Map<String, Observation> bare = new Fixture(root.resolve("bare")).collect(new LoginPolicyCollector(), false);
        assertEquals(Observation.absent("linux.logindefs.pass_max_days", Source.builtInDefault("shadow-utils"),
                "PASS_MAX_DAYS is not set"), bare.get("linux.logindefs.pass_max_days"));
    }

    @Test
    void pamSudoAndShell() throws Exception {
        Fixture f = new Fixture(root)
                .write("/etc/pam.d/su", "#auth       required   pam_wheel.so", "auth       required   pam_wheel.so use_uid group=sugroup")
                .write("/etc/pam.d/common-password", "password\trequisite\t\t\tpam_pwquality.so retry=3",
                        "password\t[success=1 default=ignore]\tpam_unix.so obscure use_authtok try_first_pass yescrypt")
                .write("/etc/pam.d/common-auth", "auth\t[success=1 default=ignore]\tpam_unix.so nullok")
                .write("/etc/sudoers", "Defaults\tenv_reset", "Defaults\tuse_pty, logfile=\"/var/log/sudo.log\"",
                        "root\tALL=(ALL:ALL) ALL", "@includedir /etc/sudoers.d")
                .write("/etc/sudoers.d/90-cloud", "ubuntu ALL=(ALL) NOPASSWD:ALL")
                .write("/etc/sudoers.d/old.disabled", "Defaults !use_pty")
                .write("/etc/profile", "umask 022")
                .write("/etc/profile.d/99-tmout.sh", "readonly TMOUT=900 ; export TMOUT", "umask 027");
        Map<String, Observation> o = f.collect(new PamSudoShellCollector(), false);
        assertEquals(Observation.of("linux.pam.su.wheel", "use_uid group=sugroup", Source.file("/etc/pam.d/su", 2)),
                o.get("linux.pam.su.wheel"));
        assertEquals(Observation.of("linux.pam.pwquality", "yes", Source.file("/etc/pam.d/common-password", 1)),
                o.get("linux.pam.pwquality"));
        assertEquals(ObservationState.ABSENT, o.get("linux.pam.faillock").state());
        assertEquals(Observation.of("linux.pam.unix.hash", "yescrypt", Source.file("/etc/pam.d/common-password", 2)),
                o.get("linux.pam.unix.hash"));
        assertEquals(List.of("/etc/pam.d/common-auth:1"), o.get("linux.pam.unix.nullok").values());
        assertEquals(Observation.of("linux.sudo.use_pty", "yes", Source.file("/etc/sudoers", 2)), o.get("linux.sudo.use_pty"));
        assertEquals(List.of("/var/log/sudo.log"), o.get("linux.sudo.logfile").values());
        assertEquals(Observation.ofAll("linux.sudo.nopasswd", List.of("/etc/sudoers.d/90-cloud:1"),
                Source.file("/etc/sudoers.d/90-cloud", 1)), o.get("linux.sudo.nopasswd"));
        assertEquals(Observation.of("linux.shell.tmout", "900", Source.file("/etc/profile.d/99-tmout.sh", 1)),
                o.get("linux.shell.tmout"));
        assertEquals(Observation.of("linux.shell.umask", "0027", Source.file("/etc/profile.d/99-tmout.sh", 2)),
                o.get("linux.shell.umask"));

        Map<String, Observation> bare = new Fixture(root.resolve("bare")).collect(new PamSudoShellCollector(), false);
        assertEquals(Observation.absent("linux.pam.su.wheel", Source.file("/etc/pam.d/su", 0),
                "no active pam_wheel.so line in /etc/pam.d/su"), bare.get("linux.pam.su.wheel"));
        assertEquals(ObservationState.ABSENT, bare.get("linux.sudo.use_pty").state());
    }

    @Test
    void unreadableSudoersIsReportedForEverySudoKey() throws Exception {
        Fixture f = new Fixture(root).dir("/etc/sudoers");
        Map<String, Observation> o = f.collect(new PamSudoShellCollector(), false);
        for (String k : List.of("linux.sudo.use_pty", "linux.sudo.logfile", "linux.sudo.nopasswd")) {
            assertEquals(ObservationState.UNREADABLE, o.get(k).state(), k);
            assertEquals("/etc/sudoers: is a directory, expected a file", o.get(k).reason());
        }
    }
}
