package org.bulwark.operations.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.bulwark.operations.api.DeviceExposure;
import org.bulwark.operations.api.ExposureReport;
import org.bulwark.operations.api.FeedAge;
import org.bulwark.report.api.ReportedExposure;
import org.bulwark.vulnerability.api.Finding;

/** One device's {@link ExposureReport} as its report shows it: weaknesses highest risk first. */
final class ReportedExposures {

    /** Highest risk first, then by source package and id, so that equal exposures give equal reports. */
    static final Comparator<Finding> BY_RISK = Comparator.comparingDouble(Finding::risk).reversed()
            .thenComparing(Finding::sourcePackage).thenComparing(Finding::vulnId);

    private ReportedExposures() {
    }

    /** @param r the exposure of exactly one device, from {@code VulnerabilityOperations.exposure(…, Assessment, …)} */
    static ReportedExposure of(ExposureReport r) {
        if (r.devices().size() != 1) {
            throw new IllegalArgumentException("an exposure of one device expected, not " + r.devices().size());
        }
        DeviceExposure d = r.devices().get(0);
        List<ReportedExposure.Feed> feeds = new ArrayList<>();
        for (FeedAge a : r.feeds()) {
            feeds.add(new ReportedExposure.Feed(a.feed().kind(), a.feed().sourceDate(), a.feed().imported(),
                    a.stale()));
        }
        List<Finding> findings = d.findings().stream().sorted(BY_RISK).toList();
        return new ReportedExposure(d.score(), d.band(), r.stale(), d.release(), d.reason(), feeds, findings,
                r.recommendations());
    }
}
