package org.bulwark.benchmark.linux;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.bulwark.benchmark.api.Control;
import org.bulwark.benchmark.api.Expectation;
import org.bulwark.collector.api.Observation;
import org.bulwark.collector.api.ObservationState;
import org.bulwark.linux.DebianVersion;

/**
 * A test-only evaluation of controls against observations, written from docs/benchmark-format.md, so that
 * the content can be checked against fixture systems without the scoring bundle. Not the product's evaluator.
 */
final class Evaluator {

    enum Result {
        PASS, FAIL, ERROR, UNKNOWN, NOT_CHECKED, NOT_APPLICABLE;

        boolean decided() {
            return this == PASS || this == FAIL;
        }
    }

    private Evaluator() {
    }

    static Result evaluate(Control control, Map<String, Observation> observations) {
        if (control.applicability() != null) {
            Result when = evaluate(control.applicability().when(), observations);
            if (when == Result.FAIL) {
                return Result.NOT_APPLICABLE;
            }
            if (when != Result.PASS) {
                return when;
            }
        }
        return evaluate(control.expect(), observations);
    }

    static Result evaluate(Expectation e, Map<String, Observation> observations) {
        if (e instanceof Expectation.Check c) {
            return check(c, observations.get(c.key()));
        }
        List<Result> parts = new ArrayList<>();
        List<Expectation> children = e instanceof Expectation.All a ? a.parts()
                : e instanceof Expectation.Any a ? a.parts() : ((Expectation.None) e).parts();
        for (Expectation child : children) {
            parts.add(evaluate(child, observations));
        }
        if (e instanceof Expectation.All) {
            return combine(parts, Result.FAIL, Result.PASS);
        }
        Result any = combine(parts, Result.PASS, Result.FAIL);
        if (e instanceof Expectation.Any) {
            return any;
        }
        return any == Result.PASS ? Result.FAIL : any == Result.FAIL ? Result.PASS : any;
    }

    /** {@code decisive} wins if any part has it; else the first undecided part; else {@code otherwise}. */
    private static Result combine(List<Result> parts, Result decisive, Result otherwise) {
        if (parts.contains(decisive)) {
            return decisive;
        }
        for (Result r : parts) {
            if (!r.decided()) {
                return r;
            }
        }
        return otherwise;
    }

    private static Result check(Expectation.Check c, Observation o) {
        if (o == null) {
            return Result.NOT_CHECKED;
        }
        switch (o.state()) {
            case UNREADABLE:
                return Result.ERROR;
            case UNPARSEABLE:
                return Result.UNKNOWN;
            case UNAVAILABLE:
                return Result.NOT_CHECKED;
            default:
                break;
        }
        switch (c.operator()) {
            case PRESENT:
                return o.state() == ObservationState.PRESENT ? Result.PASS : Result.FAIL;
            case ABSENT:
                return o.state() == ObservationState.ABSENT ? Result.PASS : Result.FAIL;
            default:
                break;
        }
        if (o.state() == ObservationState.ABSENT) {
            return Result.FAIL;
        }
        boolean any = c.match() == Expectation.Quantifier.ANY;
        boolean unknown = false;
        for (String v : o.values()) {
            Boolean holds = holds(c, v);
            if (holds == null) {
                unknown = true;
            } else if (any && holds) {
                return Result.PASS;
            } else if (!any && !holds) {
                return Result.FAIL;
            }
        }
        return unknown ? Result.UNKNOWN : any ? Result.FAIL : Result.PASS;
    }

    private static Boolean holds(Expectation.Check c, String v) {
        List<String> ops = c.operands();
        switch (c.operator()) {
            case EQUALS:
                return v.equals(ops.get(0));
            case NOT_EQUALS:
                return !v.equals(ops.get(0));
            case ONE_OF:
                return ops.contains(v);
            case MATCHES:
                return Pattern.compile(ops.get(0)).matcher(v).matches();
            case LT:
            case LE:
            case GT:
            case GE: {
                BigDecimal a;
                BigDecimal b;
                try {
                    a = new BigDecimal(v.strip());
                    b = new BigDecimal(ops.get(0).strip());
                } catch (NumberFormatException e) {
                    return null;
                }
                int cmp = a.compareTo(b);
                return switch (c.operator()) {
                    case LT -> cmp < 0;
                    case LE -> cmp <= 0;
                    case GT -> cmp > 0;
                    default -> cmp >= 0;
                };
            }
            case VERSION_LT:
                return DebianVersion.compareVersions(v, ops.get(0)) < 0;
            case VERSION_LE:
                return DebianVersion.compareVersions(v, ops.get(0)) <= 0;
            case VERSION_GT:
                return DebianVersion.compareVersions(v, ops.get(0)) > 0;
            case VERSION_GE:
                return DebianVersion.compareVersions(v, ops.get(0)) >= 0;
            default:
                throw new IllegalStateException(c.operator().toString());
        }
    }
}
