package org.bulwark.collector.linux.security.internal;

import org.bulwark.collector.tck.Fixture;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Map;

import org.bulwark.collector.api.Observation;
import org.bulwark.collector.api.Source;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Unreadable files and malformed lines become UNREADABLE / UNPARSEABLE observations naming the place. */
class SecurityFailureModesTest {

    @TempDir
    Path root;

    @Test
    void malformedLockdownAndUnreadableProfiles() throws Exception {
        Fixture f = new Fixture(root).write("/sys/kernel/security/lockdown", "integrity")
                .dir("/sys/kernel/security/apparmor/profiles");
        Map<String, Observation> o = f.collect(new MandatoryAccessControlCollector(), true);
        assertEquals(Observation.unparseable("linux.kernel.lockdown", Source.runtime("/sys/kernel/security/lockdown"),
                "/sys/kernel/security/lockdown:1: no selected mode in 'integrity'"), o.get("linux.kernel.lockdown"));
        assertEquals(Observation.unreadable("linux.apparmor.profiles.enforce",
                Source.runtime("/sys/kernel/security/apparmor/profiles"), "is a directory, expected a file"),
                o.get("linux.apparmor.profiles.enforce"));
    }

    @Test
    void malformedRsyslogAndUnreadableAptConfiguration() throws Exception {
        Fixture f = new Fixture(root).write("/etc/rsyslog.conf", "$FileCreateMode")
                .dir("/etc/apt/apt.conf.d/20auto-upgrades");
        Map<String, Observation> o = f.collect(new IntegrityLoggingUpdatesCollector(), false);
        assertEquals(Observation.unparseable("linux.rsyslog.filecreatemode", Source.file("/etc/rsyslog.conf", 1),
                "/etc/rsyslog.conf:1: $FileCreateMode without a mode"), o.get("linux.rsyslog.filecreatemode"));
        assertEquals(Observation.unreadable("linux.apt.periodic.unattended-upgrade",
                Source.file("/etc/apt/apt.conf.d/20auto-upgrades", 0),
                "/etc/apt/apt.conf.d/20auto-upgrades: is a directory, expected a file"),
                o.get("linux.apt.periodic.unattended-upgrade"));
    }

    @Test
    void unreadableAuditdConf() throws Exception {
        Fixture f = new Fixture(root).dir("/etc/audit/auditd.conf");
        assertEquals(Observation.unreadable("linux.auditd.max_log_file_action", Source.file("/etc/audit/auditd.conf", 0),
                "/etc/audit/auditd.conf: is a directory, expected a file"),
                f.collect(new AuditCollector(), false).get("linux.auditd.max_log_file_action"));
    }
}
