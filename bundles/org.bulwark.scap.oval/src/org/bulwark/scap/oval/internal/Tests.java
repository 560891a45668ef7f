package org.bulwark.scap.oval.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.bulwark.scap.OvalElement;
import org.bulwark.scap.oval.OvalItem;
import org.bulwark.scap.oval.OvalOutcome;
import org.bulwark.scap.oval.OvalTestResult;

/**
 * Tests (OVAL 5.11, TestType), each evaluated once per run: the object's flag first (error → ERROR, not
 * collected → UNKNOWN, not implemented → NOT_EVALUATED), then {@code check_existence} over the items
 * ({@code at_least_one_exists} by default), then, when it holds and the test has states, every item against the
 * states (combined by {@code state_operator}, {@code AND} by default) and the items by {@code check}. A test whose
 * existence check holds with no items is true. An incomplete collection decides only what more items could not
 * change; otherwise it is UNKNOWN.
 */
final class Tests {

    private final Run run;
    private final Map<String, OvalTestResult> results = new HashMap<>();
    private final Map<String, Res> outcomes = new HashMap<>();

    Tests(Run run) {
        this.run = run;
    }

    OvalTestResult cached(String id) {
        return results.get(id);
    }

    Res evaluate(String id) {
        Res cached = outcomes.get(id);
        if (cached != null) {
            return cached;
        }
        OvalElement test = run.definitions().tests().get(id);
        if (test == null) {
            return Res.error("unknown test " + id);
        }
        Collected collected = null;
        Res r;
        try {
            String objectRef = test.child("object").map(o -> o.attribute("object_ref")).orElse("");
            if (objectRef.isEmpty()) {
                r = test.name().equals("unknown_test") ? new Res(OvalOutcome.UNKNOWN, "the content declares this test's result unknown")
                        : new Res(OvalOutcome.NOT_EVALUATED, where(test) + ": test type " + test.name()
                                + " (" + Run.family(test) + ") has no object and is not implemented");
            } else {
                collected = run.objects().collect(objectRef);
                r = judge(test, collected);
            }
        } catch (OvalError e) {
            r = new Res(e.outcome(), prefixed(test, e.getMessage()));
        }
        if (r.outcome() != OvalOutcome.TRUE && r.outcome() != OvalOutcome.FALSE) {
            r = new Res(r.outcome(), prefixed(test, r.message()));
        }
        List<OvalItem> items = collected == null ? List.of() : collected.items();
        results.put(id, new OvalTestResult(id, test.name(), r.outcome(), r.message(), items.size(),
                items.subList(0, Math.min(items.size(), OvalTestResult.MAX_ITEMS))));
        outcomes.put(id, r);
        return r;
    }

    private Res judge(OvalElement test, Collected collected) {
        switch (collected.flag()) {
        case ERROR:
            return Res.error(collected.message());
        case NOT_COLLECTED:
            return new Res(OvalOutcome.UNKNOWN, collected.message());
        case UNSUPPORTED:
            return new Res(OvalOutcome.NOT_EVALUATED, collected.message());
        case NOT_APPLICABLE:
            return new Res(OvalOutcome.NOT_APPLICABLE, collected.message());
        default:
            break;
        }
        List<OvalItem> items = collected.items();
        String existence = Spec.or(test.attribute("check_existence"), "at_least_one_exists");
        OvalOutcome exists = Logic.existence(existence, items.size());
        boolean incomplete = collected.flag() == Collected.Flag.INCOMPLETE;
        if (incomplete) {
            boolean settled = (existence.equals("none_exist") && !items.isEmpty())
                    || (existence.equals("only_one_exists") && items.size() > 1);
            if (settled) {
                return Res.FALSE;
            }
            if (exists != OvalOutcome.TRUE || !existence.equals("at_least_one_exists") && !existence.equals("any_exist")) {
                return new Res(OvalOutcome.UNKNOWN, "incompletely collected: " + collected.message());
            }
        }
        if (exists != OvalOutcome.TRUE) {
            return Res.of(exists);
        }
        List<OvalElement> states = new ArrayList<>();
        for (OvalElement c : test.children()) {
            if (c.name().equals("state")) {
                states.add(run.definitions().states().get(c.attribute("state_ref")));
            }
        }
        if (states.isEmpty() || items.isEmpty()) {
            return incomplete && !states.isEmpty() ? new Res(OvalOutcome.UNKNOWN, collected.message()) : Res.TRUE;
        }
        String stateOperator = Spec.or(test.attribute("state_operator"), "AND");
        List<Res> perItem = new ArrayList<>(items.size());
        for (OvalItem item : items) {
            List<Res> perState = new ArrayList<>(states.size());
            for (OvalElement state : states) {
                perState.add(States.evaluate(state, item, run));
            }
            perItem.add(Res.combine(perState, l -> Logic.operator(stateOperator, l)));
        }
        String check = Spec.or(test.attribute("check"), "all");
        Res r = Res.combine(perItem, l -> Logic.check(check, l));
        if (incomplete && !(check.equals("at least one") && r.outcome() == OvalOutcome.TRUE)
                && !(check.equals("all") && r.outcome() == OvalOutcome.FALSE)) {
            return new Res(OvalOutcome.UNKNOWN, "incompletely collected: " + collected.message());
        }
        return r;
    }

    private static String where(OvalElement test) {
        return test.name() + " " + test.attribute("id");
    }

    private static String prefixed(OvalElement test, String message) {
        String w = where(test);
        return message.startsWith(w) ? message : w + ": " + message;
    }
}
