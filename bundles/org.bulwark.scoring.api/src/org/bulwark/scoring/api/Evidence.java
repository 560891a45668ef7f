package org.bulwark.scoring.api;

import java.util.List;

import org.bulwark.collector.api.Observation;
import org.bulwark.collector.api.ObservationState;
import org.bulwark.collector.api.Source;

/**
 * What a result was decided on: for one observation key, what was expected, what was found and where.
 *
 * @param key      the observation key
 * @param expected what the control expects of it, for people
 * @param state    the observation's state, or {@code null} when no observation was reported
 * @param actual   the observed values
 * @param source   where they came from, or {@code null}
 * @param others   other places that set the fact (overridden values, runtime drift)
 * @param reason   why it could not be observed, or a note; may be {@code null}
 */
public record Evidence(String key, String expected, ObservationState state, List<String> actual, Source source,
        List<Observation.Other> others, String reason) {
    public Evidence {
        actual = actual == null ? List.of() : List.copyOf(actual);
        others = others == null ? List.of() : List.copyOf(others);
    }
}
