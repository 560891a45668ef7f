package org.bulwark.ui.internal.model;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.bulwark.benchmark.api.Control;
import org.bulwark.scoring.api.Device;
import org.bulwark.scoring.api.FleetScore;
import org.bulwark.scoring.api.Recommendation;
import org.bulwark.store.api.AssessmentSummary;
import org.bulwark.store.api.Remediation;
import org.bulwark.store.api.StoredException;

/**
 * Everything the parts show, computed off the UI thread in one go and immutable afterwards.
 *
 * @param at           when it was computed
 * @param score        the fleet score of every device's latest stored results, or {@code null} when the store
 *                     holds no assessment yet
 * @param rows         the recommendations
 * @param history      every stored assessment, oldest first (score over time)
 * @param devices      the stored devices
 * @param controls     the installed controls by id (description, rationale, remediation)
 * @param evidence     per control id, the evidence per device: of the last assessment run in this session, else of
 *                     the devices' latest stored reports (filled in by a second snapshot after start)
 * @param notAssessed  counted controls without a decision (error, unknown), "control-id: STATE"
 * @param activities   the remediation activities
 * @param exceptions   every stored exception, cancelled and expired ones included, by creation time then id
 *                     (their status is taken at {@code at})
 * @param problem      why the store could not be read, or {@code null}
 */
public record Snapshot(Instant at, FleetScore score, List<Row> rows, List<AssessmentSummary> history,
        List<Device> devices, Map<String, Control> controls,
        Map<String, List<Recommendation.DeviceEvidence>> evidence, List<String> notAssessed,
        List<Remediation> activities, List<StoredException> exceptions, String problem) {

    public Snapshot {
        rows = List.copyOf(rows);
        history = List.copyOf(history);
        devices = List.copyOf(devices);
        controls = Map.copyOf(controls);
        evidence = Map.copyOf(evidence);
        notAssessed = List.copyOf(notAssessed);
        activities = List.copyOf(activities);
        exceptions = List.copyOf(exceptions);
    }

    /** @return a snapshot with nothing in it and {@code problem} as the reason */
    public static Snapshot empty(String problem) {
        return new Snapshot(Instant.now(), null, List.of(), List.of(), List.of(), Map.of(), Map.of(), List.of(),
                List.of(), List.of(), problem);
    }

    /** @return the row of {@code controlId}, or {@code null} */
    public Row row(String controlId) {
        for (Row r : rows) {
            if (r.controlId().equals(controlId)) {
                return r;
            }
        }
        return null;
    }

    /**
     * @return each device's exposure score as its newest stored assessment recorded it, by device id; a device whose
     *         newest assessment has none (no feed, no inventory a feed covers) is not in it
     */
    public Map<String, Double> lastExposures() {
        Map<String, AssessmentSummary> newest = new LinkedHashMap<>();
        for (AssessmentSummary a : history) { // in storing order: the last one of a device is its newest
            newest.put(a.device().id(), a);
        }
        Map<String, Double> out = new TreeMap<>();
        newest.forEach((id, a) -> a.exposure().ifPresent(e -> out.put(id, e)));
        return out;
    }

    /** @return the number of active (not fully excepted) recommendations in {@code category}, or all if null */
    public long active(org.bulwark.collector.api.Category category) {
        return rows.stream().filter(r -> r.status() != Row.Status.EXCEPTION)
                .filter(r -> category == null || r.category() == category).count();
    }
}
