package org.bulwark.linux;

import org.bulwark.collector.tck.Fixture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.file.Path;
import java.util.List;

import org.bulwark.collector.api.Observation;
import org.bulwark.collector.api.ObservationState;
import org.bulwark.collector.api.Source;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SshdConfigTest {

    @TempDir
    Path root;

    private Observation root(Fixture f) {
        return SshdConfig.read(f.root()).observe("linux.sshd.permitrootlogin", "PermitRootLogin", "prohibit-password",
                "OpenSSH");
    }

    @Test
    void firstValueWinsAcrossIncludedDropInsInLexicalOrder() {
        Fixture f = new Fixture(root)
                .write("/etc/ssh/sshd_config", "Include /etc/ssh/sshd_config.d/*.conf", "", "PermitRootLogin yes")
                .write("/etc/ssh/sshd_config.d/9-late.conf", "PermitRootLogin without-password")
                .write("/etc/ssh/sshd_config.d/10-early.conf", "# hardening", "permitrootlogin no")
                .write("/etc/ssh/sshd_config.d/README", "PermitRootLogin yes");
        Observation o = root(f);
        assertEquals(ObservationState.PRESENT, o.state());
        assertEquals(List.of("no"), o.values());
        assertEquals(Source.dropIn("/etc/ssh/sshd_config.d/10-early.conf", 2), o.source());
        String note = "ignored: sshd uses the first value, drop in /etc/ssh/sshd_config.d/10-early.conf:2";
        assertEquals(List.of(
                new Observation.Other("without-password", Source.dropIn("/etc/ssh/sshd_config.d/9-late.conf", 1), note),
                new Observation.Other("yes", Source.file("/etc/ssh/sshd_config", 3), note)), o.others());
    }

    @Test
    void filesIncludingEachOtherEndAtTheBudgetAndWhatIsUnreadIsUnreadable() {
        // a.conf and b.conf include their own directory: 2^16 reads at the nesting limit without a budget
        Fixture f = new Fixture(root).write("/etc/ssh/sshd_config", "Include /etc/ssh/d/*.conf")
                .write("/etc/ssh/d/a.conf", "Include /etc/ssh/d/*.conf", "X11Forwarding no")
                .write("/etc/ssh/d/b.conf", "Include /etc/ssh/d/*.conf", "X11Forwarding no");
        SshdConfig c = assertTimeoutPreemptively(java.time.Duration.ofSeconds(30), () -> SshdConfig.read(root));
        Observation o = c.observe("k", "PermitRootLogin", "prohibit-password", "default");
        assertEquals(ObservationState.UNREADABLE, o.state(), o.toString());
        assertEquals("/etc/ssh/d/b.conf: not read: the configuration includes more than 64 files or 1048576 "
                + "characters (Include from /etc/ssh/d/a.conf:1)", o.reason());
    }

    @Test
    void mainFileValueBeforeIncludeWins() {
        Fixture f = new Fixture(root)
                .write("/etc/ssh/sshd_config", "PermitRootLogin=no", "Include sshd_config.d/*.conf")
                .write("/etc/ssh/sshd_config.d/50-cloud.conf", "PermitRootLogin yes");
        Observation o = root(f);
        assertEquals(List.of("no"), o.values());
        assertEquals(Source.file("/etc/ssh/sshd_config", 1), o.source());
        assertEquals(1, o.others().size());
    }

    @Test
    void matchBlocksAreNotGlobalAndEndWithTheirFile() {
        Fixture f = new Fixture(root)
                .write("/etc/ssh/sshd_config", "Include /etc/ssh/sshd_config.d/*.conf", "PasswordAuthentication no")
                .write("/etc/ssh/sshd_config.d/10-admins.conf", "Match Group admins", "  PasswordAuthentication yes",
                        "  PermitRootLogin yes");
        SshdConfig c = SshdConfig.read(f.root());
        Observation pa = c.observe("linux.sshd.passwordauthentication", "PasswordAuthentication", "yes", "OpenSSH");
        assertEquals(List.of("no"), pa.values());
        assertEquals(Source.file("/etc/ssh/sshd_config", 2), pa.source());
        Observation prl = root(f);
        assertEquals(List.of("prohibit-password"), prl.values());
        assertEquals(Source.builtInDefault("OpenSSH"), prl.source());
        assertEquals("PermitRootLogin is not set", prl.reason());
    }

    @Test
    void builtInDefaultOrAbsentWhenNothingSetsIt() {
        Fixture f = new Fixture(root).write("/etc/ssh/sshd_config", "Port 22");
        SshdConfig c = SshdConfig.read(f.root());
        assertEquals(Observation.absent("linux.sshd.banner", Source.builtInDefault("OpenSSH"), "Banner is not set"),
                c.observe("linux.sshd.banner", "Banner", null, "OpenSSH"));
        Observation missing = SshdConfig.read(f.root().resolve("nowhere")).observe("k", "PermitRootLogin", "x", "OpenSSH");
        assertEquals("/etc/ssh/sshd_config does not exist", missing.reason());
    }

    @Test
    void malformedFirstLineIsUnparseableWithFileAndLine() {
        Fixture f = new Fixture(root).write("/etc/ssh/sshd_config", "Port 22", "MaxAuthTries", "MaxAuthTries 3",
                "Banner \"/etc/issue.net");
        SshdConfig c = SshdConfig.read(f.root());
        Observation o = c.observe("linux.sshd.maxauthtries", "MaxAuthTries", "6", "OpenSSH");
        assertEquals(ObservationState.UNPARSEABLE, o.state());
        assertEquals(Source.file("/etc/ssh/sshd_config", 2), o.source());
        assertEquals("/etc/ssh/sshd_config:2: no value for maxauthtries", o.reason());
        Observation banner = c.observe("linux.sshd.banner", "Banner", "none", "OpenSSH");
        assertEquals("/etc/ssh/sshd_config:4: unbalanced quotes in banner", banner.reason());
        assertEquals(List.of("22"), c.observe("linux.sshd.port", "Port", "22", "OpenSSH").values());
    }

    @Test
    void unreadableIncludeMakesLaterKeysUnreadable() {
        Fixture f = new Fixture(root)
                .write("/etc/ssh/sshd_config", "X11Forwarding no", "Include /etc/ssh/extra.conf", "MaxAuthTries 3")
                .dir("/etc/ssh/extra.conf");
        SshdConfig c = SshdConfig.read(f.root());
        assertEquals(List.of("no"), c.observe("x", "X11Forwarding", "no", "OpenSSH").values());
        Observation o = c.observe("linux.sshd.maxauthtries", "MaxAuthTries", "6", "OpenSSH");
        assertEquals(ObservationState.UNREADABLE, o.state());
        assertEquals("/etc/ssh/extra.conf: is a directory, expected a file", o.reason());
    }

    @Test
    void quotedValuesAndComments() {
        Fixture f = new Fixture(root).write("/etc/ssh/sshd_config", "Banner \"/etc/issue net\"",
                "Ciphers aes256-ctr,aes128-ctr # strong only");
        SshdConfig c = SshdConfig.read(f.root());
        assertEquals(List.of("/etc/issue net"), c.observe("b", "Banner", null, "OpenSSH").values());
        assertEquals(List.of("aes256-ctr,aes128-ctr"), c.observe("c", "ciphers", null, "OpenSSH").values());
    }

    @Test
    void absoluteSymlinkedDropInStaysInsideTheRoot() {
        Fixture f = new Fixture(root)
                .write("/etc/ssh/sshd_config", "Include /etc/ssh/sshd_config.d/*.conf")
                .write("/srv/ssh/hardening.conf", "PermitRootLogin no")
                .link("/etc/ssh/sshd_config.d/10-hardening.conf", "/srv/ssh/hardening.conf");
        Observation o = root(f);
        assertEquals(List.of("no"), o.values());
        assertEquals(Source.dropIn("/etc/ssh/sshd_config.d/10-hardening.conf", 1), o.source());
    }
}
