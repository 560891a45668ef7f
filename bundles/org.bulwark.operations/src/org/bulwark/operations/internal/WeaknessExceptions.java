package org.bulwark.operations.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.bulwark.operations.api.ExceptedFinding;
import org.bulwark.scoring.api.ControlException;
import org.bulwark.scoring.api.Device;
import org.bulwark.vulnerability.api.Finding;
import org.bulwark.vulnerability.api.SoftwareRecommendation;

/**
 * The {@code cve:} and {@code software:} exceptions of one device applied to its findings, as a control's exception
 * applies to its result: one whose justification gives credit takes the weakness out of the exposure score (and its
 * recommendation, once nothing is left of it); one that does not shows the weakness as excepted and leaves it counted.
 */
final class WeaknessExceptions {

    private final List<ControlException> covering;
    private final List<Finding> counted = new ArrayList<>();
    private final List<ExceptedFinding> excepted = new ArrayList<>();

    /**
     * @param exceptions every exception (of controls too); those active at {@code now} for {@code device} apply
     * @param findings   the device's findings, in order
     */
    WeaknessExceptions(List<ControlException> exceptions, Device device, Instant now, List<Finding> findings) {
        List<ControlException> c = new ArrayList<>();
        for (ControlException e : exceptions) {
            if (e.isWeaknessException() && e.activeAt(now) && e.covers(device)) {
                c.add(e);
            }
        }
        this.covering = List.copyOf(c);
        for (Finding f : findings) {
            ControlException by = exceptionOf(f.vulnId(), f.aliases(), f.sourcePackage());
            if (by == null) {
                counted.add(f);
                continue;
            }
            excepted.add(new ExceptedFinding(f, by));
            if (!by.justification().givesCredit()) {
                counted.add(f);
            }
        }
    }

    /** @return the exception covering a weakness, a crediting one first; {@code null} when none does */
    private ControlException exceptionOf(String vulnId, List<String> aliases, String sourcePackage) {
        ControlException found = null;
        for (ControlException e : covering) {
            if (e.coversWeakness(vulnId, aliases, sourcePackage)
                    && (found == null || e.justification().givesCredit() && !found.justification().givesCredit())) {
                found = e;
            }
        }
        return found;
    }

    /** @return the findings that count in the score */
    List<Finding> counted() {
        return List.copyOf(counted);
    }

    /** @return the findings an exception covers */
    List<ExceptedFinding> excepted() {
        return List.copyOf(excepted);
    }

    /**
     * @return {@code s} with only the findings that still count; {@code null} when a crediting exception covers all
     *         of it: every finding it had, or its source package when it had none (an uninstall of unsupported
     *         software, say)
     */
    SoftwareRecommendation apply(SoftwareRecommendation s) {
        if (s.findings().isEmpty()) {
            ControlException by = exceptionOf("", List.of(), s.sourcePackage());
            return by != null && by.justification().givesCredit() ? null : s;
        }
        Set<String> left = new HashSet<>();
        for (Finding f : counted) {
            if (f.sourcePackage().equals(s.sourcePackage())) {
                left.add(f.vulnId());
            }
        }
        List<String> findings = s.findings().stream().filter(left::contains).toList();
        if (findings.isEmpty()) {
            return null;
        }
        return findings.size() == s.findings().size() ? s
                : new SoftwareRecommendation(s.sourcePackage(), s.remediationType(), s.recommendedVersion(),
                        s.binaries(), findings, s.exposedDevices(), s.exposureImpact(), s.secureScoreImpact());
    }
}
