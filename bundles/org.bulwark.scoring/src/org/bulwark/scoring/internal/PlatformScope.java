package org.bulwark.scoring.internal;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.bulwark.benchmark.api.Control;
import org.bulwark.collector.api.PlatformFacts;

/**
 * Which controls belong to another platform than the target's: a control whose every observation key starts with
 * a platform family ({@code linux.}, {@code windows.}, {@code macos.}) other than the target's family reads facts
 * the target cannot have, so it is NOT_APPLICABLE there (a Linux control on a Windows image) and its collectors do
 * not run. A target whose family is unknown keeps every control, so nothing is hidden when the platform could not
 * be told. Stateless.
 */
final class PlatformScope {

    static final List<String> FAMILIES = List.of("linux", "windows", "macos");

    private PlatformScope() {
    }

    /** @return the reason {@code control} does not apply to {@code platform}; empty when it may apply */
    static Optional<String> notApplicable(Control control, PlatformFacts platform) {
        String family = platform.osFamily();
        if (!FAMILIES.contains(family)) {
            return Optional.empty();
        }
        Set<String> keys = control.keys();
        for (String other : FAMILIES) {
            if (!other.equals(family) && !keys.isEmpty() && keys.stream().allMatch(k -> k.startsWith(other + "."))) {
                return Optional.of("the control is for " + other + " targets; this target runs " + family);
            }
        }
        return Optional.empty();
    }
}
