package org.bulwark.collector.linux.application.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.bulwark.collector.api.AssessmentContext;
import org.bulwark.collector.api.Category;
import org.bulwark.collector.api.Collector;
import org.bulwark.collector.api.Observation;
import org.bulwark.linux.DpkgStatus;
import org.bulwark.linux.LinuxCollector;
import org.osgi.service.component.annotations.Component;

/**
 * Whether packages that controls of any category ask about are installed, from the dpkg database:
 * {@code linux.packages.NAME} is PRESENT with the installed version, ABSENT when the package is not installed
 * (so that a control can expect {@code absent}), UNAVAILABLE on a target without dpkg. This is the one collector
 * that reports {@code linux.packages.*} keys; the list names each package once.
 */
@Component(service = Collector.class)
public final class PackagesCollector extends LinuxCollector {

    /** Every package a control reads. */
    static final List<String> PACKAGES = List.of(
            // remote access and legacy clients/servers
            "openssh-server", "telnet", "telnetd", "inetutils-telnet", "inetutils-telnetd", "rsh-client", "rsh-server",
            "rsh-redone-client", "nis", "talk", "talkd", "tftp", "tftp-hpa", "tftpd-hpa", "atftpd", "xinetd",
            "openbsd-inetd", "vsftpd", "proftpd-basic", "pure-ftpd", "ftp", "inetutils-ftp",
            // network services rarely needed on a workstation or server baseline
            "ldap-utils", "slapd", "snmpd", "rpcbind", "nfs-kernel-server", "samba", "squid", "apache2", "nginx",
            "dovecot-core", "bind9", "isc-dhcp-server", "avahi-daemon", "cups", "xserver-xorg-core", "postfix",
            "rsync", "prelink", "apport", "mariadb-server", "mysql-server", "postgresql-common",
            // security tooling
            "auditd", "audispd-plugins", "aide", "aide-common", "apparmor", "apparmor-utils", "unattended-upgrades",
            "nftables", "ufw", "iptables-persistent", "chrony", "systemd-timesyncd", "ntp", "ntpsec", "sudo",
            "libpam-pwquality", "rsyslog", "systemd-journal-remote", "cryptsetup");

    private static final Set<String> PROVIDES;

    static {
        Set<String> keys = new LinkedHashSet<>();
        PACKAGES.forEach(p -> keys.add("linux.packages." + p));
        PROVIDES = Set.copyOf(keys);
    }

    public PackagesCollector() {
        super("linux.application.packages", Category.APPLICATION, PROVIDES);
    }

    @Override
    public List<Observation> collect(AssessmentContext context) {
        DpkgStatus db = DpkgStatus.read(context.root());
        List<Observation> result = new ArrayList<>();
        for (String p : PACKAGES) {
            if (context.isCancelled()) {
                break;
            }
            result.add(db.observe("linux.packages." + p, p));
        }
        return result;
    }
}
