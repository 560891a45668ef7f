package org.bulwark.report.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.bulwark.benchmark.api.Control;
import org.bulwark.benchmark.api.Expectation;
import org.bulwark.benchmark.api.Operator;
import org.bulwark.benchmark.api.References;
import org.bulwark.benchmark.api.Remediation;
import org.bulwark.benchmark.api.RemediationType;
import org.bulwark.collector.api.Category;
import org.bulwark.collector.api.inventory.SoftwareInventory;
import org.bulwark.collector.api.inventory.SoftwareItem;
import org.bulwark.collector.api.Observation;
import org.bulwark.collector.api.ObservationState;
import org.bulwark.collector.api.PlatformFacts;
import org.bulwark.collector.api.Source;
import org.bulwark.scoring.api.AssessedControl;
import org.bulwark.scoring.api.Assessment;
import org.bulwark.scoring.api.BenchmarkInfo;
import org.bulwark.scoring.api.CollectorRun;
import org.bulwark.scoring.api.ControlException;
import org.bulwark.scoring.api.ControlResult;
import org.bulwark.scoring.api.ControlScore;
import org.bulwark.scoring.api.Coverage;
import org.bulwark.scoring.api.Device;
import org.bulwark.scoring.api.DeviceScore;
import org.bulwark.scoring.api.Evidence;
import org.bulwark.scoring.api.FleetScore;
import org.bulwark.scoring.api.Justification;
import org.bulwark.scoring.api.Points;
import org.bulwark.scoring.api.Recommendation;
import org.bulwark.scoring.api.ResultState;

/**
 * An assessment built by hand, scored by hand with the formulas of docs/scoring.md.
 *
 * <pre>
 * control     category           w  state           credit
 * t.aslr      Operating system   8  PASS            1
 * t.ssh.root  Accounts          10  FAIL            0
 * t.fw        Network            5  ERROR           0
 * t.tmp       Operating system   3  NOT_CHECKED     –
 * t.av        Security controls  4  FAIL + RISK_ACCEPTED exception (no credit)
 * t.app       Application        2  NOT_APPLICABLE  –
 * </pre>
 * Σ points 8, Σ max 27: score 29.6296; impacts 37.0370, 18.5185, 14.8148 (sum 70.3704 = 100 − score);
 * coverage 3 of 4 counted decided = 75%.
 */
final class Fixtures {

    static final Instant STARTED = Instant.parse("2026-11-27T08:00:00Z");
    static final Instant FINISHED = Instant.parse("2026-11-27T08:00:05.250Z");
    static final Device DEVICE = new Device("d-1", "web-01", "Debian GNU/Linux 12 (bookworm)", Set.of("prod"));

    static final ControlException AV_EXCEPTION = new ControlException("x-7", "t.av", ControlException.Scope.DEVICE,
            "d-1", Justification.RISK_ACCEPTED, "alice", Instant.parse("2026-11-01T00:00:00Z"),
            Instant.parse("2027-01-01T00:00:00Z"), "vendor fix due in Q1");

    private Fixtures() {
    }

    static Control control(String id, String title, Category category, int weight, String key, Operator op,
            String value, Remediation remediation, References refs) {
        Expectation expect = new Expectation.Check(key, op, value == null ? List.of() : List.of(value), null);
        return new Control(id, title, category, weight, "Checks " + key + ".", "Because " + id + " matters.",
                expect, null, remediation, refs);
    }

    static Assessment assessment() {
        Control aslr = control("t.aslr", "Address space layout randomization is enabled", Category.OPERATING_SYSTEM, 8,
                "linux.sysctl.kernel.randomize_va_space", Operator.EQUALS, "2",
                new Remediation(RemediationType.CONFIGURATION_CHANGE, "Set kernel.randomize_va_space = 2.",
                        "sysctl -w kernel.randomize_va_space=2"),
                new References(List.of("Debian 12: 1.5.3"), List.of("SC-30"), null, null, null));
        Control ssh = control("t.ssh.root", "SSH root login is disabled", Category.ACCOUNTS, 10,
                "linux.sshd.permitrootlogin", Operator.EQUALS, "no",
                new Remediation(RemediationType.CONFIGURATION_CHANGE,
                        "Set \"PermitRootLogin no\", then reload sshd.\nSee <man sshd_config> & the CIS text.",
                        "sed -i 's/^PermitRootLogin.*/PermitRootLogin no/' /etc/ssh/sshd_config\n"
                                + "echo '<script>alert(1)</script>'"),
                new References(List.of("Debian 12: 5.1.20"), List.of("AC-6", "IA-2"), null,
                        List.of("sshd_disable_root_login"), null));
        Control fw = control("t.fw", "A host firewall filters incoming traffic", Category.NETWORK, 5,
                "linux.firewall.policy", Operator.EQUALS, "drop",
                new Remediation(RemediationType.SOFTWARE_INSTALL, "=cmd|' /C calc'!A0 install nftables", null),
                null);
        Control tmp = control("t.tmp", "/tmp is mounted with nodev", Category.OPERATING_SYSTEM, 3,
                "linux.mounts./tmp.options", Operator.EQUALS, "nodev",
                new Remediation(RemediationType.CONFIGURATION_CHANGE, "Mount /tmp with nodev.", null), null);
        Control av = control("t.av", "Malware protection is active", Category.SECURITY_CONTROLS, 4,
                "linux.clamav.running", Operator.PRESENT, null,
                new Remediation(RemediationType.SOFTWARE_INSTALL, "@SUM(1+1) install clamav, then enable it", null),
                null);
        Control app = control("t.app", "Unattended upgrades are enabled", Category.APPLICATION, 2,
                "linux.apt.unattended", Operator.EQUALS, "1",
                new Remediation(RemediationType.SOFTWARE_INSTALL, "Install unattended-upgrades.", null), null);

        ControlResult aslrR = new ControlResult("t.aslr", ResultState.PASS, null, List.of(new Evidence(
                "linux.sysctl.kernel.randomize_va_space", "equals \"2\"", ObservationState.PRESENT, List.of("2"),
                Source.runtime("/proc/sys/kernel/randomize_va_space"), null, null)));
        ControlResult sshR = new ControlResult("t.ssh.root", ResultState.FAIL, "permitrootlogin is \"yes\"",
                List.of(new Evidence("linux.sshd.permitrootlogin", "equals \"no\"", ObservationState.PRESENT,
                        List.of("yes"), Source.file("/etc/ssh/sshd_config", 12),
                        List.of(new Observation.Other("no", Source.dropIn("/etc/ssh/sshd_config.d/50-cloud.conf", 3),
                                "overridden")),
                        null)));
        ControlResult fwR = new ControlResult("t.fw", ResultState.ERROR,
                "collector linux.firewall timed out after 120 s", List.of(new Evidence("linux.firewall.policy",
                        "equals \"drop\"", null, null, null, null, "collector linux.firewall timed out after 120 s")));
        ControlResult tmpR = new ControlResult("t.tmp", ResultState.NOT_CHECKED,
                "no collector provides linux.mounts./tmp.options", List.of());
        ControlResult avR = new ControlResult("t.av", ResultState.FAIL, "clamav is not running",
                List.of(new Evidence("linux.clamav.running", "present", ObservationState.ABSENT, null,
                        new Source(org.bulwark.collector.api.SourceKind.COMMAND_OUTPUT, "systemctl is-active clamav-daemon",
                                0, null), null, "inactive")));
        ControlResult appR = new ControlResult("t.app", ResultState.NOT_APPLICABLE, "not a Debian system", List.of());

        double sum = 27;
        ControlScore sshS = new ControlScore("t.ssh.root", Category.ACCOUNTS, 10, 1, 0, 0, 100.0 * 10 / sum,
                1, 0);
        ControlScore fwS = new ControlScore("t.fw", Category.NETWORK, 5, 1, 0, 0, 100.0 * 5 / sum, 1, 0);
        ControlScore avS = new ControlScore("t.av", Category.SECURITY_CONTROLS, 4, 1, 0, 0, 100.0 * 4 / sum,
                1, 1);
        ControlScore aslrS = new ControlScore("t.aslr", Category.OPERATING_SYSTEM, 8, 1, 1, 8, 0, 0, 0);
        Coverage coverage = new Coverage(4, 1, 2, 1, 0, 1, 1, 0);
        FleetScore score = new FleetScore(FINISHED, new Points(8, 27),
                Map.of(Category.OPERATING_SYSTEM, new Points(8, 8), Category.ACCOUNTS, new Points(0, 10),
                        Category.NETWORK, new Points(0, 5), Category.SECURITY_CONTROLS, new Points(0, 4),
                        Category.APPLICATION, new Points(0, 0)),
                List.of(sshS, fwS, avS, aslrS), List.of(new DeviceScore("d-1", new Points(8, 27), coverage)),
                coverage, List.of());

        List<Recommendation> recs = List.of(
                new Recommendation(ssh, sshS.impact(), List.of("d-1"), Recommendation.Status.ACTIVE,
                        List.of(new Recommendation.DeviceEvidence("d-1", sshR, null))),
                new Recommendation(fw, fwS.impact(), List.of("d-1"), Recommendation.Status.ACTIVE,
                        List.of(new Recommendation.DeviceEvidence("d-1", fwR, null))),
                new Recommendation(av, avS.impact(), List.of("d-1"), Recommendation.Status.EXCEPTION,
                        List.of(new Recommendation.DeviceEvidence("d-1", avR, AV_EXCEPTION))));

        PlatformFacts platform = new PlatformFacts("linux", "debian", "12", "Debian GNU/Linux 12 (bookworm)", "amd64",
                "web-01", "d-1");
        List<BenchmarkInfo> content = List.of(new BenchmarkInfo("test-content", "Test content", "2026.11",
                "org.bulwark.content/linux.json", "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
                6));
        List<CollectorRun> collectors = List.of(
                new CollectorRun("linux.sysctl", Category.OPERATING_SYSTEM, "org.bulwark.collector.linux 1.0.0",
                        CollectorRun.Outcome.OK, Duration.ofMillis(12), 310, null),
                new CollectorRun("linux.firewall", Category.NETWORK, "org.bulwark.collector.linux 1.0.0",
                        CollectorRun.Outcome.TIMED_OUT, Duration.ofSeconds(120), 0, "timed out after 120 s"));
        List<AssessedControl> controls = List.of(new AssessedControl(aslr, "test-content", aslrR),
                new AssessedControl(ssh, "test-content", sshR), new AssessedControl(fw, "test-content", fwR),
                new AssessedControl(tmp, "test-content", tmpR), new AssessedControl(av, "test-content", avR),
                new AssessedControl(app, "test-content", appR));
        return new Assessment(DEVICE, platform, "/", true, STARTED, FINISHED, content, collectors, controls, score,
                recs, List.of(AV_EXCEPTION), List.of(), SOFTWARE);
    }

    /** The software of {@link #assessment()}: two dpkg packages with a problem, and an origin not on the target. */
    static final List<SoftwareInventory> SOFTWARE = List.of(
            SoftwareInventory.read("dpkg", List.of(
                    new SoftwareItem("bsdutils", "amd64", "1:2.38.1-5+deb12u3", "util-linux", "2.38.1-5+deb12u3",
                            "installed", "", "dpkg"),
                    new SoftwareItem("libc6", "i386", "2.36-9+deb12u13", "glibc", "2.36-9+deb12u13", "unpacked",
                            "", "dpkg")),
                    List.of("/var/lib/dpkg/status:25: malformed Status of broken: 'install ok'")),
            SoftwareInventory.unavailable("windows.uninstall", "not a Windows image"));

    /** An assessment where nothing is counted: there is no score. */
    static Assessment nothingCounted() {
        Control app = control("t.app", "Unattended upgrades are enabled", Category.APPLICATION, 2,
                "linux.apt.unattended", Operator.EQUALS, "1",
                new Remediation(RemediationType.SOFTWARE_INSTALL, "Install unattended-upgrades.", null), null);
        ControlResult appR = new ControlResult("t.app", ResultState.NOT_CHECKED, "no collector provides it", List.of());
        Coverage coverage = new Coverage(0, 0, 0, 0, 0, 1, 0, 0);
        FleetScore score = new FleetScore(FINISHED, new Points(0, 0), Map.of(), List.of(),
                List.of(new DeviceScore("d-2", new Points(0, 0), coverage)), coverage, List.of());
        return new Assessment(new Device("d-2", "empty-01", "Linux", Set.of()), null, "/mnt/image", false, STARTED,
                FINISHED, List.of(), List.of(), List.of(new AssessedControl(app, "test-content", appR)), score,
                List.of(), List.of(), List.of("bad.json: controls[0].weight: must be 1 to 10"));
    }
}
