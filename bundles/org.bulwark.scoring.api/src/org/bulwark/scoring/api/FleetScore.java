package org.bulwark.scoring.api;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.bulwark.collector.api.Category;

/**
 * The Secure score of a fleet (one device is a fleet of one), with everything needed to explain it.
 *
 * @param computedAt the time exceptions and the inactivity window were evaluated at
 * @param points     raw points and their maximum; the score is {@link Points#score()}
 * @param categories points per category; a category with nothing counted has possible 0
 * @param controls   each counted control's part, in descending impact, then id
 * @param devices    each active device's own score
 * @param coverage   results by state over all active devices
 * @param inactive   ids of devices left out because their last assessment is older than the window
 */
public record FleetScore(Instant computedAt, Points points, Map<Category, Points> categories,
        List<ControlScore> controls, List<DeviceScore> devices, Coverage coverage, List<String> inactive) {
    public FleetScore {
        categories = Map.copyOf(categories);
        controls = List.copyOf(controls);
        devices = List.copyOf(devices);
        inactive = List.copyOf(inactive);
    }

    /** @return the score 0–100, or {@code NaN} when nothing is counted */
    public double score() {
        return points.score();
    }

    /** @return the part of control {@code id}, or {@code null} when it is not counted anywhere */
    public ControlScore control(String id) {
        for (ControlScore c : controls) {
            if (c.controlId().equals(id)) {
                return c;
            }
        }
        return null;
    }

    /** @return the score of device {@code id}, or {@code null} */
    public DeviceScore device(String id) {
        for (DeviceScore d : devices) {
            if (d.deviceId().equals(id)) {
                return d;
            }
        }
        return null;
    }
}
