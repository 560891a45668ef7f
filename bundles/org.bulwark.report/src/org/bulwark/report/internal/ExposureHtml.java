package org.bulwark.report.internal;

import static org.bulwark.report.internal.HtmlReport.esc;

import java.util.List;
import java.util.Locale;

import org.bulwark.report.api.ReportedExposure;
import org.bulwark.vulnerability.api.Finding;
import org.bulwark.vulnerability.api.SoftwareRecommendation;

/**
 * The HTML report's exposure section: the exposure score with its band (apart from the secure score, which it never
 * changes), the software updates that lower it, and the weaknesses. Every text from the feeds is escaped.
 */
final class ExposureHtml {

    /** How many weaknesses the table lists. */
    static final int WEAKNESSES = 25;

    static final String CSS = """
            .b-LOW{color:var(--pass);background:#dafbe1;border-color:#aceebb}
            .b-MEDIUM{color:var(--warn);background:#fff8c5;border-color:#f5e0a0}
            .b-HIGH{color:var(--fail);background:#ffebe9;border-color:#ffcecb}
            .stale{color:var(--warn);font-weight:600}
            .ring.exp{background:conic-gradient(var(--fail) calc(var(--p)*1%),#e6eaef 0)}
            """;

    private ExposureHtml() {
    }

    static void section(StringBuilder b, ReportedExposure e) {
        b.append("<section class=\"two\" id=\"exposure\">\n");
        scoreCard(b, e);
        updates(b, e);
        b.append("</section>\n");
        weaknesses(b, e);
    }

    private static void scoreCard(StringBuilder b, ReportedExposure e) {
        double pct = e.score().map(v -> Math.max(0, Math.min(100, v))).orElse(0.0);
        b.append("<div class=\"card\"><h2>Exposure score</h2><div class=\"score\">")
                .append("<div class=\"ring exp\" style=\"--p:").append(Fmt.number(pct, 2)).append("\"><div><div>")
                .append("<span class=\"big\">").append(e.score().map(Fmt::oneDecimal).orElse(Fmt.NO_SCORE))
                .append("</span><span class=\"of\">of 100 · lower is better</span></div></div></div><div>");
        e.band().ifPresent(band -> b.append("<p><span class=\"badge b-").append(band.name()).append("\">")
                .append(band.name().toLowerCase(Locale.ROOT)).append("</span></p>"));
        if (e.score().isEmpty()) {
            b.append("<p class=\"kv\">Not computed: ").append(esc(e.reason())).append("</p>");
        } else {
            long packages = e.findings().stream().map(Finding::sourcePackage).distinct().count();
            b.append("<p class=\"kv\"><b>").append(e.findings().size()).append("</b> weakness")
                    .append(e.findings().size() == 1 ? "" : "es").append(" in <b>").append(packages)
                    .append("</b> package").append(packages == 1 ? "" : "s").append("</p>");
        }
        if (!e.release().isEmpty()) {
            b.append("<p class=\"kv\">matched as <b>").append(esc(e.release())).append("</b></p>");
        }
        if (e.stale()) {
            b.append("<p class=\"stale\">Stale: ").append(esc(ExposureText.staleness(e))).append("</p>");
        }
        for (ReportedExposure.Feed f : e.feeds()) {
            b.append("<p class=\"kv\"><code>").append(esc(f.kind())).append("</code> ")
                    .append(esc(f.sourceDate().isEmpty() ? "imported " + f.imported() : "of " + f.sourceDate()))
                    .append(f.stale() ? " <span class=\"stale\">(stale)</span>" : "").append("</p>");
        }
        b.append("</div></div><p class=\"muted\">The exposure score weighs the device's open weaknesses "
                + "(docs/scoring.md); it is apart from the secure score.</p></div>\n");
    }

    private static void updates(StringBuilder b, ReportedExposure e) {
        b.append("<div class=\"card\"><h2>Software updates</h2>");
        List<SoftwareRecommendation> recs = e.recommendations();
        if (recs.isEmpty()) {
            b.append("<p class=\"muted\">").append(e.score().isEmpty() ? "None known." : "Nothing to update.")
                    .append("</p></div>\n");
            return;
        }
        b.append("<table><thead><tr><th>Recommendation</th><th class=\"n\">Weaknesses</th>")
                .append("<th class=\"n\">Exposure impact</th></tr></thead><tbody>\n");
        for (SoftwareRecommendation s : recs) {
            b.append("<tr><td>").append(esc(s.name())).append("<span class=\"line muted\"> · ")
                    .append(esc(String.join(", ", s.binaries()))).append("</span></td><td class=\"n\">")
                    .append(s.findings().size()).append("</td><td class=\"n\">")
                    .append(Fmt.oneDecimal(s.exposureImpact())).append("</td></tr>\n");
        }
        b.append("</tbody></table></div>\n");
    }

    private static void weaknesses(StringBuilder b, ReportedExposure e) {
        if (e.findings().isEmpty()) {
            return;
        }
        List<Finding> shown = e.findings().stream().limit(WEAKNESSES).toList();
        b.append("<section class=\"card\" id=\"weaknesses\"><h2>Weaknesses (").append(shown.size()).append(" of ")
                .append(e.findings().size()).append(", highest risk first)</h2>\n")
                .append("<table><thead><tr><th>Id</th><th>Severity</th><th class=\"n\">Risk</th><th>Package</th>")
                .append("<th>Installed</th><th>Fixed in</th><th>State</th></tr></thead><tbody>\n");
        for (Finding f : shown) {
            b.append("<tr><td><code>").append(esc(f.vulnId())).append("</code></td><td>")
                    .append(esc(f.severity().name())).append("</td><td class=\"n\">")
                    .append(String.format(Locale.ROOT, "%.3f", f.risk())).append("</td><td>")
                    .append(esc(f.sourcePackage())).append("</td><td><code>").append(esc(f.installedSourceVersion()))
                    .append("</code></td><td>")
                    .append(f.fixedVersion().map(v -> "<code>" + esc(v) + "</code>")
                            .orElse(esc(SoftwareRecommendation.NO_FIX_AVAILABLE)))
                    .append("</td><td>").append(esc(f.state().name())).append("</td></tr>\n");
        }
        b.append("</tbody></table></section>\n");
    }
}
