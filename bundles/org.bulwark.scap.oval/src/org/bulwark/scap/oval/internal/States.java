package org.bulwark.scap.oval.internal;

import java.util.ArrayList;
import java.util.List;

import org.bulwark.scap.OvalElement;
import org.bulwark.scap.oval.OvalItem;

/**
 * A state against an item (OVAL 5.11, StateType): each entity of the state is compared with the item's
 * entity of that name, its values combined by {@code entity_check} ({@code all} by default); an entity the item
 * lacks is judged by the state entity's {@code check_existence} ({@code at_least_one_exists}: false); the
 * entities combine by the state's {@code operator} ({@code AND} by default).
 */
final class States {

    private States() {
    }

    static Res evaluate(OvalElement state, OvalItem item, Run run) {
        List<Res> results = new ArrayList<>();
        for (OvalElement entity : state.children()) {
            if (Run.isDefinitionsElement(entity)) {
                continue; // oval-def:notes and the like
            }
            results.add(entity(entity, item, run));
        }
        if (results.isEmpty()) {
            return Res.TRUE; // a state without entities constrains nothing
        }
        return Res.combine(results, l -> Logic.operator(Spec.or(state.attribute("operator"), "AND"), l));
    }

    private static Res entity(OvalElement entity, OvalItem item, Run run) {
        Spec spec;
        try {
            spec = Spec.of(entity, run);
        } catch (OvalError e) {
            return e.toRes();
        }
        if (spec.datatype().equals("record")) {
            return new Res(org.bulwark.scap.oval.OvalOutcome.NOT_EVALUATED,
                    spec.where() + ": the record datatype is not implemented");
        }
        List<String> actual = item.fields().get(entity.name());
        if (actual == null || actual.isEmpty()) {
            try {
                return Res.of(Logic.existence(Spec.or(entity.attribute("check_existence"), "at_least_one_exists"), 0));
            } catch (OvalError e) {
                return Res.error(spec.where() + ": " + e.getMessage());
            }
        }
        List<Res> results = new ArrayList<>(actual.size());
        for (String value : actual) {
            results.add(spec.matches(value, run.regexes()));
        }
        String check = Spec.or(entity.attribute("entity_check"), "all");
        return results.size() == 1 ? results.get(0) : Res.combine(results, l -> Logic.check(check, l));
    }
}
