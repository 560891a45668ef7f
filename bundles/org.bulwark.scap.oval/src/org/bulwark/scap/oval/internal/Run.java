package org.bulwark.scap.oval.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import org.bulwark.scap.OvalDefinitions;
import org.bulwark.scap.OvalElement;
import org.bulwark.scap.oval.OvalOutcome;
import org.bulwark.scap.oval.OvalResult;
import org.bulwark.scap.oval.OvalRun;
import org.bulwark.scap.oval.OvalTarget;
import org.bulwark.scap.oval.OvalTestResult;

/**
 * One evaluation run: the document, the target, and what was computed so far (definitions, tests, objects,
 * variables, compiled patterns and files read), each at most once. Definitions and criteria combine by the
 * OVAL 5.11 operator tables; {@code negate} swaps true and false only. Not thread-safe.
 */
final class Run implements OvalRun {

    static final String DEFINITIONS_NS = "http://oval.mitre.org/XMLSchema/oval-definitions-5";

    private final OvalDefinitions definitions;
    private final OvalTarget target;
    private final Regexes regexes = new Regexes();
    private final Variables variables;
    private final Objects objects;
    private final Tests tests;
    private final Map<String, Res> definitionResults = new HashMap<>();
    private final List<String> definitionPath = new ArrayList<>();
    private final Map<String, Object> facts = new HashMap<>();

    Run(OvalDefinitions definitions, OvalTarget target, Map<String, List<String>> externalVariables) {
        this.definitions = definitions;
        this.target = target;
        this.variables = new Variables(this, externalVariables);
        this.objects = new Objects(this);
        this.tests = new Tests(this);
    }

    @Override
    public OvalResult evaluate(String definitionId) {
        Res r;
        try {
            r = definition(definitionId);
        } catch (RuntimeException | StackOverflowError e) {
            // never expected: every fault of content or target is an OvalError turned into a result where it occurs
            r = Res.error("internal error evaluating " + definitionId + ": " + e);
        }
        List<OvalTestResult> evidence = new ArrayList<>();
        for (String testId : testsOf(definitionId)) {
            OvalTestResult t = tests.cached(testId);
            if (t != null) {
                evidence.add(t);
            }
        }
        String message = r.outcome() == OvalOutcome.TRUE || r.outcome() == OvalOutcome.FALSE ? "" : r.message();
        return new OvalResult(definitionId, r.outcome(), message, evidence);
    }

    Res definition(String id) {
        Res cached = definitionResults.get(id);
        if (cached != null) {
            return cached;
        }
        if (definitionPath.contains(id)) {
            List<String> chain = new ArrayList<>(definitionPath.subList(definitionPath.indexOf(id), definitionPath.size()));
            chain.add(id);
            return Res.error("recursive extend_definition: " + String.join(" -> ", chain));
        }
        OvalElement d = definitions.definitions().get(id);
        if (d == null) {
            return Res.error("unknown definition " + id);
        }
        definitionPath.add(id);
        Res r;
        try {
            r = d.child("criteria").map(this::criteria)
                    .orElse(new Res(OvalOutcome.UNKNOWN, where(d) + ": the definition has no criteria"));
        } finally {
            definitionPath.remove(definitionPath.size() - 1);
        }
        definitionResults.put(id, r);
        return r;
    }

    private Res criteria(OvalElement criteria) {
        List<Res> results = new ArrayList<>();
        for (OvalElement c : criteria.children()) {
            Res r = switch (c.name()) {
            case "criteria" -> criteria(c);
            case "criterion" -> tests.evaluate(c.attribute("test_ref"));
            case "extend_definition" -> definition(c.attribute("definition_ref"));
            default -> null;
            };
            if (r != null) {
                results.add(c.name().equals("criteria") || !negated(c) ? r : r.negate());
            }
        }
        String operator = Spec.or(criteria.attribute("operator"), "AND");
        Res r;
        try {
            r = Res.combine(results, l -> Logic.operator(operator, l));
        } catch (OvalError e) {
            r = Res.error(where(criteria) + ": " + e.getMessage());
        }
        return negated(criteria) ? r.negate() : r;
    }

    private static boolean negated(OvalElement e) {
        return e.attribute("negate").equals("true") || e.attribute("negate").equals("1");
    }

    /** @return the tests a definition's criteria reach, through the definitions it extends, in document order */
    private Set<String> testsOf(String definitionId) {
        Set<String> out = new LinkedHashSet<>();
        Set<String> seen = new java.util.HashSet<>();
        List<OvalElement> todo = new ArrayList<>();
        OvalElement d = definitions.definitions().get(definitionId);
        if (d != null) {
            todo.add(d);
            seen.add(definitionId);
        }
        while (!todo.isEmpty()) {
            OvalElement e = todo.remove(todo.size() - 1);
            if (e.name().equals("criterion")) {
                out.add(e.attribute("test_ref"));
            }
            String ext = e.attribute("definition_ref");
            if (!ext.isEmpty() && seen.add(ext) && definitions.definitions().containsKey(ext)) {
                todo.add(definitions.definitions().get(ext));
            }
            for (int i = e.children().size() - 1; i >= 0; i--) {
                todo.add(e.children().get(i));
            }
        }
        return out;
    }

    OvalDefinitions definitions() {
        return definitions;
    }

    OvalTarget target() {
        return target;
    }

    Path root() {
        return target.root();
    }

    Regexes regexes() {
        return regexes;
    }

    Variables variables() {
        return variables;
    }

    Objects objects() {
        return objects;
    }

    /** @return a fact of the target read once per run, e.g. the dpkg database */
    @SuppressWarnings("unchecked")
    <T> T fact(String key, Supplier<T> read) {
        Object f = facts.get(key);
        if (f == null) {
            f = read.get();
            facts.put(key, f);
        }
        return (T) f;
    }

    /** @return e.g. {@code file_object oval:x:obj:1 (line 12)} or {@code pattern (line 14)} */
    static String where(OvalElement e) {
        String id = e.attribute("id");
        return e.name() + (id.isEmpty() ? "" : " " + id) + " (line " + e.line() + ")";
    }

    static boolean isDefinitionsElement(OvalElement e) {
        return DEFINITIONS_NS.equals(e.namespace());
    }

    /** @return the OVAL family of an element's namespace, e.g. {@code unix}, {@code linux}, {@code independent} */
    static String family(OvalElement e) {
        String ns = e.namespace();
        int hash = ns.lastIndexOf('#');
        return hash < 0 ? "" : ns.substring(hash + 1);
    }
}
