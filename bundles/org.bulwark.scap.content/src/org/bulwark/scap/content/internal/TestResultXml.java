package org.bulwark.scap.content.internal;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import javax.xml.stream.XMLStreamException;

import org.bulwark.scap.Benchmark;
import org.bulwark.scap.Group;
import org.bulwark.scap.Profile;
import org.bulwark.scap.ResolvedProfile;
import org.bulwark.scap.Rule;
import org.bulwark.scap.oval.OvalOutcome;
import org.bulwark.scoring.api.AssessedControl;
import org.bulwark.scoring.api.Assessment;
import org.bulwark.scoring.api.ResultState;
import org.bulwark.scoring.api.ScoringService;
import org.bulwark.scoring.api.XccdfItem;
import org.bulwark.scoring.api.XccdfModel;
import org.bulwark.scoring.api.XccdfResult;
import org.bulwark.scoring.api.XccdfScore;

/**
 * The XCCDF 1.2 {@code TestResult} of an assessment of SCAP content: a {@code rule-result} per rule of the
 * benchmark in its order ({@code notselected} for those the profile does not select), with the severity and weight
 * the profile gives it, its idents, the assessment's reason as a message when it was not decided, and its check;
 * the profile's values; the four XCCDF scores of those results. Group weights are XCCDF's default, 1.
 */
final class TestResultXml {

    static final String SCANNER = "Bulwark";
    private static final Set<String> SEVERITIES = Set.of("unknown", "info", "low", "medium", "high");

    private final Benchmark xccdf;
    private final ResolvedProfile profile;
    private final RuleControls controls;
    private final Assessment assessment;
    private final Map<String, ScapCollector.RuleOutcome> outcomes;
    private final String version;
    private final String contentId;

    /**
     * @param outcomes the rules' outcomes of the evaluation that made {@code assessment}, or empty when it is not
     *        known (then an undecidable check is {@code notchecked}, as the assessment says)
     * @param version Bulwark's version, for {@code test-system}
     * @param contentId the Bulwark content id of the SCAP content: only its controls are its rules' results
     */
    TestResultXml(Benchmark xccdf, ResolvedProfile profile, Assessment assessment,
            Map<String, ScapCollector.RuleOutcome> outcomes, String version, String contentId) {
        this.xccdf = xccdf;
        this.profile = profile;
        this.controls = new RuleControls(xccdf, profile);
        this.assessment = assessment;
        this.outcomes = outcomes;
        this.version = version;
        this.contentId = contentId;
    }

    /** @return each rule's XCCDF result, by rule id, in the benchmark's order */
    Map<String, XccdfResult> results() {
        Map<String, ResultState> states = new HashMap<>();
        Map<String, AssessedControl> byId = byControl();
        byId.forEach((id, c) -> states.put(id, c.result().state()));
        Set<String> selected = new HashSet<>(profile.selectedRules());
        Map<String, XccdfResult> out = new java.util.LinkedHashMap<>();
        for (Rule r : xccdf.rules()) {
            out.putIfAbsent(r.id(), !selected.contains(r.id()) ? XccdfResult.NOTSELECTED
                    : result(states.get(r.id()), outcomes.get(r.id())));
        }
        return out;
    }

    /**
     * The XCCDF result of a selected rule.
     *
     * @param state its control's state, {@code null} when the assessment did not assess it (e.g. another
     *        category): {@code notchecked}
     * @param outcome how it was evaluated, or {@code null} when not known
     */
    static XccdfResult result(ResultState state, ScapCollector.RuleOutcome outcome) {
        if (state == null) {
            return XccdfResult.NOTCHECKED;
        }
        return switch (state) {
            case PASS -> XccdfResult.PASS;
            case FAIL -> XccdfResult.FAIL;
            case ERROR -> XccdfResult.ERROR;
            case UNKNOWN -> XccdfResult.UNKNOWN;
            case NOT_APPLICABLE -> XccdfResult.NOTAPPLICABLE;
            case INFORMATIONAL -> XccdfResult.INFORMATIONAL;
            case NOT_CHECKED -> outcome != null && (outcome.platform().outcome() == OvalOutcome.UNKNOWN
                    || outcome.check() != null && outcome.check().outcome() == OvalOutcome.UNKNOWN)
                            ? XccdfResult.UNKNOWN : XccdfResult.NOTCHECKED;
        };
    }

    /** @return the four XCCDF scores of {@code results} */
    List<XccdfScore> scores(Map<String, XccdfResult> results, ScoringService scoring) {
        Map<String, List<XccdfItem>> children = new HashMap<>();
        for (Rule r : xccdf.rules()) {
            Profile.RefineRule refined = profile.refinedRules().get(r.id());
            boolean unscored = refined != null && "unscored".equals(refined.role());
            children.computeIfAbsent(r.groupId(), g -> new ArrayList<>())
                    .add(new XccdfItem.Rule(r.id(), weight(r), results.get(r.id()), unscored));
        }
        Map<String, List<Group>> subgroups = new HashMap<>();
        Set<String> known = new HashSet<>();
        xccdf.groups().forEach(g -> known.add(g.id()));
        for (Group g : xccdf.groups()) {
            String parent = known.contains(g.parentId()) && !g.parentId().equals(g.id()) ? g.parentId() : "";
            subgroups.computeIfAbsent(parent, p -> new ArrayList<>()).add(g);
        }
        XccdfItem.Group root = new XccdfItem.Group(xccdf.id(), 1, tree("", children, subgroups, new HashSet<>()));
        List<XccdfScore> scores = new ArrayList<>();
        for (XccdfModel m : XccdfModel.values()) {
            scores.add(scoring.xccdf(root, m));
        }
        return scores;
    }

    private static List<XccdfItem> tree(String groupId, Map<String, List<XccdfItem>> rules,
            Map<String, List<Group>> subgroups, Set<String> seen) {
        List<XccdfItem> items = new ArrayList<>(rules.getOrDefault(groupId, List.of()));
        for (Group g : subgroups.getOrDefault(groupId, List.of())) {
            if (seen.add(g.id())) {
                items.add(new XccdfItem.Group(g.id(), 1, tree(g.id(), rules, subgroups, seen)));
            }
        }
        return items;
    }

    private double weight(Rule r) {
        Profile.RefineRule refined = profile.refinedRules().get(r.id());
        if (refined != null && !refined.weight().isEmpty()) {
            try {
                double w = Double.parseDouble(refined.weight());
                if (w >= 0 && Double.isFinite(w)) {
                    return w;
                }
            } catch (NumberFormatException e) {
                // the profile checker names a bad weight; the rule's own applies
            }
        }
        return r.weight();
    }

    /**
     * Writes the {@code TestResult}, declaring XCCDF 1.2 as its default namespace.
     *
     * @param benchmarkHref where the benchmark is (ARF: {@code #component}), or {@code null} when the TestResult
     *        is inside it
     * @param checkHrefs OVAL component → the href to write instead (ARF: {@code #oval0}); others as they are
     */
    void write(XmlOut x, String benchmarkHref, Map<String, String> checkHrefs, List<XccdfScore> scores,
            Map<String, XccdfResult> results) throws XMLStreamException {
        String profileId = profile.profile().id();
        String time = time(assessment.finished());
        x.start("", "TestResult", XmlOut.NS_XCCDF).declare("", XmlOut.NS_XCCDF)
                .attr("id", "xccdf_org.bulwark_testresult_" + (profileId.isEmpty() ? "default" : idPart(profileId)))
                .attr("start-time", time(assessment.started())).attr("end-time", time)
                .attr("version", xccdf.version().isEmpty() ? null : xccdf.version())
                .attr("test-system", "cpe:/a:bulwark:bulwark:" + version);
        if (benchmarkHref != null) {
            x.start("", "benchmark", XmlOut.NS_XCCDF).attr("href", benchmarkHref).attr("id", xccdf.id()).end();
        }
        x.leaf("", "title", XmlOut.NS_XCCDF, SCANNER + " assessment result");
        if (!profileId.isEmpty()) {
            x.start("", "profile", XmlOut.NS_XCCDF).attr("idref", profileId).end();
        }
        String host = assessment.device().hostname().isBlank() ? "unknown" : assessment.device().hostname();
        x.leaf("", "target", XmlOut.NS_XCCDF, host);
        x.start("", "target-facts", XmlOut.NS_XCCDF);
        fact(x, "urn:xccdf:fact:scanner:name", SCANNER);
        fact(x, "urn:xccdf:fact:scanner:version", version);
        fact(x, "urn:xccdf:fact:asset:identifier:host_name", host);
        x.end();
        for (Map.Entry<String, String> v : new TreeMap<>(profile.values()).entrySet()) {
            x.start("", "set-value", XmlOut.NS_XCCDF).attr("idref", v.getKey()).text(v.getValue()).end();
        }
        Map<String, AssessedControl> byId = byControl();
        Set<String> written = new HashSet<>();
        for (Rule r : xccdf.rules()) {
            if (written.add(r.id())) {
                ruleResult(x, r, results.get(r.id()), byId.get(r.id()), time, checkHrefs);
            }
        }
        for (XccdfScore s : scores) {
            x.start("", "score", XmlOut.NS_XCCDF).attr("system", s.model().uri())
                    .attr("maximum", number(s.maximum())).text(number(s.score())).end();
        }
        x.end();
    }

    private void ruleResult(XmlOut x, Rule r, XccdfResult result, AssessedControl assessed, String time,
            Map<String, String> checkHrefs) throws XMLStreamException {
        Profile.RefineRule refined = profile.refinedRules().get(r.id());
        String role = refined != null && !refined.role().isEmpty() ? refined.role() : "full";
        String severity = controls.severity(r).toLowerCase(Locale.ROOT);
        x.start("", "rule-result", XmlOut.NS_XCCDF).attr("idref", r.id()).attr("role", role).attr("time", time)
                .attr("severity", SEVERITIES.contains(severity) ? severity : "unknown")
                .attr("weight", number(weight(r)));
        x.leaf("", "result", XmlOut.NS_XCCDF, result.name().toLowerCase(Locale.ROOT));
        for (Rule.Ident ident : r.idents()) {
            x.start("", "ident", XmlOut.NS_XCCDF).attr("system", ident.system()).text(ident.value()).end();
        }
        String reason = assessed == null ? "" : assessed.result().reason();
        if (result != XccdfResult.NOTSELECTED && reason != null && !reason.isBlank() && !result.passed()
                && result != XccdfResult.FAIL) {
            x.start("", "message", XmlOut.NS_XCCDF).attr("severity", result == XccdfResult.ERROR ? "error" : "info")
                    .text(reason).end();
        }
        Optional<Rule.Check> check = RuleChecks.ovalCheck(r).or(() -> r.checks().stream().findFirst());
        if (check.isPresent() && r.complexCheck().isEmpty()) {
            x.start("", "check", XmlOut.NS_XCCDF).attr("system", check.get().system())
                    .attr("selector", check.get().selector().isEmpty() ? null : check.get().selector());
            for (Rule.Export e : check.get().exports()) {
                x.start("", "check-export", XmlOut.NS_XCCDF).attr("value-id", e.valueId())
                        .attr("export-name", e.exportName()).end();
            }
            for (Rule.ContentRef ref : check.get().contentRefs()) {
                x.start("", "check-content-ref", XmlOut.NS_XCCDF)
                        .attr("href", checkHrefs.getOrDefault(ref.href(), ref.href()))
                        .attr("name", ref.name().isEmpty() ? null : ref.name()).end();
            }
            x.end();
        }
        x.end();
    }

    private Map<String, AssessedControl> byControl() {
        Map<String, AssessedControl> byId = new HashMap<>();
        for (AssessedControl c : assessment.controls()) {
            if (c.benchmark().equals(contentId)) {
                byId.putIfAbsent(c.control().id(), c);
            }
        }
        return byId;
    }

    private static void fact(XmlOut x, String name, String value) throws XMLStreamException {
        x.start("", "fact", XmlOut.NS_XCCDF).attr("name", name).attr("type", "string").text(value).end();
    }

    /** @return {@code s} with what an NCName does not allow replaced by {@code _} */
    static String idPart(String s) {
        String cleaned = s.replaceAll("[^A-Za-z0-9._-]", "_");
        return cleaned.isEmpty() ? "_" : cleaned;
    }

    static String time(Instant t) {
        return t.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    static String number(double d) {
        return String.format(Locale.ROOT, "%.6f", d);
    }
}
