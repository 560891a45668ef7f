package org.bulwark.report.api;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.bulwark.vulnerability.api.ExposureBand;
import org.bulwark.vulnerability.api.Finding;
import org.bulwark.vulnerability.api.SoftwareRecommendation;

/**
 * The exposure section of one device's report: its software matched against the stored vulnerability feeds. It
 * stands next to the secure score and never changes it.
 *
 * @param score           the exposure score, 0 to 100 ({@code docs/scoring.md}); empty when the device could not
 *                        be matched
 * @param band            its band; empty when there is no score
 * @param stale           whether a feed is older than 7 days or no advisory feed is imported: the figures are then
 *                        not to be trusted, and every format says so
 * @param release         the release the device was matched as, e.g. {@code debian 12 (bookworm)}; empty when
 *                        unknown
 * @param reason          why there is no score (no feed, a platform the feeds do not cover…); empty when there is
 * @param feeds           the feeds it was computed from
 * @param findings        the open weaknesses, highest risk first
 * @param recommendations the software recommendations, highest exposure impact first
 * @since 1.5
 */
public record ReportedExposure(Optional<Double> score, Optional<ExposureBand> band, boolean stale, String release,
        String reason, List<Feed> feeds, List<Finding> findings, List<SoftwareRecommendation> recommendations) {

    public ReportedExposure {
        Objects.requireNonNull(score, "score");
        Objects.requireNonNull(band, "band");
        Objects.requireNonNull(release, "release");
        Objects.requireNonNull(reason, "reason");
        feeds = List.copyOf(feeds);
        findings = List.copyOf(findings);
        recommendations = List.copyOf(recommendations);
    }

    /**
     * One feed an exposure was computed from.
     *
     * @param kind       the feed's kind, e.g. {@code DEBIAN_TRACKER}
     * @param sourceDate the source's own date; empty when it gives none
     * @param imported   when it was imported
     * @param stale      whether it is older than 7 days
     */
    public record Feed(String kind, String sourceDate, Instant imported, boolean stale) {

        public Feed {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(sourceDate, "sourceDate");
            Objects.requireNonNull(imported, "imported");
        }
    }
}
