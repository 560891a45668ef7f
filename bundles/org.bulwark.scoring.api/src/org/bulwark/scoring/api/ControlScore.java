package org.bulwark.scoring.api;

import org.bulwark.collector.api.Category;

/**
 * One control's part of a fleet score. Which devices are exposed is told by the
 * {@link Recommendation}s; a score holds only counts so that it can be recomputed in time proportional to
 * the number of controls.
 *
 * @param controlId      the control
 * @param category       its category
 * @param weight         its weight, the maximum points
 * @param countedDevices devices where it is counted ({@code |A_c|})
 * @param credit         their summed credit ({@code C_c}), exceptions applied
 * @param points         {@code w · C / |A|}
 * @param impact         score points gained if every exposed device is fixed: {@code 100 · (w − points) / Σ max}
 * @param exposed        counted devices without credit
 * @param excepted       devices with a non-passing counted result covered by an active exception
 */
public record ControlScore(String controlId, Category category, int weight, int countedDevices, double credit,
        double points, double impact, int exposed, int excepted) {
}
