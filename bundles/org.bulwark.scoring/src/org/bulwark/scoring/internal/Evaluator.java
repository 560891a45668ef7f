package org.bulwark.scoring.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

import org.bulwark.benchmark.api.Control;
import org.bulwark.benchmark.api.Expectation;
import org.bulwark.benchmark.api.Operator;
import org.bulwark.collector.api.Observation;
import org.bulwark.collector.api.ObservationState;
import org.bulwark.scoring.api.ControlResult;
import org.bulwark.scoring.api.Evidence;
import org.bulwark.scoring.api.ResultState;
import org.bulwark.version.api.DebianVersion;
import org.bulwark.version.api.ParsedVersion;

/**
 * Decides a control's result from the facts it reads, with three-valued logic: each check is true, false,
 * or undecided with the state it would give (ERROR, UNKNOWN, NOT_CHECKED). Stateless and thread-safe.
 */
final class Evaluator {

    /** The outcome of an expectation. */
    record Outcome(Boolean holds, ResultState undecided, String reason) {
        static final Outcome TRUE = new Outcome(Boolean.TRUE, null, null);

        static Outcome no(String reason) {
            return new Outcome(Boolean.FALSE, null, reason);
        }

        static Outcome undecided(ResultState state, String reason) {
            return new Outcome(null, state, reason);
        }

        boolean decided() {
            return holds != null;
        }
    }

    /** ERROR outranks UNKNOWN outranks NOT_CHECKED when parts are undecided for different reasons. */
    private static int rank(ResultState s) {
        return switch (s) {
            case ERROR -> 3;
            case UNKNOWN -> 2;
            default -> 1;
        };
    }

    private final Map<String, Pattern> patterns = new java.util.concurrent.ConcurrentHashMap<>();

    /** Evaluates {@code control} against {@code facts} (a fact for every key of the control). */
    ControlResult evaluate(Control control, Function<String, Fact> facts) {
        List<Evidence> evidence = evidence(control, facts);
        if (control.applicability() != null) {
            Outcome applies = eval(control.applicability().when(), facts);
            if (!applies.decided()) {
                return new ControlResult(control.id(), applies.undecided(),
                        "cannot tell whether the control applies: " + applies.reason(), evidence);
            }
            if (!applies.holds()) {
                return new ControlResult(control.id(), ResultState.NOT_APPLICABLE, control.applicability().reason(),
                        evidence);
            }
        }
        Outcome o = eval(control.expect(), facts);
        if (!o.decided()) {
            return new ControlResult(control.id(), o.undecided(), o.reason(), evidence);
        }
        return new ControlResult(control.id(), o.holds() ? ResultState.PASS : ResultState.FAIL,
                o.holds() ? null : o.reason(), evidence);
    }

    Outcome eval(Expectation e, Function<String, Fact> facts) {
        if (e instanceof Expectation.Check c) {
            return check(c, facts.apply(c.key()));
        }
        if (e instanceof Expectation.All all) {
            Outcome undecided = null;
            for (Expectation part : all.parts()) {
                Outcome o = eval(part, facts);
                if (o.decided() && !o.holds()) {
                    return o;
                }
                undecided = worse(undecided, o);
            }
            return undecided != null ? undecided : Outcome.TRUE;
        }
        if (e instanceof Expectation.Any any) {
            Outcome undecided = null;
            List<String> reasons = new ArrayList<>();
            for (Expectation part : any.parts()) {
                Outcome o = eval(part, facts);
                if (o.decided() && o.holds()) {
                    return Outcome.TRUE;
                }
                if (o.decided()) {
                    reasons.add(o.reason());
                }
                undecided = worse(undecided, o);
            }
            return undecided != null ? undecided : Outcome.no(String.join("; and ", reasons));
        }
        Expectation.None none = (Expectation.None) e;
        Outcome undecided = null;
        for (Expectation part : none.parts()) {
            Outcome o = eval(part, facts);
            if (o.decided() && o.holds()) {
                return Outcome.no("unexpected: " + part.describe());
            }
            undecided = worse(undecided, o);
        }
        return undecided != null ? undecided : Outcome.TRUE;
    }

    private static Outcome worse(Outcome current, Outcome candidate) {
        if (candidate.decided()) {
            return current;
        }
        if (current == null || rank(candidate.undecided()) > rank(current.undecided())) {
            return candidate;
        }
        return current;
    }

    Outcome check(Expectation.Check c, Fact fact) {
        Observation o = fact.observation();
        if (o == null) {
            return Outcome.undecided(fact.missing(), fact.reason());
        }
        switch (o.state()) {
            case UNREADABLE:
                return Outcome.undecided(ResultState.ERROR, c.key() + " could not be read"
                        + at(o) + ": " + o.reason());
            case UNPARSEABLE:
                return Outcome.undecided(ResultState.UNKNOWN, c.key() + " could not be understood"
                        + at(o) + ": " + o.reason());
            case UNAVAILABLE:
                return Outcome.undecided(ResultState.NOT_CHECKED, c.key() + " is not available: " + o.reason());
            case ABSENT:
                if (c.operator() == Operator.ABSENT) {
                    return Outcome.TRUE;
                }
                return Outcome.no(c.key() + " is not set" + at(o) + " (expected " + expected(c) + ")");
            case PRESENT:
            default:
                break;
        }
        if (c.operator() == Operator.PRESENT) {
            return Outcome.TRUE;
        }
        if (c.operator() == Operator.ABSENT) {
            return Outcome.no(c.key() + " is " + shown(o.values()) + at(o) + " (expected absent)");
        }
        if (comparesVersions(c.operator())
                && DebianVersion.parse(c.operands().get(0)) instanceof ParsedVersion.Invalid invalid) {
            return Outcome.undecided(ResultState.UNKNOWN, "the content compares " + c.key() + " with \""
                    + invalid.text() + "\", which is not a version: " + invalid.reason());
        }
        boolean any = c.match() == Expectation.Quantifier.ANY;
        String firstFailing = null;
        for (String value : o.values()) {
            Boolean ok;
            try {
                ok = test(c, value);
            } catch (NumberFormatException e) {
                return Outcome.undecided(ResultState.UNKNOWN, c.key() + " is \"" + value + "\"" + at(o)
                        + ", not a number");
            } catch (IllegalArgumentException e) {
                return Outcome.undecided(ResultState.UNKNOWN, c.key() + " is \"" + value + "\"" + at(o)
                        + ", not a version: " + e.getMessage());
            }
            if (ok && any) {
                return Outcome.TRUE;
            }
            if (!ok && !any) {
                return Outcome.no(c.key() + " is \"" + value + "\"" + at(o) + " (expected " + expected(c) + ")");
            }
            if (!ok && firstFailing == null) {
                firstFailing = value;
            }
        }
        if (any) {
            return Outcome.no(c.key() + " is " + shown(o.values()) + at(o) + " (expected any value to "
                    + expected(c) + ")");
        }
        return Outcome.TRUE;
    }

    private boolean test(Expectation.Check c, String value) {
        List<String> ops = c.operands();
        return switch (c.operator()) {
            case EQUALS -> value.equals(ops.get(0));
            case NOT_EQUALS -> !value.equals(ops.get(0));
            case ONE_OF -> ops.contains(value);
            case MATCHES -> patterns.computeIfAbsent(ops.get(0), Pattern::compile).matcher(value).matches();
            case LT -> number(value).compareTo(number(ops.get(0))) < 0;
            case LE -> number(value).compareTo(number(ops.get(0))) <= 0;
            case GT -> number(value).compareTo(number(ops.get(0))) > 0;
            case GE -> number(value).compareTo(number(ops.get(0))) >= 0;
            case VERSION_LT -> version(value).compareTo(version(ops.get(0))) < 0;
            case VERSION_LE -> version(value).compareTo(version(ops.get(0))) <= 0;
            case VERSION_GT -> version(value).compareTo(version(ops.get(0))) > 0;
            case VERSION_GE -> version(value).compareTo(version(ops.get(0))) >= 0;
            case PRESENT, ABSENT -> throw new IllegalStateException("existential operator");
        };
    }

    /** @throws IllegalArgumentException with dpkg's reason when {@code text} is not a Debian version */
    private static DebianVersion version(String text) {
        ParsedVersion parsed = DebianVersion.parse(text);
        if (parsed instanceof ParsedVersion.Invalid invalid) {
            throw new IllegalArgumentException(invalid.reason());
        }
        return ((ParsedVersion.Valid) parsed).version();
    }

    private static boolean comparesVersions(Operator op) {
        return op == Operator.VERSION_LT || op == Operator.VERSION_LE || op == Operator.VERSION_GT
                || op == Operator.VERSION_GE;
    }

    private static BigDecimal number(String s) {
        return new BigDecimal(s.trim());
    }

    private static String expected(Expectation.Check c) {
        String d = c.describe();
        String prefix = (c.match() == Expectation.Quantifier.ANY ? "any value of " : "") + c.key() + " ";
        return d.startsWith(prefix) ? d.substring(prefix.length()) : d;
    }

    private static String shown(List<String> values) {
        if (values.size() == 1) {
            return "\"" + values.get(0) + "\"";
        }
        StringBuilder b = new StringBuilder("[");
        for (int i = 0; i < values.size() && i < 10; i++) {
            b.append(i == 0 ? "" : ", ").append('"').append(values.get(i)).append('"');
        }
        if (values.size() > 10) {
            b.append(", … ").append(values.size() - 10).append(" more");
        }
        return b.append(']').toString();
    }

    private static String at(Observation o) {
        return o.source() == null ? "" : " at " + o.source();
    }

    /** One evidence entry per key the control reads, with what is expected of it. */
    static List<Evidence> evidence(Control control, Function<String, Fact> facts) {
        Map<String, List<String>> expectations = new LinkedHashMap<>();
        if (control.applicability() != null) {
            collect(control.applicability().when(), expectations, "applies when ");
        }
        collect(control.expect(), expectations, "");
        List<Evidence> out = new ArrayList<>();
        for (Map.Entry<String, List<String>> e : expectations.entrySet()) {
            Fact f = facts.apply(e.getKey());
            String expected = String.join("; ", e.getValue());
            Observation o = f.observation();
            if (o == null) {
                out.add(new Evidence(e.getKey(), expected, null, List.of(), null, List.of(), f.reason()));
            } else {
                out.add(new Evidence(e.getKey(), expected, o.state(), o.values(), o.source(), o.others(),
                        o.reason()));
            }
        }
        return out;
    }

    private static void collect(Expectation e, Map<String, List<String>> into, String prefix) {
        if (e instanceof Expectation.Check c) {
            into.computeIfAbsent(c.key(), k -> new ArrayList<>()).add(prefix + expected(c));
            return;
        }
        List<Expectation> parts = e instanceof Expectation.All a ? a.parts()
                : e instanceof Expectation.Any a ? a.parts() : ((Expectation.None) e).parts();
        String p = e instanceof Expectation.None ? prefix + "not " : prefix;
        for (Expectation part : parts) {
            collect(part, into, p);
        }
    }

    static boolean isUsable(ObservationState s) {
        return s == ObservationState.PRESENT || s == ObservationState.ABSENT;
    }
}
