package org.bulwark.store.api;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

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
 * @param exposure   the device's exposure score (0 to 100, lower is better) as computed when it was stored;
 *                   empty when none was (no feed, no inventory a feed covers, stored before schema 8) — since 1.7
 */
public record AssessmentSummary(long id, Device device, Instant started, Instant finished, List<String> content,
        Points points, Map<Category, Points> categories, Coverage coverage, boolean complete,
        Optional<Double> exposure) {
    public AssessmentSummary {
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(finished, "finished");
        content = List.copyOf(content);
        categories = Map.copyOf(categories);
        Objects.requireNonNull(exposure, "exposure");
    }

    /** A summary without an exposure score (the 1.0 constructor). */
    public AssessmentSummary(long id, Device device, Instant started, Instant finished, List<String> content,
            Points points, Map<Category, Points> categories, Coverage coverage, boolean complete) {
        this(id, device, started, finished, content, points, categories, coverage, complete, Optional.empty());
    }

    /** @return the score 0–100, or {@code NaN} when nothing was counted */
    public double score() {
        return points.score();
    }
}
