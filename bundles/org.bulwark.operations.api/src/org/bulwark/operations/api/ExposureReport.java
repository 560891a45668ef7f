package org.bulwark.operations.api;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.bulwark.vulnerability.api.ExposureBand;
import org.bulwark.vulnerability.api.SoftwareRecommendation;

/**
 * The exposure of a set of devices.
 *
 * @param feeds           the feeds it was computed from, with their age
 * @param stale           whether a feed is stale, or there is no advisory feed at all: the exposure is then not
 *                        to be trusted, and every front end says so
 * @param devices         every included device with a stored inventory, by id
 * @param score           the fleet's exposure score (the mean over the matched devices); empty when none was
 * @param band            its band
 * @param recommendations the software recommendations over the matched devices, highest exposure impact first
 * @since 1.1
 */
public record ExposureReport(List<FeedAge> feeds, boolean stale, List<DeviceExposure> devices,
        Optional<Double> score, Optional<ExposureBand> band, List<SoftwareRecommendation> recommendations) {

    public ExposureReport {
        feeds = List.copyOf(feeds);
        devices = List.copyOf(devices);
        Objects.requireNonNull(score, "score");
        Objects.requireNonNull(band, "band");
        recommendations = List.copyOf(recommendations);
    }
}
