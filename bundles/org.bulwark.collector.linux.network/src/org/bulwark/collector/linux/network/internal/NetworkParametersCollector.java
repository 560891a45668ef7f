package org.bulwark.collector.linux.network.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.bulwark.collector.api.AssessmentContext;
import org.bulwark.collector.api.Category;
import org.bulwark.collector.api.Collector;
import org.bulwark.collector.api.Observation;
import org.bulwark.linux.LinuxCollector;
import org.bulwark.linux.ModprobeConfig;
import org.bulwark.linux.SysctlConfig;
import org.osgi.service.component.annotations.Component;

/**
 * Network kernel parameters ({@code linux.sysctl.NAME} at boot with drift, {@code linux.sysctl.running.NAME})
 * and the uncommon network protocols CIS wants unloadable ({@code linux.kmod.MODULE.install},
 * {@code .blacklist}, {@code linux.kmod.running.MODULE.loaded}).
 */
@Component(service = Collector.class)
public final class NetworkParametersCollector extends LinuxCollector {

    static final List<String> PARAMETERS = List.of("net.ipv4.ip_forward", "net.ipv6.conf.all.forwarding",
            "net.ipv4.conf.all.send_redirects", "net.ipv4.conf.default.send_redirects",
            "net.ipv4.conf.all.accept_redirects", "net.ipv4.conf.default.accept_redirects",
            "net.ipv6.conf.all.accept_redirects", "net.ipv6.conf.default.accept_redirects",
            "net.ipv4.conf.all.secure_redirects", "net.ipv4.conf.default.secure_redirects",
            "net.ipv4.conf.all.accept_source_route", "net.ipv4.conf.default.accept_source_route",
            "net.ipv6.conf.all.accept_source_route", "net.ipv6.conf.default.accept_source_route",
            "net.ipv4.conf.all.rp_filter", "net.ipv4.conf.default.rp_filter", "net.ipv4.conf.all.log_martians",
            "net.ipv4.conf.default.log_martians", "net.ipv4.tcp_syncookies", "net.ipv4.icmp_echo_ignore_broadcasts",
            "net.ipv4.icmp_ignore_bogus_error_responses", "net.ipv6.conf.all.accept_ra",
            "net.ipv6.conf.default.accept_ra");

    static final List<String> MODULES = List.of("dccp", "sctp", "rds", "tipc");

    private static final Set<String> PROVIDES;

    static {
        Set<String> keys = new LinkedHashSet<>();
        for (String p : PARAMETERS) {
            keys.add(SysctlConfig.KEY_PREFIX + p);
            keys.add(SysctlConfig.RUNNING_KEY_PREFIX + p);
        }
        keys.addAll(ModprobeConfig.keys(MODULES));
        PROVIDES = Set.copyOf(keys);
    }

    public NetworkParametersCollector() {
        super("linux.network.sysctl", Category.NETWORK, PROVIDES);
    }

    @Override
    public List<Observation> collect(AssessmentContext context) {
        List<Observation> result = new ArrayList<>(SysctlConfig.observeAll(context, PARAMETERS));
        result.addAll(ModprobeConfig.observeAll(context, MODULES));
        return result;
    }
}
