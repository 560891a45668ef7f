package org.bulwark.scoring.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.bulwark.collector.api.Collector;
import org.bulwark.collector.api.Observation;

/** Checks what a collector returned against the contract of {@link Collector}. */
final class CollectorRunner {

    private CollectorRunner() {
    }

    /**
     * @return {@code null} when {@code observations} are well-formed for {@code provides}, else what is wrong
     */
    static String validate(List<Observation> observations, Set<String> provides) {
        if (observations == null) {
            return "returned null instead of a list of observations";
        }
        Set<String> seen = new HashSet<>();
        int i = 0;
        for (Observation o : observations) {
            if (o == null) {
                return "observation #" + i + " is null";
            }
            if (!Observation.KEY_PATTERN.matcher(o.key()).matches()) {
                return "observation #" + i + " has an invalid key '" + abbreviate(o.key()) + "'";
            }
            if (provides.stream().noneMatch(p -> Collector.covers(p, o.key()))) {
                return "observation " + o.key() + " is not among the keys the collector declares";
            }
            if (!seen.add(o.key())) {
                return "observation " + o.key() + " is reported twice";
            }
            if (o.values().size() > Observation.MAX_VALUES) {
                return "observation " + o.key() + " has " + o.values().size() + " values, more than the limit of "
                        + Observation.MAX_VALUES;
            }
            for (String v : o.values()) {
                if (v == null) {
                    return "observation " + o.key() + " has a null value";
                }
                if (v.length() > Observation.MAX_VALUE_LENGTH) {
                    return "observation " + o.key() + " has a value of " + v.length()
                            + " characters, more than the limit of " + Observation.MAX_VALUE_LENGTH;
                }
            }
            i++;
        }
        return null;
    }

    static String abbreviate(String s) {
        return s.length() > 80 ? s.substring(0, 77) + "..." : s;
    }

    static Duration since(Instant start) {
        return Duration.between(start, Instant.now());
    }
}
