package org.bulwark.scap.content.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.bulwark.collector.api.AssessmentContext;
import org.bulwark.collector.api.Category;
import org.bulwark.collector.api.Collector;
import org.bulwark.collector.api.Observation;
import org.bulwark.scap.Benchmark;
import org.bulwark.scap.Rule;
import org.bulwark.scap.ScapContent;
import org.bulwark.scap.oval.OvalEvaluator;
import org.bulwark.scap.oval.OvalOutcome;
import org.bulwark.scap.oval.OvalTarget;

/**
 * Evaluates the rules of one prepared SCAP content on an assessment's target: for each rule its platform
 * ({@link Platforms}), then, when it applies, its OVAL check ({@link RuleChecks}), reported as the two
 * observations of {@link Observations}. Registered as a {@link Collector} while its {@code ScapAssessment} is
 * open; each {@link #collect} evaluates on its context's root with runs of its own, so concurrent assessments of
 * different roots do not share facts.
 */
final class ScapCollector implements Collector {

    /** A rule and its observation key. */
    record Planned(Rule rule, String key) {
    }

    static final String ID = "scap.oval";

    private final ScapContent content;
    private final Benchmark benchmark;
    private final java.util.Map<String, String> values;
    private final Set<String> assumed;
    private final List<Planned> rules;
    private final OvalEvaluator evaluator;
    private final Set<String> provides;

    ScapCollector(ScapContent content, Benchmark benchmark, java.util.Map<String, String> values,
            Set<String> assumed, List<Planned> rules, OvalEvaluator evaluator) {
        this.content = content;
        this.benchmark = benchmark;
        this.values = values;
        this.assumed = Set.copyOf(assumed);
        this.rules = List.copyOf(rules);
        this.evaluator = evaluator;
        Set<String> keys = new LinkedHashSet<>();
        for (Planned p : rules) {
            keys.add(p.key());
            keys.add(p.key() + Keys.APPLIES);
        }
        this.provides = java.util.Collections.unmodifiableSet(keys);
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Category category() {
        return Category.OPERATING_SYSTEM;
    }

    @Override
    public Set<String> provides() {
        return provides;
    }

    @Override
    public List<Observation> collect(AssessmentContext context) throws Exception {
        OvalTarget target = new OvalTarget(context.root(), context.live());
        RuleChecks checks = new RuleChecks(content, values, rules.stream().map(Planned::rule).toList(), evaluator,
                target);
        Platforms platforms = new Platforms(benchmark, content.cpeItems(), assumed, checks::definition);
        List<Observation> out = new ArrayList<>();
        for (Planned p : rules) {
            if (context.isCancelled() || Thread.currentThread().isInterrupted()) {
                throw new InterruptedException("cancelled after " + out.size() / 2 + " of " + rules.size()
                        + " rules");
            }
            out.addAll(evaluate(p, checks, platforms));
        }
        return out;
    }

    static List<Observation> evaluate(Planned p, RuleChecks checks, Platforms platforms) {
        String appliesKey = p.key() + Keys.APPLIES;
        Decision platform = platforms.applies(p.rule());
        if (!platform.isTrue()) {
            return List.of(Observations.applies(appliesKey, platform),
                    Observations.notEvaluated(p.key(), platform.isFalse() ? "the rule's platform does not apply"
                            : "the rule's platform could not be decided"));
        }
        RuleChecks.Evaluated e = checks.evaluate(p.rule());
        Observation applies = e.outcome() == OvalOutcome.NOT_APPLICABLE
                ? Observations.applies(appliesKey, new Decision(OvalOutcome.FALSE,
                        "the rule's OVAL check does not apply: " + e.message()))
                : Observations.applies(appliesKey, platform);
        return List.of(applies, Observations.result(p.key(), e));
    }
}
