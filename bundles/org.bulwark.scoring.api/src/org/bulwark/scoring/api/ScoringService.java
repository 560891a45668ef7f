package org.bulwark.scoring.api;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;

import org.osgi.annotation.versioning.ProviderType;

/** Computes scores exactly as {@code docs/scoring.md} defines them. A thread-safe service. */
@ProviderType
public interface ScoringService {

    /** Devices whose last assessment is older than this leave fleet figures. */
    Duration DEFAULT_INACTIVITY_WINDOW = Duration.ofDays(30);

    /**
     * Scores a fleet in one go.
     *
     * @param controls   the controls to score; results for other control ids are ignored
     * @param devices    each device's results
     * @param exceptions exceptions to apply; only those active at {@code now} count
     * @param now        the time exceptions and the inactivity window are evaluated at
     */
    FleetScore score(Collection<ControlRef> controls, Collection<DeviceResults> devices,
            Collection<ControlException> exceptions, Instant now);

    /**
     * Creates an incrementally updated fleet score for the same inputs as
     * {@link #score(Collection, Collection, Collection, Instant)}.
     */
    Fleet newFleet(Collection<ControlRef> controls, Collection<ControlException> exceptions, Instant now);

    /** Scores SCAP-style content with one of the XCCDF models; equal to OpenSCAP's figures. */
    XccdfScore xccdf(XccdfItem benchmark, XccdfModel model);
}
