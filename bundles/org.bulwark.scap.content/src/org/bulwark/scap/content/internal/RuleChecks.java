package org.bulwark.scap.content.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

import org.bulwark.scap.OvalDefinitions;
import org.bulwark.scap.Rule;
import org.bulwark.scap.ScapContent;
import org.bulwark.scap.oval.OvalEvaluator;
import org.bulwark.scap.oval.OvalOutcome;
import org.bulwark.scap.oval.OvalResult;
import org.bulwark.scap.oval.OvalRun;
import org.bulwark.scap.oval.OvalTarget;

/**
 * Evaluates rules' OVAL checks on one target. A rule's check is its first {@code check} of the OVAL system (a
 * rule with none, or with a {@code complex-check}, is not evaluated, saying why); of its
 * {@code check-content-ref}s the first naming an OVAL component of the content applies. Its {@code check-export}s
 * give the external variables: the profile's value of each {@code value-id} as the variable {@code export-name}.
 * A ref without a {@code name} (and {@code multi-check}) evaluates every definition of the component, combined
 * with AND: one control has one result. One {@link OvalRun} per component shares the objects collected among the
 * rules; a rule whose exports give a variable another value than an earlier rule's gets a run of its own.
 * Confined to one assessment.
 */
final class RuleChecks {

    static final String OVAL_SYSTEM = "http://oval.mitre.org/XMLSchema/oval-definitions-5";

    /**
     * A rule's evaluation.
     *
     * @param outcome the combined outcome; NOT_EVALUATED also when the rule has no OVAL check
     * @param message why, when not TRUE or FALSE
     * @param href the OVAL component, or {@code ""}
     * @param results the definitions evaluated
     */
    record Evaluated(OvalOutcome outcome, String message, String href, List<OvalResult> results) {
    }

    private final ScapContent content;
    private final Map<String, String> values;
    private final OvalEvaluator evaluator;
    private final OvalTarget target;
    private final Map<String, Map<String, List<String>>> shared = new HashMap<>();
    private final Map<List<Object>, OvalRun> runs = new HashMap<>();

    RuleChecks(ScapContent content, Map<String, String> values, List<Rule> rules, OvalEvaluator evaluator,
            OvalTarget target) {
        this.content = content;
        this.values = values;
        this.evaluator = evaluator;
        this.target = target;
        for (Rule r : rules) {
            ovalCheck(r).ifPresent(c -> ref(c).ifPresent(ref -> externals(c)
                    .forEach(shared.computeIfAbsent(ref.href(), h -> new LinkedHashMap<>())::putIfAbsent)));
        }
    }

    static Optional<Rule.Check> ovalCheck(Rule rule) {
        return rule.checks().stream().filter(c -> c.system().equals(OVAL_SYSTEM)).findFirst();
    }

    private Optional<Rule.ContentRef> ref(Rule.Check check) {
        return check.contentRefs().stream().filter(r -> content.oval().containsKey(r.href())).findFirst();
    }

    /** @return the external variables {@code check}'s exports give, by variable id */
    Map<String, List<String>> externals(Rule.Check check) {
        Map<String, List<String>> vars = new LinkedHashMap<>();
        for (Rule.Export e : check.exports()) {
            String v = values.get(e.valueId());
            if (v != null) {
                vars.putIfAbsent(e.exportName(), List.of(v));
            }
        }
        return vars;
    }

    Evaluated evaluate(Rule rule) {
        if (rule.complexCheck().isPresent()) {
            return new Evaluated(OvalOutcome.NOT_EVALUATED, "the rule's complex-check is not implemented", "",
                    List.of());
        }
        Optional<Rule.Check> check = ovalCheck(rule);
        if (check.isEmpty()) {
            TreeSet<String> systems = new TreeSet<>();
            rule.checks().forEach(c -> systems.add(c.system()));
            return new Evaluated(OvalOutcome.NOT_EVALUATED, systems.isEmpty() ? "the rule has no check"
                    : "the rule has no OVAL check (only " + String.join(", ", systems) + ")", "", List.of());
        }
        Optional<Rule.ContentRef> ref = ref(check.get());
        if (ref.isEmpty()) {
            return new Evaluated(OvalOutcome.ERROR, "no check-content-ref of the rule names an OVAL component of "
                    + content.file() + " (" + check.get().href() + ")", check.get().href(), List.of());
        }
        String href = ref.get().href();
        OvalRun run = run(href, externals(check.get()));
        List<String> ids = ref.get().name().isEmpty()
                ? new ArrayList<>(new TreeSet<>(content.oval().get(href).definitions().keySet()))
                : List.of(ref.get().name());
        List<OvalResult> results = new ArrayList<>();
        for (String id : ids) {
            results.add(run.evaluate(id));
        }
        List<Decision> parts = new ArrayList<>();
        boolean allNotApplicable = !results.isEmpty();
        for (OvalResult r : results) {
            allNotApplicable &= r.outcome() == OvalOutcome.NOT_APPLICABLE;
            if (r.outcome() != OvalOutcome.NOT_APPLICABLE) {
                parts.add(new Decision(r.outcome(), r.definitionId() + ": " + r.message()));
            }
        }
        if (allNotApplicable) {
            return new Evaluated(OvalOutcome.NOT_APPLICABLE, results.get(0).message(), href, results);
        }
        Decision d = Decision.all(parts);
        String message = d.isTrue() || d.isFalse() ? "" : results.size() == 1 ? results.get(0).message() : d.why();
        return new Evaluated(d.outcome(), message, href, results);
    }

    /** Evaluates a definition without external variables (a CPE platform's check). */
    OvalResult definition(String href, String definitionId) {
        if (!content.oval().containsKey(href)) {
            return new OvalResult(definitionId, OvalOutcome.ERROR,
                    "the OVAL component " + href + " is not in " + content.file(), List.of());
        }
        return run(href, Map.of()).evaluate(definitionId);
    }

    private OvalRun run(String href, Map<String, List<String>> vars) {
        Map<String, List<String>> common = shared.getOrDefault(href, Map.of());
        boolean agrees = vars.entrySet().stream().allMatch(e -> e.getValue().equals(common.get(e.getKey())));
        Map<String, List<String>> use = agrees ? common : vars;
        OvalDefinitions defs = content.oval().get(href);
        return runs.computeIfAbsent(List.of(href, use), k -> evaluator.start(defs, target, use));
    }
}
