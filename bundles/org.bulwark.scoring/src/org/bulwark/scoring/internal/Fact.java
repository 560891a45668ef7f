package org.bulwark.scoring.internal;

import org.bulwark.collector.api.Observation;
import org.bulwark.scoring.api.ResultState;

/**
 * What an assessment knows of one observation key: the observation, or why there is none.
 *
 * @param observation the observation, or {@code null}
 * @param missing     when {@code observation} is null: ERROR (its collector failed) or NOT_CHECKED (no
 *                    collector provides it)
 * @param reason      when {@code observation} is null: why
 */
record Fact(Observation observation, ResultState missing, String reason) {

    static Fact of(Observation o) {
        return new Fact(o, null, null);
    }

    static Fact notProvided(String key) {
        return new Fact(null, ResultState.NOT_CHECKED, "no installed collector provides " + key);
    }

    static Fact failed(String reason) {
        return new Fact(null, ResultState.ERROR, reason);
    }
}
