package org.bulwark.store.api;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.bulwark.collector.api.Category;
import org.bulwark.scoring.api.Coverage;
import org.bulwark.scoring.api.Device;
import org.bulwark.scoring.api.Points;

/**
 * A stored assessment's headline figures: what {@code bulwark history} lists.
 *
 * @param id         the store's id of the assessment (increasing in storing order)
 * @param device     the device as it was at the time (id, host name, OS, groups)
 * @param started    when collection started
 * @param finished   when scoring finished: the assessment's time
 * @param content    the content used, as {@code id version} each
 * @param points     the device's score: earned and possible points
 * @param categories points per category (every category; possible 0 when nothing counted there)
 * @param coverage   results by state
 * @param complete   whether every counted check ran and no collector failed
 */
public record AssessmentSummary(long id, Device device, Instant started, Instant finished, List<String> content,
        Points points, Map<Category, Points> categories, Coverage coverage, boolean complete) {
    public AssessmentSummary {
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(finished, "finished");
        content = List.copyOf(content);
        categories = Map.copyOf(categories);
    }

    /** @return the score 0–100, or {@code NaN} when nothing was counted */
    public double score() {
        return points.score();
    }
}
