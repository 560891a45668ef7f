package org.bulwark.operations.api;

import java.util.Collection;
import java.util.List;

import org.bulwark.benchmark.api.Benchmark;
import org.bulwark.scoring.api.ControlException;
import org.bulwark.scoring.api.ControlRef;
import org.bulwark.scoring.api.DeviceResults;
import org.bulwark.scoring.api.FleetScore;
import org.osgi.annotation.versioning.ProviderType;

/** The recommendations of a fleet as rows, with one status rule for every front end. Stateless, thread-safe. */
@ProviderType
public interface RecommendationRows {

    /**
     * Builds one row per control of {@code score} that some active device fails without credit or has under
     * exception, in the score's order (impact, then id). Exceptions count as of {@code score.computedAt()};
     * devices the score left out as inactive are left out here too.
     * <p>
     * The status rule, over the active devices whose result for the control is counted and not PASS: none of them
     * covered by an active exception: {@code ACTIVE}; every one of them covered (whether the exception gives
     * credit or not): {@code EXCEPTION}; some: {@code PARTIAL_EXCEPTION}.
     *
     * @param score      the fleet score
     * @param devices    the devices' results it was computed from
     * @param exceptions the exceptions it was computed with
     * @param controls   the controls it was computed with (titles when the content lacks a control)
     * @param content    the installed content (titles, remediation, description; the first control of an id wins)
     */
    List<RecommendationRow> rows(FleetScore score, Collection<DeviceResults> devices,
            Collection<ControlException> exceptions, Collection<ControlRef> controls, List<Benchmark> content);
}
