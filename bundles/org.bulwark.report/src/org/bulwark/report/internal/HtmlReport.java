package org.bulwark.report.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.bulwark.benchmark.api.Control;
import org.bulwark.benchmark.api.References;
import org.bulwark.collector.api.Category;
import org.bulwark.collector.api.Observation;
import org.bulwark.report.api.ReportedExposure;
import org.bulwark.scoring.api.AssessedControl;
import org.bulwark.scoring.api.Assessment;
import org.bulwark.scoring.api.BenchmarkInfo;
import org.bulwark.scoring.api.CollectorRun;
import org.bulwark.scoring.api.ControlException;
import org.bulwark.scoring.api.Coverage;
import org.bulwark.scoring.api.Evidence;
import org.bulwark.scoring.api.FleetScore;
import org.bulwark.scoring.api.Points;
import org.bulwark.scoring.api.Recommendation;
import org.bulwark.scoring.api.ResultState;

/**
 * One self-contained HTML page: inline CSS, a few lines of inline script to filter the results table, and a
 * Content-Security-Policy that forbids loading anything else. Every piece of text from the assessment is
 * escaped; only numbers this class computes reach attributes unescaped.
 */
final class HtmlReport {

    /** How many of the top recommendations are shown open. */
    private static final int OPEN = 3;

    private static final String CSS = """
            :root{--fg:#1f2328;--muted:#59636e;--line:#d1d9e0;--soft:#f6f8fa;--bg:#ffffff;--page:#f3f4f6;
            --accent:#0969da;--pass:#1a7f37;--fail:#cf222e;--warn:#9a6700;--info:#8250df;--na:#818b98}
            *{box-sizing:border-box}
            body{margin:0;background:var(--page);color:var(--fg);font:14px/1.5 -apple-system,BlinkMacSystemFont,"Segoe UI",
            "Noto Sans",Helvetica,Arial,sans-serif}
            header.top{background:#24292f;color:#fff;padding:14px 32px;display:flex;align-items:baseline;gap:20px;flex-wrap:wrap}
            header.top .brand{font-weight:600;font-size:18px;letter-spacing:.2px}
            header.top .meta{color:#c9d1d9;font-size:13px}
            main{max-width:1200px;margin:0 auto;padding:24px 32px 48px}
            h1{font-size:22px;font-weight:600;margin:0 0 4px}
            h2{font-size:16px;font-weight:600;margin:0 0 12px}
            .sub{color:var(--muted);margin:0 0 20px}
            .card{background:var(--bg);border:1px solid var(--line);border-radius:8px;padding:20px;margin-bottom:20px}
            .grid{display:grid;grid-template-columns:minmax(260px,1fr) minmax(320px,1.4fr) minmax(260px,1fr);gap:20px;margin-bottom:20px}
            .grid .card{margin-bottom:0}
            .score{display:flex;align-items:center;gap:20px}
            .ring{--p:0;width:132px;height:132px;border-radius:50%;flex:none;display:grid;place-items:center;
            background:conic-gradient(var(--accent) calc(var(--p)*1%),#e6eaef 0)}
            .ring>div{width:104px;height:104px;border-radius:50%;background:var(--bg);display:grid;place-items:center;text-align:center}
            .big{font-size:34px;font-weight:600;line-height:1}
            .of{display:block;color:var(--muted);font-size:12px;margin-top:4px}
            .kv{margin:0;color:var(--muted)} .kv b{color:var(--fg);font-weight:600}
            .cat{display:grid;grid-template-columns:140px 1fr 48px;align-items:center;gap:12px;margin:8px 0}
            .bar{height:8px;background:#e6eaef;border-radius:4px;overflow:hidden}
            .bar>span{display:block;height:100%;background:var(--accent);border-radius:4px}
            .num{text-align:right;font-variant-numeric:tabular-nums;font-weight:600}
            .none{color:var(--na);font-weight:400}
            .cov{font-size:30px;font-weight:600;line-height:1.1}
            .chips{display:flex;flex-wrap:wrap;gap:6px;margin-top:12px}
            .badge{display:inline-block;padding:1px 8px;border-radius:12px;font-size:12px;font-weight:500;border:1px solid transparent;white-space:nowrap}
            .s-PASS{color:var(--pass);background:#dafbe1;border-color:#aceebb}
            .s-FAIL{color:var(--fail);background:#ffebe9;border-color:#ffcecb}
            .s-ERROR{color:var(--warn);background:#fff8c5;border-color:#f5e0a0}
            .s-UNKNOWN{color:var(--info);background:#fbefff;border-color:#ecd8ff}
            .s-NOT_CHECKED,.s-NOT_APPLICABLE,.s-INFORMATIONAL{color:var(--muted);background:var(--soft);border-color:var(--line)}
            .st-active{color:var(--fail);background:#ffebe9;border-color:#ffcecb}
            .st-exception,.st-partial{color:var(--info);background:#fbefff;border-color:#ecd8ff}
            table{border-collapse:collapse;width:100%}
            th,td{text-align:left;padding:8px 10px;border-top:1px solid var(--line);vertical-align:top}
            th{font-size:12px;font-weight:600;color:var(--muted);background:var(--soft);border-top:none}
            td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}
            code,pre{font:12px/1.45 ui-monospace,SFMono-Regular,"SF Mono",Menlo,Consolas,"Liberation Mono",monospace}
            code{background:var(--soft);padding:1px 4px;border-radius:4px;overflow-wrap:anywhere}
            td code{white-space:normal}
            table.ev{table-layout:fixed}
            table.ev td{overflow-wrap:anywhere}
            pre code{background:none;padding:0;word-break:normal}
            pre{background:var(--soft);border:1px solid var(--line);border-radius:6px;padding:10px 12px;overflow:auto;white-space:pre-wrap;margin:6px 0 0}
            details.rec{border:1px solid var(--line);border-radius:6px;margin:8px 0;background:var(--bg)}
            details.rec>summary{list-style:none;cursor:pointer;display:grid;grid-template-columns:64px 1fr 150px 60px 120px;gap:12px;align-items:center;padding:10px 14px}
            details.rec>summary::-webkit-details-marker{display:none}
            details.rec[open]>summary{border-bottom:1px solid var(--line);background:var(--soft)}
            summary .line{display:block;color:var(--muted);font-size:12px;margin-top:2px;overflow-wrap:anywhere}
            .impact{font-weight:600;color:var(--fail);font-variant-numeric:tabular-nums}
            .impact.zero{color:var(--muted)}
            .rec-body{padding:12px 16px 16px}
            .rec-body h3{font-size:13px;margin:14px 0 6px;color:var(--muted);font-weight:600}
            .rec-body h3:first-child{margin-top:0}
            .rec-body p{margin:4px 0}
            .rec-body p.text{white-space:pre-line}
            .head{display:grid;grid-template-columns:64px 1fr 150px 60px 120px;gap:12px;padding:0 15px 6px;color:var(--muted);font-size:12px;font-weight:600}
            .muted{color:var(--muted)}
            .toolbar{display:flex;gap:8px;margin-bottom:12px}
            .toolbar input,.toolbar select{font:inherit;padding:5px 10px;border:1px solid var(--line);border-radius:6px;background:var(--bg)}
            .toolbar input{flex:1}
            .two{display:grid;grid-template-columns:1fr 1fr;gap:20px}
            footer{color:var(--muted);font-size:12px;text-align:center;padding:8px 0 24px}
            @media (max-width:900px){.grid,.two{grid-template-columns:1fr}}
            @media print{body{background:#fff}details.rec{break-inside:avoid}.toolbar{display:none}}
            """;

    private static final String SCRIPT = """
            (function(){var q=document.getElementById('q'),s=document.getElementById('st'),
            rows=document.querySelectorAll('#results tbody tr'),n=document.getElementById('shown');
            function f(){var t=q.value.toLowerCase(),v=s.value,c=0;rows.forEach(function(r){
            var ok=(!v||r.getAttribute('data-state')===v)&&(!t||r.textContent.toLowerCase().indexOf(t)>=0);
            r.hidden=!ok;if(ok)c++;});n.textContent=c;}q.addEventListener('input',f);s.addEventListener('change',f);})();
            """;

    void write(Assessment a, OutputStream out, ReportedExposure exposure) throws IOException {
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        w.write(render(a, exposure));
        w.flush();
    }

    String render(Assessment a, ReportedExposure exposure) {
        StringBuilder b = new StringBuilder(64 * 1024);
        FleetScore s = a.score();
        b.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
                        + "style-src 'unsafe-inline'; script-src 'unsafe-inline'\">\n")
                .append("<title>Bulwark report — ").append(esc(a.device().hostname())).append("</title>\n")
                .append("<style>\n").append(CSS).append(ExposureHtml.CSS).append("</style>\n</head>\n<body>\n");
        b.append("<header class=\"top\"><span class=\"brand\">Bulwark</span><span class=\"meta\">Secure score for devices")
                .append("</span></header>\n<main>\n");
        b.append("<h1>").append(esc(a.device().hostname())).append("</h1>\n<p class=\"sub\">")
                .append(esc(a.device().os())).append(" · device <code>").append(esc(a.device().id()))
                .append("</code> · assessed ").append(esc(String.valueOf(a.finished())))
                .append(a.live() ? " · live system" : " · root " + esc(a.root())).append("</p>\n");

        b.append("<section class=\"grid\">\n");
        scoreCard(b, s);
        categories(b, s);
        coverageCard(b, s.coverage());
        b.append("</section>\n");
        if (exposure != null) {
            ExposureHtml.section(b, exposure);
        }
        notRun(b, a);
        recommendations(b, a);
        results(b, a);
        about(b, a);

        b.append("</main>\n<footer>Generated by Bulwark · report format ")
                .append(org.bulwark.report.api.ReportReader.FORMAT)
                .append(" · scores as defined in docs/scoring.md</footer>\n");
        b.append("<script>\n").append(SCRIPT).append("</script>\n</body>\n</html>\n");
        return b.toString();
    }

    private static void scoreCard(StringBuilder b, FleetScore s) {
        Points p = s.points();
        double pct = p.hasScore() ? Math.max(0, Math.min(100, p.score())) : 0;
        b.append("<div class=\"card\"><h2>Secure score</h2><div class=\"score\">")
                .append("<div class=\"ring\" style=\"--p:").append(Fmt.number(pct, 2)).append("\"><div><div>")
                .append("<span class=\"big\">").append(Fmt.score(p)).append("</span>")
                .append("<span class=\"of\">of 100</span></div></div></div>")
                .append("<div><p class=\"kv\"><b>").append(Fmt.number(p.earned(), 2)).append("</b> of <b>")
                .append(Fmt.number(p.possible(), 2)).append("</b> points</p>")
                .append("<p class=\"kv\"><b>").append(s.controls().size()).append("</b> controls counted</p>");
        if (!p.hasScore()) {
            b.append("<p class=\"kv\">No counted control: no score.</p>");
        }
        b.append("</div></div></div>\n");
    }

    private static void categories(StringBuilder b, FleetScore s) {
        b.append("<div class=\"card\"><h2>Categories</h2>\n");
        for (Category c : Category.values()) {
            Points p = s.categories().getOrDefault(c, new Points(0, 0));
            double pct = p.hasScore() ? Math.max(0, Math.min(100, p.score())) : 0;
            b.append("<div class=\"cat\"><span>").append(esc(c.label())).append("</span>")
                    .append("<div class=\"bar\"><span style=\"width:").append(Fmt.number(pct, 2))
                    .append("%\"></span></div>")
                    .append(p.hasScore() ? "<span class=\"num\">" + Fmt.score(p) + "</span>"
                            : "<span class=\"num none\" title=\"nothing counted\">" + Fmt.NO_SCORE + "</span>")
                    .append("</div>\n");
        }
        b.append("</div>\n");
    }

    private static void coverageCard(StringBuilder b, Coverage c) {
        b.append("<div class=\"card\"><h2>Coverage</h2>")
                .append("<div class=\"cov\">").append(c.counted() == 0 ? Fmt.NO_SCORE : Fmt.percent(c.ratio()))
                .append("</div>")
                .append("<p class=\"kv\">of <b>").append(c.counted())
                .append("</b> counted checks ran and decided</p><div class=\"chips\">");
        chip(b, ResultState.PASS, c.passed());
        chip(b, ResultState.FAIL, c.failed());
        chip(b, ResultState.ERROR, c.errors());
        chip(b, ResultState.UNKNOWN, c.unknown());
        chip(b, ResultState.NOT_CHECKED, c.notChecked());
        chip(b, ResultState.NOT_APPLICABLE, c.notApplicable());
        chip(b, ResultState.INFORMATIONAL, c.informational());
        b.append("</div></div>\n");
    }

    private static void chip(StringBuilder b, ResultState state, int n) {
        if (n > 0 || state == ResultState.PASS || state == ResultState.FAIL) {
            b.append("<span class=\"badge s-").append(state.name()).append("\">").append(n).append(' ')
                    .append(label(state)).append("</span>");
        }
    }

    private static void notRun(StringBuilder b, Assessment a) {
        List<AssessedControl> undecided = new ArrayList<>();
        for (AssessedControl ac : a.controls()) {
            ResultState st = ac.result().state();
            if (st == ResultState.ERROR || st == ResultState.UNKNOWN || st == ResultState.NOT_CHECKED) {
                undecided.add(ac);
            }
        }
        b.append("<section class=\"card\"><h2>Checks that did not decide</h2>\n");
        if (undecided.isEmpty()) {
            b.append("<p class=\"muted\">Every check ran and decided.</p></section>\n");
            return;
        }
        b.append("<p class=\"muted\">ERROR and UNKNOWN count against the score; NOT_CHECKED is left out of it.</p>\n")
                .append("<table><thead><tr><th>State</th><th>Control</th><th>Reason</th></tr></thead><tbody>\n");
        for (AssessedControl ac : undecided) {
            b.append("<tr><td>").append(badge(ac.result().state())).append("</td><td>")
                    .append(esc(ac.control().title())).append("<br><code>").append(esc(ac.control().id()))
                    .append("</code></td><td>").append(esc(reason(ac))).append("</td></tr>\n");
        }
        b.append("</tbody></table></section>\n");
    }

    private static String reason(AssessedControl ac) {
        if (ac.result().reason() != null) {
            return ac.result().reason();
        }
        for (Evidence e : ac.result().evidence()) {
            if (e.reason() != null) {
                return e.key() + ": " + e.reason();
            }
        }
        return "";
    }

    private static void recommendations(StringBuilder b, Assessment a) {
        b.append("<section class=\"card\"><h2>Recommendations</h2>\n");
        if (a.recommendations().isEmpty()) {
            b.append("<p class=\"muted\">").append(a.score().points().hasScore()
                    ? "Nothing to fix: every counted control passes."
                    : "Nothing is counted, so there is nothing to rank.").append("</p></section>\n");
            return;
        }
        b.append("<p class=\"muted\">By score impact: the points the score gains when the control is fixed.</p>\n")
                .append("<div class=\"head\"><span>Impact</span><span>Recommendation</span><span>Category</span>")
                .append("<span>Weight</span><span>Status</span></div>\n");
        int shown = 0;
        for (Recommendation r : a.recommendations()) {
            Control c = r.control();
            String impact = Fmt.oneDecimal(r.impact());
            String line = evidenceLine(r);
            b.append("<details class=\"rec\"").append(shown++ < OPEN ? " open" : "")
                    .append("><summary><span class=\"impact")
                    .append(r.impact() < 0.05 ? " zero" : "").append("\">+").append(impact).append("</span><span>")
                    .append(esc(c.title())).append("<br><code>").append(esc(c.id())).append("</code>")
                    .append(line.isEmpty() ? "" : "<span class=\"line\">" + esc(line) + "</span>")
                    .append("</span><span>").append(esc(c.category().label())).append("</span><span>").append(c.weight())
                    .append("</span><span>").append(statusBadge(r.status())).append("</span></summary>\n")
                    .append("<div class=\"rec-body\">");
            if (c.rationale() != null && !c.rationale().isBlank()) {
                b.append("<h3>Why it matters</h3><p class=\"text\">").append(esc(c.rationale())).append("</p>");
            }
            b.append("<h3>Evidence</h3><table class=\"ev\"><colgroup><col style=\"width:14%\"><col style=\"width:20%\">")
                    .append("<col style=\"width:16%\"><col style=\"width:30%\"><col style=\"width:20%\"></colgroup>")
                    .append("<thead><tr><th>Device</th><th>Fact</th><th>Expected</th>")
                    .append("<th>Found</th><th>Source</th></tr></thead><tbody>");
            for (Recommendation.DeviceEvidence de : r.evidence()) {
                if (de.result().evidence().isEmpty()) {
                    b.append("<tr><td>").append(esc(de.deviceId())).append("</td><td>")
                            .append(badge(de.result().state())).append("</td><td><code>")
                            .append(esc(c.expect().describe())).append("</code></td><td colspan=\"2\">")
                            .append(esc(de.result().reason() == null ? "" : de.result().reason()))
                            .append("</td></tr>");
                }
                for (Evidence e : de.result().evidence()) {
                    b.append("<tr><td>").append(esc(de.deviceId())).append("</td><td><code>").append(esc(e.key()))
                            .append("</code></td><td><code>").append(esc(e.expected() == null ? "" : e.expected()))
                            .append("</code></td><td>").append(esc(Fmt.actual(e))).append("</td><td>");
                    if (e.source() != null) {
                        b.append("<code>").append(esc(e.source().toString())).append("</code>");
                    }
                    for (Observation.Other o : e.others()) {
                        b.append("<br><span class=\"muted\">also ").append(esc(o.value() == null ? "unset" : "\"" + o.value() + "\""))
                                .append(" at ").append(esc(o.source().toString()))
                                .append(o.note() == null ? "" : " (" + esc(o.note()) + ")").append("</span>");
                    }
                    b.append("</td></tr>");
                }
                if (de.exception() != null) {
                    ControlException x = de.exception();
                    b.append("<tr><td></td><td colspan=\"4\"><span class=\"badge st-exception\">exception</span> ")
                            .append(esc(x.justification().name().toLowerCase(Locale.ROOT).replace('_', ' ')))
                            .append(x.justification().givesCredit() ? " (gives credit)" : " (no credit)")
                            .append(" · ").append(esc(x.scope().name().toLowerCase(Locale.ROOT)))
                            .append(x.target() == null ? "" : " " + esc(x.target()))
                            .append(x.author() == null ? "" : " · by " + esc(x.author()))
                            .append(" · expires ").append(x.expires() == null ? "never" : esc(x.expires().toString()))
                            .append(x.notes() == null ? "" : " · " + esc(x.notes())).append("</td></tr>");
                }
            }
            b.append("</tbody></table>");
            b.append("<h3>Remediation · ").append(esc(c.remediation().type().label())).append("</h3><p class=\"text\">")
                    .append(esc(c.remediation().text())).append("</p>");
            if (c.remediation().script() != null && !c.remediation().script().isBlank()) {
                b.append("<pre><code>").append(esc(c.remediation().script())).append("</code></pre>")
                        .append("<p class=\"muted\">Review before running: Bulwark shows this script, it never runs it.</p>");
            }
            String refs = references(c.references());
            if (!refs.isEmpty()) {
                b.append("<h3>References</h3><p>").append(refs).append("</p>");
            }
            b.append("</div></details>\n");
        }
        b.append("</section>\n");
    }

    /** @return the first piece of evidence on one line, or the result's reason */
    private static String evidenceLine(Recommendation r) {
        for (Recommendation.DeviceEvidence de : r.evidence()) {
            for (Evidence e : de.result().evidence()) {
                return Fmt.oneLine("Found " + Fmt.actual(e, Fmt.SUMMARY_VALUES) + (e.source() == null ? "" : " at " + e.source()));
            }
            if (de.result().reason() != null) {
                return Fmt.oneLine(de.result().reason());
            }
        }
        return "";
    }

    private static String duration(java.time.Duration d) {
        if (d == null) {
            return "";
        }
        long ms = d.toMillis();
        return ms < 1000 ? ms + " ms" : Fmt.oneDecimal(ms / 1000.0) + " s";
    }

    private static String references(References r) {
        StringBuilder b = new StringBuilder();
        ref(b, "CIS", r.cis());
        ref(b, "NIST 800-53", r.nist());
        ref(b, "CCE", r.cce());
        ref(b, "SSG", r.ssg());
        ref(b, "Lynis", r.lynis());
        return b.toString();
    }

    private static void ref(StringBuilder b, String name, List<String> ids) {
        if (ids.isEmpty()) {
            return;
        }
        if (b.length() > 0) {
            b.append(" · ");
        }
        b.append(esc(name)).append(' ');
        for (int i = 0; i < ids.size(); i++) {
            b.append(i > 0 ? ", " : "").append("<code>").append(esc(ids.get(i))).append("</code>");
        }
    }

    private static void results(StringBuilder b, Assessment a) {
        Map<ResultState, Integer> counts = new EnumMap<>(ResultState.class);
        a.controls().forEach(ac -> counts.merge(ac.result().state(), 1, Integer::sum));
        b.append("<section class=\"card\"><h2>All results · <span id=\"shown\">").append(a.controls().size())
                .append("</span> of ").append(a.controls().size()).append("</h2>\n")
                .append("<div class=\"toolbar\"><input id=\"q\" type=\"search\" placeholder=\"Filter by id, title, reason…\" ")
                .append("aria-label=\"Filter results\"><select id=\"st\" aria-label=\"State\"><option value=\"\">All states</option>");
        for (ResultState st : ResultState.values()) {
            if (counts.containsKey(st)) {
                b.append("<option value=\"").append(st.name()).append("\">").append(label(st)).append(" (")
                        .append(counts.get(st)).append(")</option>");
            }
        }
        b.append("</select></div>\n<table id=\"results\"><thead><tr><th>State</th><th>Control</th><th>Category</th>")
                .append("<th class=\"n\">Weight</th><th>Details</th></tr></thead><tbody>\n");
        for (AssessedControl ac : a.controls()) {
            Control c = ac.control();
            b.append("<tr data-state=\"").append(ac.result().state().name()).append("\"><td>")
                    .append(badge(ac.result().state())).append("</td><td>").append(esc(c.title()))
                    .append("<br><code>").append(esc(c.id())).append("</code></td><td>")
                    .append(esc(c.category().label())).append("</td><td class=\"n\">").append(c.weight())
                    .append("</td><td>");
            String reason = reason(ac);
            if (!reason.isEmpty() && ac.result().state() != ResultState.PASS) {
                b.append(esc(reason));
            } else if (!ac.result().evidence().isEmpty()) {
                b.append("<span class=\"muted\">").append(esc(Fmt.evidenceLine(ac.result().evidence().get(0))))
                        .append("</span>");
            }
            b.append("</td></tr>\n");
        }
        b.append("</tbody></table></section>\n");
    }

    private static void about(StringBuilder b, Assessment a) {
        b.append("<section class=\"two\">\n<div class=\"card\"><h2>Content</h2><table><thead><tr><th>Benchmark</th>")
                .append("<th>Version</th><th class=\"n\">Controls</th></tr></thead><tbody>");
        for (BenchmarkInfo bi : a.benchmarks()) {
            b.append("<tr><td>").append(esc(bi.title())).append("<br><code>").append(esc(bi.id()))
                    .append("</code><br><span class=\"muted\">").append(esc(bi.origin())).append(" · sha256 ")
                    .append(esc(bi.sha256().length() > 12 ? bi.sha256().substring(0, 12) + "…" : bi.sha256()))
                    .append("</span></td><td>").append(esc(bi.version())).append("</td><td class=\"n\">")
                    .append(bi.controls()).append("</td></tr>");
        }
        b.append("</tbody></table>");
        if (!a.problems().isEmpty()) {
            b.append("<h2 style=\"margin-top:16px\">Content problems</h2><ul>");
            for (String p : a.problems()) {
                b.append("<li>").append(esc(p)).append("</li>");
            }
            b.append("</ul>");
        }
        b.append("</div>\n<div class=\"card\"><h2>Collectors</h2><table><thead><tr><th>Collector</th><th>Outcome</th>")
                .append("<th class=\"n\">Facts</th><th class=\"n\">Time</th></tr></thead><tbody>");
        for (CollectorRun c : a.collectors()) {
            String cls = switch (c.outcome()) {
                case OK -> "s-PASS";
                case SKIPPED -> "s-NOT_APPLICABLE";
                default -> "s-ERROR";
            };
            b.append("<tr><td><code>").append(esc(c.collectorId())).append("</code><br><span class=\"muted\">")
                    .append(esc(c.category().label())).append(c.bundle() == null ? "" : " · " + esc(c.bundle()))
                    .append("</span>");
            if (c.message() != null) {
                b.append("<br>").append(esc(c.message()));
            }
            b.append("</td><td><span class=\"badge ").append(cls).append("\">")
                    .append(c.outcome().name().toLowerCase(Locale.ROOT).replace('_', ' ')).append("</span></td>")
                    .append("<td class=\"n\">").append(c.observations()).append("</td><td class=\"n\">")
                    .append(duration(c.duration())).append("</td></tr>");
        }
        b.append("</tbody></table></div>\n</section>\n");
    }

    private static String badge(ResultState s) {
        return "<span class=\"badge s-" + s.name() + "\">" + label(s) + "</span>";
    }

    private static String statusBadge(Recommendation.Status s) {
        String cls = switch (s) {
            case ACTIVE -> "st-active";
            case EXCEPTION -> "st-exception";
            case PARTIAL_EXCEPTION -> "st-partial";
        };
        return "<span class=\"badge " + cls + "\">" + Fmt.status(s) + "</span>";
    }

    private static String label(ResultState s) {
        return switch (s) {
            case PASS -> "passed";
            case FAIL -> "failed";
            case ERROR -> "error";
            case UNKNOWN -> "unknown";
            case NOT_APPLICABLE -> "not applicable";
            case NOT_CHECKED -> "not checked";
            case INFORMATIONAL -> "informational";
        };
    }

    /** @return {@code s} escaped for HTML text and attribute values */
    static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(ch);
            }
        }
        return b.toString();
    }
}
