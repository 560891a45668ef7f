package org.bulwark.scap.content.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.bulwark.collector.api.Observation;
import org.bulwark.collector.api.ObservationState;
import org.bulwark.collector.api.Source;
import org.bulwark.scap.oval.OvalItem;
import org.bulwark.scap.oval.OvalOutcome;
import org.bulwark.scap.oval.OvalResult;
import org.bulwark.scap.oval.OvalTestResult;

/**
 * A rule's evaluation as the two observations its control reads. The rule's key:
 * <ul>
 * <li>OVAL TRUE: {@code pass} (PASS); FALSE: {@code fail} (FAIL);</li>
 * <li>ERROR: UNREADABLE with the message (ERROR, counted, no credit);</li>
 * <li>UNKNOWN: UNAVAILABLE (NOT_CHECKED, not counted): the evaluator is UNKNOWN where a fact cannot be collected
 * from the target, e.g. a running-system fact of an offline root, which Bulwark's own collectors report as not
 * checkable too;</li>
 * <li>NOT_EVALUATED (a test type or function not implemented, named in the message; a rule without an OVAL check):
 * UNAVAILABLE (NOT_CHECKED);</li>
 * <li>NOT_APPLICABLE: the {@code .applies} key is {@code false} (NOT_APPLICABLE).</li>
 * </ul>
 * The {@code .applies} key is {@code true} or {@code false} by the rule's platforms ({@link Platforms}); a
 * platform that cannot be decided is UNREADABLE (ERROR) or UNAVAILABLE (NOT_CHECKED), and the rule's check is not
 * evaluated. The evidence ({@link Observation#others()}) lists each OVAL test reached, with its type, outcome and
 * item count, and its first items (file, line, value).
 */
final class Observations {

    static final int MAX_TESTS = 12;
    static final int MAX_ITEMS = 5;
    private static final int MAX_FIELD = 160;

    private Observations() {
    }

    static Observation applies(String key, Decision platform) {
        Source source = Source.derived(platform.why());
        return switch (platform.outcome()) {
            case TRUE -> Observation.of(key, "true", source);
            case FALSE, NOT_APPLICABLE -> Observation.of(key, "false", source);
            case ERROR -> Observation.unreadable(key, source, "the rule's platform could not be decided: "
                    + platform.why());
            default -> new Observation(key, ObservationState.UNAVAILABLE, List.of(), source,
                    "the rule's platform could not be decided: " + platform.why(), List.of());
        };
    }

    static Observation notEvaluated(String key, String why) {
        return Observation.unavailable(key, "not evaluated: " + why);
    }

    static Observation result(String key, RuleChecks.Evaluated e) {
        Source source = Source.derived(e.results().isEmpty() ? "the rule's check"
                : "OVAL " + String.join(", ", e.results().stream().map(OvalResult::definitionId).toList()) + " in "
                        + e.href());
        List<Observation.Other> others = others(e.results());
        return switch (e.outcome()) {
            case TRUE -> new Observation(key, ObservationState.PRESENT, List.of("pass"), source, null, others);
            case FALSE -> new Observation(key, ObservationState.PRESENT, List.of("fail"), source, null, others);
            case ERROR -> new Observation(key, ObservationState.UNREADABLE, List.of(), source,
                    "OVAL error: " + e.message(), others);
            case UNKNOWN -> new Observation(key, ObservationState.UNAVAILABLE, List.of(), source,
                    "OVAL result unknown (not checkable on this target): " + e.message(), others);
            case NOT_EVALUATED -> new Observation(key, ObservationState.UNAVAILABLE, List.of(), source,
                    "not evaluated: " + e.message(), others);
            case NOT_APPLICABLE -> new Observation(key, ObservationState.UNAVAILABLE, List.of(), source,
                    "the OVAL check does not apply: " + e.message(), others);
        };
    }

    static List<Observation.Other> others(List<OvalResult> results) {
        List<Observation.Other> out = new ArrayList<>();
        int tests = 0;
        for (OvalResult r : results) {
            for (OvalTestResult t : r.tests()) {
                if (tests++ == MAX_TESTS) {
                    return out;
                }
                out.add(new Observation.Other(outcome(t.outcome()) + ", " + t.itemCount()
                        + (t.itemCount() == 1 ? " item" : " items"), Source.derived(t.testType() + " " + t.testId()),
                        t.message().isEmpty() ? null : t.message()));
                for (int i = 0; i < t.items().size() && i < MAX_ITEMS; i++) {
                    OvalItem item = t.items().get(i);
                    out.add(new Observation.Other(item(item), itemSource(item), "item of " + t.testId()));
                }
            }
        }
        return out;
    }

    static String outcome(OvalOutcome o) {
        return o.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    /** @return e.g. {@code file_item filepath=/etc/shadow, uread=true, …} */
    static String item(OvalItem item) {
        StringBuilder b = new StringBuilder(item.type());
        String sep = " ";
        for (Map.Entry<String, List<String>> f : item.fields().entrySet()) {
            if (f.getValue().isEmpty() || b.length() > 600) {
                continue;
            }
            String v = String.join("|", f.getValue());
            b.append(sep).append(f.getKey()).append('=').append(v.length() > MAX_FIELD
                    ? v.substring(0, MAX_FIELD) + "…" : v);
            sep = ", ";
        }
        return b.toString();
    }

    private static Source itemSource(OvalItem item) {
        String file = item.first("filepath");
        if (file.isEmpty() && !item.first("path").isEmpty() && !item.first("filename").isEmpty()) {
            file = item.first("path") + "/" + item.first("filename");
        }
        return file.isEmpty() ? Source.derived(item.type()) : Source.file(file, 0);
    }
}
