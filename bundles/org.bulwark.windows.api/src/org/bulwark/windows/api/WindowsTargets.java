package org.bulwark.windows.api;

import java.util.Optional;

import org.bulwark.collector.api.AssessmentContext;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Opens the Windows target of an assessment. The collectors of one assessment share one opened target (one
 * parse of each hive): the service keeps it while the assessment uses it and releases it a short idle time after
 * the last use, and when the service stops. Thread-safe.
 */
@ProviderType
public interface WindowsTargets {

    /**
     * @return the Windows target at {@code context.root()}; empty when the root is not a Windows system (no
     *         {@code Windows/System32/config/SOFTWARE}) or, for a live context, when this implementation does not
     *         serve live targets
     */
    Optional<WindowsTarget> open(AssessmentContext context);
}
