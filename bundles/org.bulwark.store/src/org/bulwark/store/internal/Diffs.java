package org.bulwark.store.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.bulwark.scoring.api.ControlException;
import org.bulwark.store.api.AssessmentDiff;
import org.bulwark.store.api.AssessmentDiff.Change;
import org.bulwark.store.api.AssessmentDiff.Kind;
import org.bulwark.store.api.StoredAssessment;
import org.bulwark.store.api.StoredResult;

/**
 * Attributes a device's score change to controls. A device's points are {@code Σ w·credit} earned of
 * {@code Σ w} possible over its counted results, so each control's earned and possible deltas add up exactly to
 * the change of the two sums; the score on each side is {@code 100 · earned / possible}.
 */
final class Diffs {

    private Diffs() {
    }

    static AssessmentDiff diff(StoredAssessment a, StoredAssessment b) {
        Map<String, StoredResult> before = index(a.results());
        Map<String, StoredResult> after = index(b.results());
        Map<String, ControlException> earlierExceptions = new LinkedHashMap<>();
        a.exceptions().forEach(e -> earlierExceptions.put(e.id(), e));
        Instant later = b.summary().finished();
        List<Change> changes = new ArrayList<>();
        for (StoredResult x : a.results()) {
            StoredResult y = after.get(x.controlId());
            if (y == null) {
                changes.add(new Change(Kind.CONTROL_REMOVED, x.controlId(), x.title(), x.state(), null,
                        x.exceptionId(), -x.earned(), -x.possible()));
                continue;
            }
            double de = y.earned() - x.earned();
            double dp = y.possible() - x.possible();
            Kind kind;
            String exception = y.exceptionId() != null ? y.exceptionId() : x.exceptionId();
            if (x.state() != y.state()) {
                kind = Kind.RESULT_CHANGED;
            } else if (x.weight() != y.weight()) {
                kind = Kind.WEIGHT_CHANGED;
            } else if (Objects.equals(x.exceptionId(), y.exceptionId()) && x.credit() == y.credit()) {
                continue;
            } else if (y.exceptionId() != null && (x.exceptionId() == null || y.credit() && !x.credit())) {
                kind = Kind.EXCEPTION_CREATED;
            } else {
                ControlException ended = earlierExceptions.get(x.exceptionId());
                exception = x.exceptionId();
                kind = ended != null && ended.expires() != null && !later.isBefore(ended.expires())
                        ? Kind.EXCEPTION_EXPIRED : Kind.EXCEPTION_REMOVED;
            }
            changes.add(new Change(kind, x.controlId(), y.title(), x.state(), y.state(), exception, de, dp));
        }
        for (StoredResult y : b.results()) {
            if (!before.containsKey(y.controlId())) {
                changes.add(new Change(Kind.CONTROL_ADDED, y.controlId(), y.title(), null, y.state(), y.exceptionId(),
                        y.earned(), y.possible()));
            }
        }
        changes.sort(Comparator.comparingDouble((Change c) -> -(Math.abs(c.earnedDelta()) + Math.abs(c.possibleDelta())))
                .thenComparing(Change::controlId));
        return new AssessmentDiff(a.summary(), b.summary(), changes);
    }

    private static Map<String, StoredResult> index(List<StoredResult> results) {
        Map<String, StoredResult> m = new LinkedHashMap<>();
        results.forEach(r -> m.put(r.controlId(), r));
        return m;
    }
}
