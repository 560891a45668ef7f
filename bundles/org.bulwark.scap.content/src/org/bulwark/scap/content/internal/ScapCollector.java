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

    /**
     * How a rule was evaluated.
     *
     * @param platform whether its platforms apply
     * @param check its OVAL check's evaluation; {@code null} when the platform did not apply (not evaluated)
     */
    record RuleOutcome(Decision platform, RuleChecks.Evaluated check) {
    }

    /**
     * The last evaluation, for the result documents.
     *
     * @param root the assessed root, as the assessment names it
     * @param rules by rule id
     */
    record Evaluation(String root, java.util.Map<String, RuleOutcome> rules) {
        Evaluation {
            rules = java.util.Map.copyOf(rules);
        }
    }

    static final String ID = "scap.oval";

    private final ScapContent content;
    private final Benchmark benchmark;
    private final java.util.Map<String, String> values;
    private final Set<String> assumed;
    private final List<Planned> rules;
    private final OvalEvaluator evaluator;
    private final Set<String> provides;
    private final java.util.concurrent.atomic.AtomicReference<Evaluation> last =
            new java.util.concurrent.atomic.AtomicReference<>();

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
        java.util.Map<String, RuleOutcome> outcomes = new java.util.HashMap<>();
        for (Planned p : rules) {
            if (context.isCancelled() || Thread.currentThread().isInterrupted()) {
                throw new InterruptedException("cancelled after " + out.size() / 2 + " of " + rules.size()
                        + " rules");
            }
            RuleOutcome outcome = outcome(p, checks, platforms);
            outcomes.putIfAbsent(p.rule().id(), outcome);
            out.addAll(observations(p, outcome));
        }
        last.set(new Evaluation(context.root().toAbsolutePath().normalize().toString(), outcomes));
        return out;
    }

    /** @return the last evaluation, if any */
    java.util.Optional<Evaluation> last() {
        return java.util.Optional.ofNullable(last.get());
    }

    static RuleOutcome outcome(Planned p, RuleChecks checks, Platforms platforms) {
        Decision platform = platforms.applies(p.rule());
        return new RuleOutcome(platform, platform.isTrue() ? checks.evaluate(p.rule()) : null);
    }

    static List<Observation> observations(Planned p, RuleOutcome outcome) {
        String appliesKey = p.key() + Keys.APPLIES;
        Decision platform = outcome.platform();
        if (outcome.check() == null) {
            return List.of(Observations.applies(appliesKey, platform),
                    Observations.notEvaluated(p.key(), platform.isFalse() ? "the rule's platform does not apply"
                            : "the rule's platform could not be decided"));
        }
        RuleChecks.Evaluated e = outcome.check();
        Observation applies = e.outcome() == OvalOutcome.NOT_APPLICABLE
                ? Observations.applies(appliesKey, new Decision(OvalOutcome.FALSE,
                        "the rule's OVAL check does not apply: " + e.message()))
                : Observations.applies(appliesKey, platform);
        return List.of(applies, Observations.result(p.key(), e));
    }
}
