package org.bulwark.scap.oval.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.bulwark.scap.oval.OvalOutcome;

/**
 * An outcome with the reason that decided it.
 *
 * @param outcome the outcome
 * @param message the reason, or {@code ""}
 */
record Res(OvalOutcome outcome, String message) {

    static final Res TRUE = new Res(OvalOutcome.TRUE, "");
    static final Res FALSE = new Res(OvalOutcome.FALSE, "");

    static Res of(OvalOutcome outcome) {
        return outcome == OvalOutcome.TRUE ? TRUE : outcome == OvalOutcome.FALSE ? FALSE : new Res(outcome, "");
    }

    static Res error(String message) {
        return new Res(OvalOutcome.ERROR, message);
    }

    Res negate() {
        return new Res(outcome.negate(), message);
    }

    /**
     * Combines results by a truth table; the message is that of the first input with the combined outcome.
     *
     * @param table e.g. {@code l -> Logic.operator("AND", l)}
     */
    static Res combine(List<Res> results, Function<List<OvalOutcome>, OvalOutcome> table) {
        List<OvalOutcome> outcomes = new ArrayList<>(results.size());
        for (Res r : results) {
            outcomes.add(r.outcome);
        }
        OvalOutcome combined = table.apply(outcomes);
        for (Res r : results) {
            if (r.outcome == combined && !r.message.isEmpty()) {
                return new Res(combined, r.message);
            }
        }
        return of(combined);
    }
}
