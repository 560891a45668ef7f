package org.bulwark.report.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import org.bulwark.collector.api.Category;
import org.bulwark.report.api.ReportedExposure;
import org.bulwark.scoring.api.Assessment;
import org.bulwark.scoring.api.Evidence;
import org.bulwark.scoring.api.FleetScore;
import org.bulwark.scoring.api.Points;
import org.bulwark.scoring.api.Recommendation;

/**
 * The terminal summary: score, categories, coverage, the exposure (when computed), the top recommendations, and
 * where the full report went.
 */
final class TextReport {

    /** How many recommendations the summary lists. */
    static final int TOP = 10;

    void write(Assessment a, OutputStream out, String fullReport, ReportedExposure exposure) throws IOException {
        PrintWriter w = new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        FleetScore s = a.score();
        w.print("Bulwark secure score " + Fmt.score(s.points()) + " ("
                + (s.points().hasScore() ? Fmt.rawPoints(s.points()) : "nothing counted") + ")\n");
        w.print(a.device().hostname() + " · " + a.device().os() + " · " + a.finished() + "\n");
        w.print("\n");
        for (Category c : Category.values()) {
            Points p = s.categories().getOrDefault(c, new Points(0, 0));
            w.print(String.format(Locale.ROOT, "  %-18s %6s", c.label(), Fmt.score(p)) + "\n");
        }
        w.print("\n");
        w.print(Fmt.coverage(s.coverage()) + "\n");
        if (exposure != null) {
            w.print("\n");
            ExposureText.write(w, exposure);
        }
        List<Recommendation> top = a.recommendations().stream().limit(TOP).toList();
        if (!top.isEmpty()) {
            w.print("\n");
            w.print("Top recommendations (" + top.size() + " of " + a.recommendations().size() + ")\n");
            w.print("  impact  weight  title\n");
            for (Recommendation r : top) {
                String status = r.status() == Recommendation.Status.ACTIVE ? "" : "  [" + Fmt.status(r.status()) + "]";
                w.print(String.format(Locale.ROOT, "  %6s  %6d  %s%s", Fmt.oneDecimal(r.impact()),
                        r.control().weight(), Fmt.oneLine(r.control().title()), status) + "\n");
                String evidence = evidence(r);
                if (!evidence.isEmpty()) {
                    w.print("                  " + evidence + "\n");
                }
            }
        }
        if (fullReport != null && !fullReport.isBlank()) {
            w.print("\n");
            w.print("Full report: " + fullReport + "\n");
        }
        w.flush();
    }

    /** @return the first piece of evidence of the first device, on one line, or the result's reason */
    private static String evidence(Recommendation r) {
        for (Recommendation.DeviceEvidence de : r.evidence()) {
            for (Evidence e : de.result().evidence()) {
                return Fmt.oneLine(Fmt.evidenceLine(e));
            }
            if (de.result().reason() != null) {
                return Fmt.oneLine(de.result().state() + ": " + de.result().reason());
            }
        }
        return "";
    }
}
