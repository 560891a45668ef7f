package org.bulwark.ui.internal.model;

import java.util.List;

import org.bulwark.operations.api.ExposureReport;
import org.bulwark.operations.api.FeedAge;
import org.bulwark.vulnerability.api.FeedKind;

/**
 * The fleet's exposure as the weaknesses part shows it: {@code VulnerabilityOperations.exposure} over every stored
 * device, computed off the UI thread.
 *
 * @param request the number the part gave the request, so it shows the answer to its latest one only
 * @param report  the exposure, or {@code null} when it could not be computed
 * @param problem why it could not be computed, or {@code null}
 */
public record Exposure(long request, ExposureReport report, String problem) {

    /**
     * @return whether no advisory feed (the Debian Security Tracker JSON or OSV) is imported: nothing is matched
     *         then, and a score of 0 would claim a clean fleet
     */
    public boolean noAdvisoryFeed() {
        if (report == null) {
            return false;
        }
        for (FeedAge a : report.feeds()) {
            String slot = a.feed().kind(); // TRACKER, or OSV:<file> where each file is a feed of its own
            if (slot.equals(FeedKind.TRACKER.name()) || slot.equals(FeedKind.OSV.name())
                    || slot.startsWith(FeedKind.OSV.name() + ":")) {
                return false;
            }
        }
        return true;
    }

    /** @return the stale feeds, "KIND is N days old" each */
    public List<String> staleFeeds() {
        return report == null ? List.of()
                : report.feeds().stream().filter(FeedAge::stale)
                        .map(a -> a.feed().kind() + " is " + a.age().toDays() + " days old").toList();
    }
}
