package org.bulwark.scap.oval.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.bulwark.scap.OvalElement;
import org.bulwark.scap.oval.OvalItem;
import org.bulwark.scap.oval.OvalOutcome;

/**
 * The variables of one run, each computed once (OVAL 5.11, section 5.4): {@code external_variable} from the
 * values given, {@code constant_variable}, and {@code local_variable} with the components {@code literal},
 * {@code variable} and {@code object} and the functions {@code concat}, {@code arithmetic}, {@code begin},
 * {@code end}, {@code count}, {@code unique}, {@code split}, {@code substring}, {@code regex_capture},
 * {@code escape_regex} and {@code glob_to_regex}. A function of several components is applied to every
 * combination of their values ({@code concat} of 2 and 3 values gives 6). {@code time_difference} is not
 * implemented. A variable that needs itself is an error naming the chain.
 */
final class Variables {

    /** The most values one variable may have (the product of components grows fast). */
    static final int MAX_VALUES = 100_000;

    /**
     * The values of a variable, or why there are none.
     *
     * @param values the values
     * @param failure {@code null}, or the outcome of what uses the variable (ERROR, UNKNOWN, NOT_EVALUATED)
     * @param error the reason of the failure
     */
    record Values(List<String> values, OvalOutcome failure, String error) {
        Values {
            values = List.copyOf(values);
        }

        static Values of(List<String> values) {
            return new Values(values, null, null);
        }
    }

    private final Run run;
    private final Map<String, List<String>> external;
    private final Map<String, Values> cache = new HashMap<>();
    private final List<String> path = new ArrayList<>();

    Variables(Run run, Map<String, List<String>> external) {
        this.run = run;
        this.external = Map.copyOf(external);
    }

    /** @return the values of variable {@code id}; never throws */
    Values values(String id) {
        Values v = cache.get(id);
        if (v != null) {
            return v;
        }
        if (path.contains(id)) {
            List<String> chain = new ArrayList<>(path.subList(path.indexOf(id), path.size()));
            chain.add(id);
            return new Values(List.of(), OvalOutcome.ERROR, "recursive variable: " + String.join(" -> ", chain));
        }
        path.add(id);
        try {
            v = compute(id);
        } catch (OvalError e) {
            v = new Values(List.of(), e.outcome(), e.getMessage());
        } finally {
            path.remove(path.size() - 1);
        }
        cache.put(id, v);
        return v;
    }

    private Values compute(String id) {
        OvalElement var = run.definitions().variables().get(id);
        if (var == null) {
            throw new OvalError("unknown variable " + id);
        }
        switch (var.name()) {
        case "external_variable": {
            List<String> given = external.get(id);
            if (given == null) {
                throw new OvalError("external variable " + id + " has no value (no XCCDF value is exported to it)");
            }
            return Values.of(given);
        }
        case "constant_variable": {
            List<String> out = new ArrayList<>();
            for (OvalElement c : var.children()) {
                if (c.name().equals("value")) {
                    out.add(c.text());
                }
            }
            return Values.of(out);
        }
        case "local_variable": {
            for (OvalElement c : var.children()) {
                if (!c.name().equals("notes") && !c.name().equals("signature")) {
                    return Values.of(component(c));
                }
            }
            throw new OvalError(Run.where(var) + ": local variable " + id + " has no component");
        }
        default:
            throw new OvalError(Run.where(var) + ": unknown variable type " + var.name());
        }
    }

    private List<String> component(OvalElement c) {
        String where = Run.where(c);
        switch (c.name()) {
        case "literal_component":
            return List.of(c.text());
        case "variable_component": {
            Values v = values(c.attribute("var_ref"));
            if (v.failure() != null) {
                throw new OvalError(v.failure(), v.error());
            }
            return v.values();
        }
        case "object_component":
            return objectValues(c, where);
        case "concat":
            return product(c, (parts) -> String.join("", parts));
        case "arithmetic": {
            String op = c.attribute("arithmetic_operation");
            return product(c, parts -> arithmetic(op, parts, where));
        }
        case "begin": {
            String prefix = c.attribute("character");
            return map(c, s -> s.startsWith(prefix) ? s : prefix + s);
        }
        case "end": {
            String suffix = c.attribute("character");
            return map(c, s -> s.endsWith(suffix) ? s : s + suffix);
        }
        case "count": {
            int n = 0;
            for (OvalElement sub : c.children()) {
                n += component(sub).size();
            }
            return List.of(Integer.toString(n));
        }
        case "unique": {
            Set<String> out = new LinkedHashSet<>();
            for (OvalElement sub : c.children()) {
                out.addAll(component(sub));
            }
            return List.copyOf(out);
        }
        case "split": {
            String delimiter = c.attribute("delimiter");
            if (delimiter.isEmpty()) {
                throw new OvalError(where + ": split without a delimiter");
            }
            List<String> out = new ArrayList<>();
            for (String s : single(c)) {
                for (String part : s.split(Pattern.quote(delimiter), -1)) {
                    out.add(part);
                }
            }
            return bounded(out, where);
        }
        case "substring": {
            int start = intAttribute(c, "substring_start", where);
            int length = intAttribute(c, "substring_length", where);
            return map(c, s -> {
                int from = Math.max(0, start - 1); // 1-based; 0 and below start at the first character
                if (from > s.length()) {
                    throw new OvalError(where + ": substring_start " + start + " is past the end of \""
                            + Entities.clip(s) + "\"");
                }
                int to = length < 0 ? s.length() : Math.min(s.length(), from + length);
                return s.substring(from, to);
            });
        }
        case "regex_capture": {
            Pattern p = run.regexes().pattern(c.attribute("pattern"), where);
            List<String> out = new ArrayList<>();
            for (String s : single(c)) {
                Matcher m = Regexes.bounded(p, s, where);
                // OVAL 5.11: the first subexpression of the first match; no match (or no group) gives ""
                out.add(m.find() && m.groupCount() >= 1 && m.group(1) != null ? m.group(1) : "");
            }
            return out;
        }
        case "escape_regex":
            return map(c, Variables::escapeRegex);
        case "glob_to_regex": {
            boolean noEscape = c.attribute("glob_noescape").equals("true");
            return map(c, s -> Globs.toRegex(s, noEscape));
        }
        default:
            throw new OvalError(OvalOutcome.NOT_EVALUATED, where + ": function " + c.name() + " is not implemented");
        }
    }

    private List<String> objectValues(OvalElement c, String where) {
        String objectId = c.attribute("object_ref");
        String field = c.attribute("item_field");
        Collected collected = run.objects().collect(objectId);
        switch (collected.flag()) {
        case ERROR -> throw new OvalError("object " + objectId + ": " + collected.message());
        case NOT_COLLECTED, INCOMPLETE -> throw new OvalError(OvalOutcome.UNKNOWN,
                "object " + objectId + " is not (completely) collected: " + collected.message());
        case UNSUPPORTED -> throw new OvalError(OvalOutcome.NOT_EVALUATED, collected.message());
        default -> {
        }
        }
        List<String> out = new ArrayList<>();
        for (OvalItem item : collected.items()) {
            List<String> values = item.fields().get(field);
            if (values != null) {
                out.addAll(values);
            }
        }
        return out;
    }

    private interface Fn {
        String apply(String s);
    }

    private interface JoinFn {
        String apply(List<String> parts);
    }

    /** Applies {@code fn} to every value of the function's one component. */
    private List<String> map(OvalElement c, Fn fn) {
        List<String> out = new ArrayList<>();
        for (String s : single(c)) {
            out.add(fn.apply(s));
        }
        return out;
    }

    private List<String> single(OvalElement c) {
        List<OvalElement> subs = c.children();
        if (subs.size() != 1) {
            throw new OvalError(Run.where(c) + ": " + c.name() + " takes one component, not " + subs.size());
        }
        return component(subs.get(0));
    }

    /** Applies {@code fn} to every combination of the components' values, in order. */
    private List<String> product(OvalElement c, JoinFn fn) {
        List<List<String>> parts = new ArrayList<>();
        parts.add(List.of());
        for (OvalElement sub : c.children()) {
            List<String> values = component(sub);
            List<List<String>> next = new ArrayList<>();
            for (List<String> prefix : parts) {
                for (String v : values) {
                    List<String> p = new ArrayList<>(prefix);
                    p.add(v);
                    next.add(p);
                    if (next.size() > MAX_VALUES) {
                        throw new OvalError(Run.where(c) + ": more than " + MAX_VALUES + " values");
                    }
                }
            }
            parts = next;
        }
        List<String> out = new ArrayList<>();
        if (c.children().isEmpty()) {
            return out;
        }
        for (List<String> p : parts) {
            out.add(fn.apply(p));
        }
        return out;
    }

    private static String arithmetic(String op, List<String> parts, String where) {
        BigDecimal acc = null;
        for (String p : parts) {
            BigDecimal v;
            try {
                v = new BigDecimal(p.strip());
            } catch (NumberFormatException e) {
                throw new OvalError(where + ": \"" + Entities.clip(p) + "\" is not a number");
            }
            acc = acc == null ? v : switch (op) {
            case "add" -> acc.add(v);
            case "multiply" -> acc.multiply(v);
            default -> throw new OvalError(where + ": unknown arithmetic_operation \"" + op + "\"");
            };
        }
        return acc == null ? "" : acc.stripTrailingZeros().toPlainString();
    }

    private static List<String> bounded(List<String> out, String where) {
        if (out.size() > MAX_VALUES) {
            throw new OvalError(where + ": more than " + MAX_VALUES + " values");
        }
        return out;
    }

    private static int intAttribute(OvalElement c, String name, String where) {
        try {
            return Integer.parseInt(c.attribute(name).strip());
        } catch (NumberFormatException e) {
            throw new OvalError(where + ": " + name + " \"" + c.attribute(name) + "\" is not an int");
        }
    }

    /** Escapes the characters that have a meaning in a regular expression ({@code escape_regex}). */
    static String escapeRegex(String s) {
        StringBuilder b = new StringBuilder();
        for (char ch : s.toCharArray()) {
            if ("\\^$.|?*+()[]{}".indexOf(ch) >= 0) {
                b.append('\\');
            }
            b.append(ch);
        }
        return b.toString();
    }

    /** Which variables were computed, for tests. */
    Set<String> computed() {
        return new HashSet<>(cache.keySet());
    }
}
