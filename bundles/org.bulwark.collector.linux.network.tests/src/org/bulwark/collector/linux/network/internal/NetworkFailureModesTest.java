package org.bulwark.collector.linux.network.internal;

import org.bulwark.collector.tck.Fixture;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Map;

import org.bulwark.collector.api.Observation;
import org.bulwark.collector.api.ObservationState;
import org.bulwark.collector.api.Source;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Unreadable files and malformed lines become UNREADABLE / UNPARSEABLE observations naming the place. */
class NetworkFailureModesTest {

    @TempDir
    Path root;

    @Test
    void malformedNetworkSysctl() throws Exception {
        Fixture f = new Fixture(root).write("/etc/sysctl.d/99-net.conf", "net.ipv4.ip_forward: 0");
        assertEquals(Observation.unparseable("linux.sysctl.net.ipv4.ip_forward", Source.file("/etc/sysctl.d/99-net.conf", 1),
                "/etc/sysctl.d/99-net.conf:1: not an assignment (expected 'name = value'): net.ipv4.ip_forward: 0"),
                f.collect(new NetworkParametersCollector(), false).get("linux.sysctl.net.ipv4.ip_forward"));
    }

    @Test
    void unreadableNftablesConfMakesDefaultDenyUndecided() throws Exception {
        Fixture f = new Fixture(root).dir("/etc/nftables.conf")
                .write("/usr/lib/systemd/system/nftables.service", "[Install]", "WantedBy=sysinit.target")
                .link("/etc/systemd/system/sysinit.target.wants/nftables.service", "/usr/lib/systemd/system/nftables.service");
        Map<String, Observation> o = f.collect(new FirewallCollector(), false);
        assertEquals(Observation.unreadable("linux.firewall.nftables.input-policy", Source.file("/etc/nftables.conf", 0),
                "is a directory, expected a file"), o.get("linux.firewall.nftables.input-policy"));
        assertUndecided(o.get("linux.firewall.default-deny"));
    }

    private static void assertUndecided(Observation deny) {
        assertEquals(ObservationState.UNREADABLE, deny.state());
        assertEquals("is a directory, expected a file", deny.reason());
    }

    @Test
    void iptablesInputChainWithoutPolicy() throws Exception {
        Fixture f = new Fixture(root).write("/etc/iptables/rules.v4", "*filter", ":INPUT");
        assertEquals(Observation.unparseable("linux.firewall.iptables.input-policy",
                Source.file("/etc/iptables/rules.v4", 2), "/etc/iptables/rules.v4:2: INPUT chain without a policy"),
                f.collect(new FirewallCollector(), false).get("linux.firewall.iptables.input-policy"));
    }

    @Test
    void unreadableSocketTable() throws Exception {
        Fixture f = new Fixture(root).dir("/proc/net/tcp");
        assertEquals(Observation.unreadable("linux.net.listening.wildcard", Source.runtime("/proc/net/tcp"),
                "is a directory, expected a file"),
                f.collect(new ListeningSocketsCollector(), true).get("linux.net.listening.wildcard"));
    }
}
