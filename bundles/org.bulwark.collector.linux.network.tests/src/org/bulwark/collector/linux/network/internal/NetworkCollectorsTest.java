package org.bulwark.collector.linux.network.internal;

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

class NetworkCollectorsTest {

    @TempDir
    Path root;

    @Test
    void networkParametersWithVendorGlobAndDrift() throws Exception {
        Fixture f = new Fixture(root)
                .write("/usr/lib/sysctl.d/50-default.conf", "net.ipv4.conf.*.rp_filter = 2",
                        "-net.ipv4.conf.all.accept_source_route = 0")
                .write("/etc/sysctl.d/99-cis.conf", "net.ipv4.conf.all.rp_filter = 1", "net.ipv4.ip_forward = 0",
                        "net.ipv4.tcp_syncookies=1")
                .write("/proc/sys/net/ipv4/ip_forward", "1")
                .write("/etc/modprobe.d/net.conf", "install dccp /bin/false");
        Map<String, Observation> o = f.collect(new NetworkParametersCollector(), true);
        assertEquals(Observation.of("linux.sysctl.net.ipv4.conf.all.rp_filter", "1",
                Source.dropIn("/etc/sysctl.d/99-cis.conf", 1)).with(new Observation.Other("2",
                        Source.dropIn("/usr/lib/sysctl.d/50-default.conf", 1),
                        "glob net.ipv4.conf.*.rp_filter overridden by drop in /etc/sysctl.d/99-cis.conf:1")), o.get("linux.sysctl.net.ipv4.conf.all.rp_filter"));
        assertEquals(Observation.of("linux.sysctl.net.ipv4.conf.default.rp_filter", "2",
                Source.dropIn("/usr/lib/sysctl.d/50-default.conf", 1)), o.get("linux.sysctl.net.ipv4.conf.default.rp_filter"));
        assertEquals(List.of(new Observation.Other("1", Source.runtime("/proc/sys/net/ipv4/ip_forward"),
                "running value differs (drift)")), o.get("linux.sysctl.net.ipv4.ip_forward").others());
        assertEquals(List.of("0"), o.get("linux.sysctl.net.ipv4.conf.all.accept_source_route").values());
        assertEquals(ObservationState.ABSENT, o.get("linux.sysctl.net.ipv4.conf.all.log_martians").state());
        assertEquals(List.of("/bin/false"), o.get("linux.kmod.dccp.install").values());
        assertEquals(ObservationState.ABSENT, o.get("linux.kmod.sctp.blacklist").state());
    }

    @Test
    void sshdEffectiveSettingsDefaultsAndAlgorithmLists() throws Exception {
        Fixture f = new Fixture(root)
                .write("/etc/ssh/sshd_config", "Include /etc/ssh/sshd_config.d/*.conf", "KbdInteractiveAuthentication no",
                        "UsePAM yes", "X11Forwarding yes", "PrintMotd no", "Banner /etc/issue.net",
                        "Match User backup", "  PermitRootLogin yes")
                .write("/etc/ssh/sshd_config.d/50-hardening.conf", "PermitRootLogin No", "MaxAuthTries 4",
                        "Ciphers -*-cbc,chacha20*", "MACs ^hmac-sha2-512-etm@openssh.com", "KexAlgorithms +diffie-hellman-group14-sha1",
                        "AllowGroups sshusers admins");
        Map<String, Observation> o = f.collect(new SshdCollector(), false);
        assertEquals(Observation.of("linux.sshd.permitrootlogin", "no",
                Source.dropIn("/etc/ssh/sshd_config.d/50-hardening.conf", 1)), o.get("linux.sshd.permitrootlogin"));
        assertEquals(Observation.of("linux.sshd.x11forwarding", "yes", Source.file("/etc/ssh/sshd_config", 4)),
                o.get("linux.sshd.x11forwarding"));
        assertEquals(Observation.of("linux.sshd.banner", "/etc/issue.net", Source.file("/etc/ssh/sshd_config", 6)),
                o.get("linux.sshd.banner"));
        Observation pa = o.get("linux.sshd.passwordauthentication");
        assertEquals(List.of("yes"), pa.values());
        assertEquals(Source.builtInDefault("OpenSSH 9.2 built-in default"), pa.source());
        assertEquals(List.of("aes128-ctr", "aes192-ctr", "aes256-ctr", "aes128-gcm@openssh.com",
                "aes256-gcm@openssh.com"), o.get("linux.sshd.ciphers").values());
        assertEquals("hmac-sha2-512-etm@openssh.com", o.get("linux.sshd.macs").values().get(0));
        assertEquals(11, o.get("linux.sshd.macs").values().size() + 1);
        assertEquals("diffie-hellman-group14-sha1", o.get("linux.sshd.kexalgorithms").values().get(10));
        assertEquals(List.of("sshusers", "admins"), o.get("linux.sshd.allowgroups").values());
        assertEquals(Observation.absent("linux.sshd.allowusers", Source.builtInDefault("OpenSSH 9.2 built-in default"),
                "allowusers is not set"), o.get("linux.sshd.allowusers"));
        assertEquals(List.of("info"), o.get("linux.sshd.loglevel").values());
    }

    @Test
    void sshdMalformedAndUnreadable() throws Exception {
        Fixture f = new Fixture(root).write("/etc/ssh/sshd_config", "PermitEmptyPasswords", "Include extra.conf",
                "MaxSessions 4").dir("/etc/ssh/extra.conf");
        Map<String, Observation> o = f.collect(new SshdCollector(), false);
        assertEquals(Observation.unparseable("linux.sshd.permitemptypasswords", Source.file("/etc/ssh/sshd_config", 1),
                "/etc/ssh/sshd_config:1: no value for permitemptypasswords"), o.get("linux.sshd.permitemptypasswords"));
        assertEquals(Observation.unreadable("linux.sshd.maxsessions", Source.file("/etc/ssh/extra.conf", 0),
                "/etc/ssh/extra.conf: is a directory, expected a file"), o.get("linux.sshd.maxsessions"));
    }

    @Test
    void accessListsAddUpOverLinesAndIncludes() throws Exception {
        Fixture f = new Fixture(root)
                .write("/etc/ssh/sshd_config", "Include /etc/ssh/sshd_config.d/*.conf", "AllowUsers alice",
                        "Match Address 10.0.0.0/8", "  AllowUsers backup")
                .write("/etc/ssh/sshd_config.d/10-ops.conf", "AllowUsers bob carol@10.1.*");
        Observation o = f.collect(new SshdCollector(), false).get("linux.sshd.allowusers");
        assertEquals(Observation.ofAll("linux.sshd.allowusers", List.of("bob", "carol@10.1.*", "alice"),
                Source.dropIn("/etc/ssh/sshd_config.d/10-ops.conf", 1)).with(new Observation.Other("alice",
                        Source.file("/etc/ssh/sshd_config", 2), "also applies (allowusers accumulates)")), o);
    }

    @Test
    void algorithmListModifiers() {
        assertEquals(List.of("a", "b", "c"), SshdCollector.algorithms("+c", "a,b"));
        assertEquals(List.of("b"), SshdCollector.algorithms("-a*", "a1,a2,b"));
        assertEquals(List.of("c", "a", "b"), SshdCollector.algorithms("^c", "a,b,c"));
        assertEquals(List.of("x", "y"), SshdCollector.algorithms("x,y", "a,b"));
    }

    @Test
    void nftablesFirewallWithDropPolicy() throws Exception {
        Fixture f = new Fixture(root)
                .write("/etc/nftables.conf", "#!/usr/sbin/nft -f", "flush ruleset", "table inet filter {",
                        "  chain input {", "    type filter hook input priority filter; policy drop;",
                        "    ct state established,related accept", "  }", "  chain forward {",
                        "    type filter hook forward priority filter; policy drop;", "  }", "}")
                .write("/usr/lib/systemd/system/nftables.service", "[Install]", "WantedBy=sysinit.target")
                .link("/etc/systemd/system/sysinit.target.wants/nftables.service", "/lib/systemd/system/nftables.service")
                .write("/etc/ufw/ufw.conf", "ENABLED=no")
                .write("/etc/default/ufw", "DEFAULT_INPUT_POLICY=\"DROP\"");
        Map<String, Observation> o = f.collect(new FirewallCollector(), false);
        assertEquals(Observation.of("linux.firewall.nftables.input-policy", "drop", Source.file("/etc/nftables.conf", 5)),
                o.get("linux.firewall.nftables.input-policy"));
        assertEquals(List.of("nftables"), o.get("linux.firewall.active").values());
        assertEquals(List.of("yes"), o.get("linux.firewall.default-deny").values());
        assertEquals(List.of("no"), o.get("linux.firewall.ufw.enabled").values());
        assertEquals(List.of("drop"), o.get("linux.firewall.ufw.default-input").values());
        assertEquals(ObservationState.ABSENT, o.get("linux.systemd.unit.ufw.service").state());
    }

    @Test
    void ufwAndIptablesAcceptingAndNoFirewall() throws Exception {
        Fixture f = new Fixture(root)
                .write("/etc/ufw/ufw.conf", "ENABLED=yes").write("/etc/default/ufw", "DEFAULT_INPUT_POLICY=\"ACCEPT\"")
                .write("/usr/lib/systemd/system/ufw.service", "[Install]", "WantedBy=multi-user.target")
                .link("/etc/systemd/system/multi-user.target.wants/ufw.service", "/usr/lib/systemd/system/ufw.service")
                .write("/etc/iptables/rules.v4", "*nat", ":INPUT ACCEPT [0:0]", "COMMIT", "*filter",
                        ":INPUT ACCEPT [0:0]", "COMMIT");
        Map<String, Observation> o = f.collect(new FirewallCollector(), false);
        assertEquals(Observation.of("linux.firewall.iptables.input-policy", "accept", Source.file("/etc/iptables/rules.v4", 5)),
                o.get("linux.firewall.iptables.input-policy"));
        assertEquals(List.of("ufw"), o.get("linux.firewall.active").values());
        assertEquals(List.of("no"), o.get("linux.firewall.default-deny").values());

        Map<String, Observation> none = new Fixture(root.resolve("none")).collect(new FirewallCollector(), false);
        assertEquals(ObservationState.ABSENT, none.get("linux.firewall.active").state());
        assertEquals(ObservationState.ABSENT, none.get("linux.firewall.default-deny").state());
    }

    @Test
    void listeningSocketsOnEveryInterface() throws Exception {
        String header = "  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode";
        Fixture f = new Fixture(root)
                .write("/proc/net/tcp", header, "   0: 00000000:0016 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 1",
                        "   1: 0100007F:0019 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 2",
                        "   2: 00000000:1F90 0100007F:C350 01 00000000:00000000 00:00000000 00000000     0        0 3")
                .write("/proc/net/tcp6", header, "   0: 00000000000000000000000000000000:0016 00000000000000000000000000000000:0000 0A 0 0 0 0 0 4")
                .write("/proc/net/udp", header, "   0: 00000000:0044 00000000:0000 07 00000000:00000000 00:00000000 00000000     0        0 5");
        assertEquals(Observation.ofAll("linux.net.listening.wildcard", List.of("tcp/0.0.0.0:22", "tcp6/[::]:22", "udp/0.0.0.0:68"),
                Source.runtime("/proc/net").withDetail("tcp, tcp6, udp, udp6")),
                f.collect(new ListeningSocketsCollector(), true).get("linux.net.listening.wildcard"));
        assertEquals(ObservationState.UNAVAILABLE,
                f.collect(new ListeningSocketsCollector(), false).get("linux.net.listening.wildcard").state());
    }
}
