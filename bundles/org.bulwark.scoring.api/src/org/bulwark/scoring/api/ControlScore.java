package org.bulwark.scoring.api;

import java.util.List;

import org.bulwark.collector.api.Category;

/**
 * One control's part of a fleet score.
 *
 * @param controlId       the control
 * @param category        its category
 * @param weight          its weight, the maximum points
 * @param countedDevices  devices where it is counted ({@code |A_c|})
 * @param credit          their summed credit ({@code C_c}), exceptions applied
 * @param points          {@code w · C / |A|}
 * @param impact          score points gained if every exposed device is fixed: {@code 100 · (w − points) / Σ max}
 * @param exposedDevices  ids of counted devices without credit
 * @param exceptedDevices ids of devices with a non-passing counted result covered by an active exception
 */
public record ControlScore(String controlId, Category category, int weight, int countedDevices, double credit,
        double points, double impact, List<String> exposedDevices, List<String> exceptedDevices) {
    public ControlScore {
        exposedDevices = List.copyOf(exposedDevices);
        exceptedDevices = List.copyOf(exceptedDevices);
    }
}
