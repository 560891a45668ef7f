package org.bulwark.scap.oval.internal;

import java.util.ArrayList;
import java.util.List;

import org.bulwark.scap.OvalElement;
import org.bulwark.scap.oval.OvalOutcome;

/**
 * An entity of an object or state with its value(s): the element's text, or the values of the variable its
 * {@code var_ref} names.
 *
 * @param name the entity's name, e.g. {@code filepath}
 * @param operation its {@code operation} ({@code equals} by default)
 * @param datatype its {@code datatype} ({@code string} by default)
 * @param values the values to compare with
 * @param varCheck how the comparisons with several values combine ({@code all} by default)
 * @param nil whether {@code xsi:nil="true"}
 * @param where the element and line, for messages
 */
record Spec(String name, String operation, String datatype, List<String> values, String varCheck, boolean nil,
        String where) {

    Spec {
        values = List.copyOf(values);
    }

    /**
     * @throws OvalError when the variable cannot be computed (its message names it)
     */
    static Spec of(OvalElement e, Run run) {
        String where = Run.where(e);
        List<String> values;
        String var = e.attribute("var_ref");
        if (!var.isEmpty()) {
            Variables.Values v = run.variables().values(var);
            if (v.error() != null) {
                throw new OvalError(v.failure(), v.error());
            }
            values = v.values();
        } else {
            values = List.of(e.text());
        }
        return new Spec(e.name(), or(e.attribute("operation"), "equals"), or(e.attribute("datatype"), "string"),
                values, or(e.attribute("var_check"), "all"), e.attribute("nil").equals("true"), where);
    }

    static String or(String value, String fallback) {
        return value.isEmpty() ? fallback : value;
    }

    /** @return whether the operation is {@code equals} on values that can be looked up directly */
    boolean exact() {
        return operation.equals("equals") && !nil;
    }

    /**
     * Matches an item's value as an object entity selects items: {@code equals} selects every item equal to one of
     * the values (a union, as evaluators do for objects); other operations combine by {@code var_check}.
     */
    boolean selects(String actual, Regexes regexes) {
        if (operation.equals("equals")) {
            return values.contains(actual);
        }
        if (values.isEmpty()) {
            return false;
        }
        return matches(actual, regexes).outcome() == OvalOutcome.TRUE;
    }

    /** Compares an item's value with every value, combined by {@code var_check}; no values is an error. */
    Res matches(String actual, Regexes regexes) {
        if (values.isEmpty()) {
            return Res.error(where + ": the variable has no value");
        }
        List<Res> results = new ArrayList<>(values.size());
        for (String expected : values) {
            try {
                results.add(Res.of(Entities.compare(datatype, operation, actual, expected, regexes, where)));
            } catch (OvalError e) {
                results.add(e.toRes());
            }
        }
        return results.size() == 1 ? results.get(0) : Res.combine(results, l -> Logic.check(varCheck, l));
    }
}
