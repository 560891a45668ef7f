package org.bulwark.collector.linux.security.internal;

import java.util.List;
import java.util.Locale;

import org.bulwark.collector.api.Observation;
import org.bulwark.collector.api.ObservationState;

/** Small helpers shared by this bundle's collectors. */
final class Values {

    private Values() {
    }

    /** @return {@code o} with its values lower-cased */
    static Observation lower(Observation o) {
        if (o.state() != ObservationState.PRESENT) {
            return o;
        }
        return new Observation(o.key(), o.state(), o.values().stream().map(v -> v.toLowerCase(Locale.ROOT)).toList(),
                o.source(), o.reason(), o.others());
    }

    /** @return an observation of {@code key} in the same non-PRESENT state as {@code failure} */
    static Observation sameFailure(String key, Observation failure) {
        return new Observation(key, failure.state(), List.of(), failure.source(), failure.reason(), List.of());
    }
}
