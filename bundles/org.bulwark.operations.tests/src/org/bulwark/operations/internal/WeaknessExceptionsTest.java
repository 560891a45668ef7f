package org.bulwark.operations.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.bulwark.operations.api.ExceptedFinding;
import org.bulwark.scoring.api.ControlException;
import org.bulwark.scoring.api.ControlException.Scope;
import org.bulwark.scoring.api.Device;
import org.bulwark.scoring.api.Justification;
import org.bulwark.vulnerability.api.Finding;
import org.bulwark.vulnerability.api.FindingState;
import org.bulwark.vulnerability.api.RemediationType;
import org.bulwark.vulnerability.api.Severity;
import org.bulwark.vulnerability.api.SoftwareRecommendation;
import org.junit.jupiter.api.Test;

/** Which weakness exceptions apply to a device, and what they do to its findings and recommendations. */
class WeaknessExceptionsTest {

    private static final Instant NOW = Instant.parse("2026-12-01T00:00:00Z");
    private static final Device WEB = new Device("m-1", "web", "debian", Set.of("dmz"));

    private static Finding finding(String id, String source, String... aliases) {
        return new Finding(id, List.of(aliases), source, List.of(source + ":amd64"), "1.0-1", Optional.of("1.0-2"),
                Optional.empty(), FindingState.VULNERABLE, Severity.HIGH, "high", 0.5);
    }

    private static ControlException exception(String id, String target, Scope scope, String who,
            Justification why, Instant expires) {
        return new ControlException(id, target, scope, who, why, "alice", NOW.minusSeconds(60), expires, null);
    }

    private static List<String> ids(List<Finding> findings) {
        return findings.stream().map(Finding::vulnId).toList();
    }

    @Test
    void onlyActiveWeaknessExceptionsOfTheDeviceApply() {
        List<Finding> findings = List.of(finding("CVE-2024-1", "openssl"), finding("DSA-5000-1", "curl",
                "CVE-2024-2"), finding("CVE-2024-3", "zlib"), finding("CVE-2024-4", "tar"));
        List<ControlException> all = List.of(
                exception("by-alias", "cve:cve-2024-2", Scope.GROUP, "dmz", Justification.THIRD_PARTY_CONTROL, null),
                exception("other-device", "cve:CVE-2024-1", Scope.DEVICE, "m-2", Justification.ALTERNATE_MITIGATION,
                        null),
                exception("other-group", "software:openssl", Scope.GROUP, "lab", Justification.ALTERNATE_MITIGATION,
                        null),
                exception("expired", "software:zlib", Scope.GLOBAL, null, Justification.ALTERNATE_MITIGATION,
                        NOW.minusSeconds(1)),
                exception("a-control", "linux.ssh.root-login", Scope.GLOBAL, null, Justification.ALTERNATE_MITIGATION,
                        null),
                exception("accepted", "software:tar", Scope.DEVICE, "m-1", Justification.RISK_ACCEPTED, null));
        WeaknessExceptions w = new WeaknessExceptions(all, WEB, NOW, findings);
        assertEquals(List.of("CVE-2024-1", "CVE-2024-3", "CVE-2024-4"), ids(w.counted()));
        List<ExceptedFinding> excepted = w.excepted();
        assertEquals(List.of("DSA-5000-1", "CVE-2024-4"), excepted.stream().map(x -> x.finding().vulnId()).toList());
        assertEquals(List.of("by-alias", "accepted"), excepted.stream().map(x -> x.exception().id()).toList());
        assertEquals(List.of(true, false), excepted.stream().map(ExceptedFinding::credited).toList());
    }

    @Test
    void aCreditingExceptionWinsOverOneThatOnlyShowsTheWeakness() {
        List<ControlException> both = List.of(
                exception("planned", "cve:CVE-2024-1", Scope.GLOBAL, null, Justification.PLANNED_REMEDIATION, null),
                exception("mitigated", "software:openssl", Scope.DEVICE, "m-1", Justification.ALTERNATE_MITIGATION,
                        null));
        WeaknessExceptions w = new WeaknessExceptions(both, WEB, NOW, List.of(finding("CVE-2024-1", "openssl")));
        assertEquals(List.of(), w.counted());
        assertEquals("mitigated", w.excepted().get(0).exception().id());
    }

    @Test
    void aRecommendationKeepsWhatStillCountsAndGoesWhenNothingDoes() {
        List<Finding> findings = List.of(finding("CVE-2024-1", "openssl"), finding("CVE-2024-2", "openssl"),
                finding("CVE-2024-3", "curl"));
        WeaknessExceptions w = new WeaknessExceptions(List.of(
                exception("one", "cve:CVE-2024-1", Scope.GLOBAL, null, Justification.THIRD_PARTY_CONTROL, null),
                exception("all", "software:curl", Scope.GLOBAL, null, Justification.THIRD_PARTY_CONTROL, null),
                exception("eol", "software:python2.7", Scope.GLOBAL, null, Justification.ALTERNATE_MITIGATION,
                        null)), WEB, NOW, findings);
        SoftwareRecommendation openssl = new SoftwareRecommendation("openssl", RemediationType.UPDATE,
                Optional.of("1.0-2"), List.of("openssl:amd64"), List.of("CVE-2024-1", "CVE-2024-2"), 1, 10, 0);
        assertEquals(List.of("CVE-2024-2"), w.apply(openssl).findings());
        assertNull(w.apply(new SoftwareRecommendation("curl", RemediationType.UPDATE, Optional.of("1.0-2"),
                List.of("curl:amd64"), List.of("CVE-2024-3"), 1, 10, 0)));
        assertNull(w.apply(new SoftwareRecommendation("python2.7", RemediationType.UNINSTALL, Optional.empty(),
                List.of("python2.7:amd64"), List.of(), 1, 0, 0)), "support ended, the package excepted");
        SoftwareRecommendation tar = new SoftwareRecommendation("tar", RemediationType.UNINSTALL, Optional.empty(),
                List.of("tar:amd64"), List.of(), 1, 0, 0);
        assertSame(tar, w.apply(tar));
    }
}
