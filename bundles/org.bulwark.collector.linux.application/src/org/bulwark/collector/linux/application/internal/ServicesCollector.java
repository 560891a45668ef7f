package org.bulwark.collector.linux.application.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.bulwark.collector.api.AssessmentContext;
import org.bulwark.collector.api.Category;
import org.bulwark.collector.api.Collector;
import org.bulwark.collector.api.Observation;
import org.bulwark.linux.LinuxCollector;
import org.bulwark.linux.SystemdUnits;
import org.osgi.service.component.annotations.Component;

/**
 * Whether network services that a baseline does not need start at boot: {@code linux.systemd.unit.UNIT} is
 * {@code enabled}, {@code disabled}, {@code static} or {@code masked}, ABSENT when the unit is not installed.
 * Read from unit files and {@code *.wants} links, never from a running systemd.
 */
@Component(service = Collector.class)
public final class ServicesCollector extends LinuxCollector {

    static final List<String> UNITS = List.of("avahi-daemon.service", "avahi-daemon.socket", "cups.service",
            "cups.socket", "cups-browsed.service", "rpcbind.service", "rpcbind.socket", "snmpd.service",
            "nfs-server.service", "smbd.service", "slapd.service", "isc-dhcp-server.service", "named.service",
            "vsftpd.service", "apache2.service", "nginx.service", "squid.service", "dovecot.service",
            "xinetd.service", "inetd.service", "rsync.service", "postfix.service", "tftpd-hpa.service");

    private static final Set<String> PROVIDES;

    static {
        Set<String> keys = new LinkedHashSet<>();
        UNITS.forEach(u -> keys.add("linux.systemd.unit." + u));
        PROVIDES = Set.copyOf(keys);
    }

    public ServicesCollector() {
        super("linux.application.services", Category.APPLICATION, PROVIDES);
    }

    @Override
    public List<Observation> collect(AssessmentContext context) {
        List<Observation> result = new ArrayList<>();
        for (String u : UNITS) {
            if (context.isCancelled()) {
                break;
            }
            result.add(SystemdUnits.observeState(context.root(), "linux.systemd.unit." + u, u));
        }
        return result;
    }
}
