package org.bulwark.collector.linux.security.internal;

import org.bulwark.collector.tck.Fixture;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.bulwark.collector.api.Observation;
import org.bulwark.collector.api.ObservationState;
import org.bulwark.collector.api.Source;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecurityCollectorsTest {

    @TempDir
    Path root;

    @Test
    void apparmorLockdownAndSecureBootOnALiveSystem() throws Exception {
        Fixture f = new Fixture(root)
                .write("/usr/lib/systemd/system/apparmor.service", "[Install]", "WantedBy=sysinit.target")
                .link("/etc/systemd/system/sysinit.target.wants/apparmor.service", "/usr/lib/systemd/system/apparmor.service")
                .write("/sys/module/apparmor/parameters/enabled", "Y")
                .write("/sys/kernel/security/apparmor/profiles", "/usr/sbin/cupsd (enforce)", "nvidia_modprobe (complain)",
                        "/usr/bin/man (enforce)")
                .write("/sys/kernel/security/lockdown", "none [integrity] confidentiality")
                .dir("/sys/firmware/efi/efivars");
        Files.write(root.resolve("sys/firmware/efi/efivars/SecureBoot-8be4df61-93ca-11d2-aa0d-00e098032b8c"),
                new byte[] { 6, 0, 0, 0, 1 });
        Map<String, Observation> o = f.collect(new MandatoryAccessControlCollector(), true);
        assertEquals(List.of("enabled"), o.get("linux.systemd.unit.apparmor.service").values());
        assertEquals(Observation.of("linux.apparmor.enabled", "yes", Source.runtime("/sys/module/apparmor/parameters/enabled")),
                o.get("linux.apparmor.enabled"));
        assertEquals(List.of("2"), o.get("linux.apparmor.profiles.enforce").values());
        assertEquals(List.of("1"), o.get("linux.apparmor.profiles.complain").values());
        assertEquals(List.of("integrity"), o.get("linux.kernel.lockdown").values());
        assertEquals(Observation.of("linux.secureboot.enabled", "yes", Source.runtime(
                MandatoryAccessControlCollector.SECURE_BOOT_VAR)), o.get("linux.secureboot.enabled"));
        assertEquals(ObservationState.ABSENT, o.get("linux.selinux.mode").state());

        Map<String, Observation> offline = f.collect(new MandatoryAccessControlCollector(), false);
        assertEquals(Observation.unavailable("linux.apparmor.enabled",
                "the running kernel's state exists only on a live system"), offline.get("linux.apparmor.enabled"));
        Map<String, Observation> noEfi = new Fixture(root.resolve("b")).collect(new MandatoryAccessControlCollector(), true);
        assertEquals(Observation.absent("linux.secureboot.enabled", Source.runtime("/sys/firmware/efi"),
                "not booted with EFI"), noEfi.get("linux.secureboot.enabled"));
        assertEquals(List.of("no"), noEfi.get("linux.apparmor.enabled").values());
    }

    @Test
    void auditConfigurationAndRulesFromRulesD() throws Exception {
        Fixture f = new Fixture(root)
                .write("/lib/systemd/system/auditd.service", "[Install]", "WantedBy=multi-user.target")
                .link("/etc/systemd/system/multi-user.target.wants/auditd.service", "/lib/systemd/system/auditd.service")
                .write("/etc/audit/auditd.conf", "max_log_file = 8", "max_log_file_action = KEEP_LOGS",
                        "space_left_action = email", "admin_space_left_action")
                .write("/etc/audit/rules.d/50-identity.rules", "-w /etc/group -p wa -k identity",
                        "-w /etc/passwd -p wa -k identity", "-w /etc/shadow -p")
                .write("/etc/audit/rules.d/50-time.rules",
                        "-a always,exit -F arch=b64 -S adjtimex,settimeofday -k time-change",
                        "-a exit,always -F arch=b32 -S adjtimex -S settimeofday -k time-change")
                .write("/etc/audit/rules.d/99-finalize.rules", "-e 2")
                .write("/etc/audit/audit.rules", "-w /etc/gshadow -p wa");
        Map<String, Observation> o = f.collect(new AuditCollector(), false);
        assertEquals(List.of("enabled"), o.get("linux.systemd.unit.auditd.service").values());
        assertEquals(Observation.of("linux.auditd.max_log_file_action", "keep_logs", Source.file("/etc/audit/auditd.conf", 2)),
                o.get("linux.auditd.max_log_file_action"));
        assertEquals(ObservationState.UNPARSEABLE, o.get("linux.auditd.admin_space_left_action").state());
        assertEquals(Observation.of("linux.audit.watch./etc/passwd", "wa", Source.dropIn("/etc/audit/rules.d/50-identity.rules", 2)),
                o.get("linux.audit.watch./etc/passwd"));
        assertEquals(Observation.unparseable("linux.audit.watch./etc/shadow", Source.file("/etc/audit/rules.d/50-identity.rules", 3),
                "/etc/audit/rules.d/50-identity.rules:3: watch rule without a path or permissions"),
                o.get("linux.audit.watch./etc/shadow"));
        // audit.rules is generated from rules.d and not read when rules.d has rules
        assertEquals(ObservationState.ABSENT, o.get("linux.audit.watch./etc/gshadow").state());
        assertEquals(Observation.ofAll("linux.audit.syscall.settimeofday", List.of("b64", "b32"),
                Source.dropIn("/etc/audit/rules.d/50-time.rules", 1)), o.get("linux.audit.syscall.settimeofday"));
        assertEquals(ObservationState.ABSENT, o.get("linux.audit.syscall.sethostname").state());
        assertEquals(Observation.of("linux.audit.immutable", "yes", Source.dropIn("/etc/audit/rules.d/99-finalize.rules", 1)),
                o.get("linux.audit.immutable"));
    }

    @Test
    void auditRulesFallBackToAuditRulesAndUnreadable() throws Exception {
        Fixture f = new Fixture(root).write("/etc/audit/audit.rules", "-w /etc/gshadow -p wa");
        assertEquals(Observation.of("linux.audit.watch./etc/gshadow", "wa", Source.file("/etc/audit/audit.rules", 1)),
                f.collect(new AuditCollector(), false).get("linux.audit.watch./etc/gshadow"));
        new Fixture(root).dir("/etc/audit/rules.d/10-x.rules");
        Observation unreadable = f.collect(new AuditCollector(), false).get("linux.audit.immutable");
        assertEquals(ObservationState.UNREADABLE, unreadable.state());
        assertEquals("/etc/audit/rules.d/10-x.rules: is a directory, expected a file", unreadable.reason());
    }

    @Test
    void integrityLoggingUpdatesAndEncryption() throws Exception {
        Fixture f = new Fixture(root)
                .write("/var/lib/aide/aide.db", "db")
                .write("/lib/systemd/system/dailyaidecheck.timer", "[Install]", "WantedBy=timers.target")
                .link("/etc/systemd/system/timers.target.wants/dailyaidecheck.timer", "/lib/systemd/system/dailyaidecheck.timer")
                .write("/etc/systemd/journald.conf", "[Journal]", "Storage=persistent")
                .write("/etc/systemd/journald.conf.d/10-fwd.conf", "[Journal]", "ForwardToSyslog=Yes")
                .write("/etc/rsyslog.conf", "$FileCreateMode 0644", "*.* /var/log/syslog")
                .write("/etc/rsyslog.d/50-cis.conf", "$FileCreateMode 0640")
                .write("/etc/apt/apt.conf.d/20auto-upgrades", "APT::Periodic::Update-Package-Lists \"1\";",
                        "APT::Periodic::Unattended-Upgrade \"1\";")
                .write("/etc/apt/apt.conf.d/99-off", "APT::Periodic::Unattended-Upgrade \"0\";")
                .write("/etc/crypttab", "# <target> <source> <key> <options>", "sda3_crypt UUID=abc none luks,discard")
                .write("/etc/fstab", "/dev/mapper/vg-root / ext4 errors=remount-ro 0 1");
        Map<String, Observation> o = f.collect(new IntegrityLoggingUpdatesCollector(), false);
        assertEquals(Observation.of("linux.aide.database", "/var/lib/aide/aide.db", Source.file("/var/lib/aide/aide.db", 0)),
                o.get("linux.aide.database"));
        assertEquals(List.of("timer"), o.get("linux.aide.scheduled").values());
        assertEquals(Observation.of("linux.journald.storage", "persistent", Source.file("/etc/systemd/journald.conf", 2)),
                o.get("linux.journald.storage"));
        assertEquals(List.of("yes"), o.get("linux.journald.forwardtosyslog").values());
        assertEquals(Observation.absent("linux.journald.compress", Source.builtInDefault("journald: yes"),
                "[Journal] Compress is not set"), o.get("linux.journald.compress"));
        assertEquals(Observation.of("linux.rsyslog.filecreatemode", "0640", Source.file("/etc/rsyslog.d/50-cis.conf", 1)),
                o.get("linux.rsyslog.filecreatemode"));
        assertEquals(Observation.of("linux.apt.periodic.unattended-upgrade", "0", Source.dropIn("/etc/apt/apt.conf.d/99-off", 1)),
                o.get("linux.apt.periodic.unattended-upgrade"));
        assertEquals(List.of("1"), o.get("linux.apt.periodic.update-package-lists").values());
        assertEquals(Observation.ofAll("linux.crypttab.entries", List.of("sda3_crypt"), Source.file("/etc/crypttab", 2)),
                o.get("linux.crypttab.entries"));
        assertEquals(List.of("yes"), o.get("linux.disk.root-on-mapper").values());
        assertEquals(ObservationState.ABSENT, o.get("linux.systemd.unit.rsyslog.service").state());

        Map<String, Observation> bare = new Fixture(root.resolve("bare")).collect(new IntegrityLoggingUpdatesCollector(), false);
        assertEquals(Observation.absent("linux.aide.database", Source.file("/var/lib/aide/aide.db", 0),
                "no AIDE database: AIDE was never initialised (aideinit)"), bare.get("linux.aide.database"));
        assertEquals(ObservationState.ABSENT, bare.get("linux.aide.scheduled").state());
        assertEquals(ObservationState.ABSENT, bare.get("linux.journald.storage").state());
    }
}
