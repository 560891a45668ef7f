package org.bulwark.scap.content.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;

import org.bulwark.scap.Benchmark;
import org.bulwark.scap.CpeItem;
import org.bulwark.scap.Group;
import org.bulwark.scap.OvalElement;
import org.bulwark.scap.Rule;
import org.bulwark.scap.oval.OvalOutcome;
import org.bulwark.scap.oval.OvalResult;

/**
 * Whether a rule applies to the target (XCCDF 1.2, 7.2.3.3): one of the benchmark's {@code platform}s, one of each
 * enclosing group's and one of the rule's must hold (a level without platforms holds). An idref is a CPE name,
 * true when its CPE dictionary item's OVAL check is (a name the dictionary lacks, or an item without a check, is
 * false, as OpenSCAP has it), or {@code #id} of a CPE applicability language platform of the benchmark, whose
 * {@code logical-test}s (AND / OR, {@code negate}) combine {@code fact-ref}s and {@code check-fact-ref}s. A name
 * the operator assumes is true without its check, and says so. Each idref is decided once; confined to one
 * evaluation.
 */
final class Platforms {

    private final Benchmark benchmark;
    private final Map<String, CpeItem> items = new HashMap<>();
    private final Map<String, Group> groups = new HashMap<>();
    private final Set<String> assumed;
    private final BiFunction<String, String, OvalResult> oval;
    private final Map<String, Decision> decided = new HashMap<>();

    /**
     * @param oval evaluates a definition (href, definition id) of the content's OVAL; an unknown href is an
     *        ERROR result
     */
    Platforms(Benchmark benchmark, List<CpeItem> cpeItems, Set<String> assumed,
            BiFunction<String, String, OvalResult> oval) {
        this.benchmark = benchmark;
        cpeItems.forEach(i -> items.putIfAbsent(i.name(), i));
        benchmark.groups().forEach(g -> groups.put(g.id(), g));
        this.assumed = Set.copyOf(assumed);
        this.oval = oval;
    }

    Decision applies(Rule rule) {
        List<Decision> levels = new ArrayList<>();
        if (!benchmark.platforms().isEmpty()) {
            levels.add(anyOf(benchmark.platforms()));
        }
        String id = rule.groupId();
        for (int depth = 0; !id.isEmpty() && depth < 64; depth++) {
            Group g = groups.get(id);
            if (g == null) {
                break;
            }
            if (!g.platforms().isEmpty()) {
                levels.add(anyOf(g.platforms()));
            }
            id = g.parentId();
        }
        if (!rule.platforms().isEmpty()) {
            levels.add(anyOf(rule.platforms()));
        }
        return levels.isEmpty() ? new Decision(OvalOutcome.TRUE, "no platform is required") : Decision.all(levels);
    }

    private Decision anyOf(List<String> idrefs) {
        List<Decision> parts = new ArrayList<>();
        for (String idref : idrefs) {
            parts.add(idref(idref));
        }
        return Decision.any(parts);
    }

    Decision idref(String idref) {
        Decision d = decided.get(idref);
        if (d == null) {
            d = idref.startsWith("#") ? platform(idref.substring(1)) : name(idref);
            decided.put(idref, d);
        }
        return d;
    }

    private Decision platform(String id) {
        OvalElement p = benchmark.cpePlatforms().get(id);
        if (p == null) {
            return new Decision(OvalOutcome.ERROR, "platform #" + id + " is not in the benchmark");
        }
        List<Decision> tests = new ArrayList<>();
        for (OvalElement child : p.children()) {
            if (child.name().equals("logical-test")) {
                tests.add(logical(child, 0));
            }
        }
        Decision d = Decision.all(tests);
        return new Decision(d.outcome(), "platform #" + id + ": " + d.why());
    }

    private Decision logical(OvalElement test, int depth) {
        if (depth > 32) {
            return new Decision(OvalOutcome.ERROR, "logical-test nested more than 32 deep");
        }
        List<Decision> parts = new ArrayList<>();
        for (OvalElement child : test.children()) {
            switch (child.name()) {
                case "logical-test" -> parts.add(logical(child, depth + 1));
                case "fact-ref" -> parts.add(idref(child.attribute("name")));
                case "check-fact-ref" -> parts.add(check(child.attribute("href"), child.attribute("id-ref")));
                default -> {
                    // title, remark: not part of the test
                }
            }
        }
        Decision d = test.attribute("operator").equalsIgnoreCase("OR") ? Decision.any(parts) : Decision.all(parts);
        return Boolean.parseBoolean(test.attribute("negate")) ? d.negate() : d;
    }

    private Decision name(String cpe) {
        if (assumed.contains(cpe)) {
            return new Decision(OvalOutcome.TRUE, cpe + " assumed true by the operator (--assume-platform)");
        }
        CpeItem item = items.get(cpe);
        if (item == null) {
            return new Decision(OvalOutcome.FALSE, cpe + " is not in the content's CPE dictionary");
        }
        if (item.checkDefinition().isEmpty()) {
            return new Decision(OvalOutcome.FALSE, cpe + " has no check in the CPE dictionary");
        }
        Decision d = check(item.checkHref(), item.checkDefinition());
        return new Decision(d.outcome(), cpe + (item.title().isEmpty() ? "" : " (" + item.title() + ")") + ": "
                + d.why());
    }

    private Decision check(String href, String definition) {
        OvalResult r = oval.apply(href, definition);
        String outcome = r.outcome().name().toLowerCase(java.util.Locale.ROOT);
        return Decision.of(r.outcome(), definition + " is " + outcome
                + (r.message().isEmpty() ? "" : " (" + r.message() + ")"));
    }
}
