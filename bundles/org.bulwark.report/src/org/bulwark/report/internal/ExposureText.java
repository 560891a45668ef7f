package org.bulwark.report.internal;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.bulwark.report.api.ReportedExposure;
import org.bulwark.vulnerability.api.Finding;
import org.bulwark.vulnerability.api.SoftwareRecommendation;

/** The terminal summary's exposure lines: the score and band, the feeds' freshness, the top weaknesses and updates. */
final class ExposureText {

    /** How many weaknesses and software updates the summary lists. */
    static final int TOP = 5;

    private ExposureText() {
    }

    static void write(PrintWriter w, ReportedExposure e) {
        if (e.score().isEmpty()) {
            w.print("Exposure score — (" + (e.reason().isEmpty() ? "not computed" : Fmt.oneLine(e.reason())) + ")\n");
            return;
        }
        long packages = e.findings().stream().map(Finding::sourcePackage).distinct().count();
        w.print("Exposure score " + Fmt.oneDecimal(e.score().get()) + " ("
                + e.band().map(b -> b.name().toLowerCase(Locale.ROOT)).orElse("") + ") · " + e.findings().size()
                + (e.findings().size() == 1 ? " weakness" : " weaknesses") + " in " + packages
                + (packages == 1 ? " package" : " packages")
                + (e.release().isEmpty() ? "" : " · " + Fmt.oneLine(e.release())) + "\n");
        if (e.stale()) {
            w.print("  STALE: " + staleness(e) + "; run `bulwark feeds update` or import newer feeds\n");
        }
        List<Finding> top = e.findings().stream().limit(TOP).toList();
        if (!top.isEmpty()) {
            w.print("\n");
            w.print("Top weaknesses (" + top.size() + " of " + e.findings().size() + ")\n");
            w.print("   risk  severity    id                  package\n");
            for (Finding f : top) {
                w.print(String.format(Locale.ROOT, "  %5.3f  %-10s  %-18s  %s · %s\n", f.risk(),
                        f.severity().name(), Fmt.oneLine(f.vulnId()), Fmt.oneLine(f.sourcePackage()),
                        f.fixedVersion().map(v -> "fixed in " + Fmt.oneLine(v))
                                .orElse(SoftwareRecommendation.NO_FIX_AVAILABLE)));
            }
        }
        List<SoftwareRecommendation> updates = e.recommendations().stream().limit(TOP).toList();
        if (!updates.isEmpty()) {
            w.print("\n");
            w.print("Top software updates (" + updates.size() + " of " + e.recommendations().size()
                    + "; they lower exposure, not the secure score)\n");
            w.print("  impact  weaknesses  recommendation\n");
            for (SoftwareRecommendation s : updates) {
                w.print(String.format(Locale.ROOT, "  %6s  %10d  %s\n", Fmt.oneDecimal(s.exposureImpact()),
                        s.findings().size(), Fmt.oneLine(s.name())));
            }
        }
    }

    /** @return why the exposure is stale: the stale feeds, or that no advisory feed is imported */
    static String staleness(ReportedExposure e) {
        String old = e.feeds().stream().filter(ReportedExposure.Feed::stale).map(ReportedExposure.Feed::kind)
                .collect(Collectors.joining(", "));
        return old.isEmpty() ? "no advisory feed is imported" : "feeds older than 7 days: " + old;
    }
}
