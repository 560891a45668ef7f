package org.bulwark.scoring.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.bulwark.benchmark.api.Control;
import org.bulwark.scoring.api.ControlException;
import org.bulwark.scoring.api.ControlResult;
import org.bulwark.scoring.api.ControlScore;
import org.bulwark.scoring.api.Device;
import org.bulwark.scoring.api.FleetScore;
import org.bulwark.scoring.api.Recommendation;
import org.bulwark.scoring.api.ResultState;

/** Builds recommendations: one per counted control that lacks credit or is under exception on some device. */
final class Recommendations {

    private Recommendations() {
    }

    /**
     * @param controls   the controls by id
     * @param score      the fleet score
     * @param results    per device, its results by control id
     * @param devices    the devices by id
     * @param exceptions all exceptions; those active at the score's time apply
     */
    static List<Recommendation> build(Map<String, Control> controls, FleetScore score,
            Map<String, Map<String, ControlResult>> results, Map<String, Device> devices,
            List<ControlException> exceptions) {
        Instant now = score.computedAt();
        List<Recommendation> out = new ArrayList<>();
        for (ControlScore cs : score.controls()) {
            if (cs.exposed() == 0 && cs.excepted() == 0) {
                continue;
            }
            Control control = controls.get(cs.controlId());
            List<String> exposed = new ArrayList<>();
            List<Recommendation.DeviceEvidence> evidence = new ArrayList<>();
            int exceptedWithoutCredit = 0;
            for (Map.Entry<String, Map<String, ControlResult>> device : results.entrySet()) {
                ControlResult r = device.getValue().get(cs.controlId());
                if (r == null || !r.state().counted() || r.state() == ResultState.PASS) {
                    continue;
                }
                ControlException exception = null;
                boolean credit = false;
                for (ControlException e : exceptions) {
                    if (e.controlId().equals(cs.controlId()) && e.activeAt(now)
                            && e.covers(devices.get(device.getKey()))) {
                        exception = exception == null ? e : exception;
                        credit |= e.justification().givesCredit();
                    }
                }
                if (!credit) {
                    exposed.add(device.getKey());
                    if (exception != null) {
                        exceptedWithoutCredit++;
                    }
                }
                evidence.add(new Recommendation.DeviceEvidence(device.getKey(), r, exception));
            }
            Recommendation.Status status;
            if (cs.excepted() == 0) {
                status = Recommendation.Status.ACTIVE;
            } else if (exposed.size() == exceptedWithoutCredit) {
                status = Recommendation.Status.EXCEPTION;
            } else {
                status = Recommendation.Status.PARTIAL_EXCEPTION;
            }
            out.add(new Recommendation(control, cs.impact(), exposed, status, evidence));
        }
        out.sort(Comparator.comparingDouble(Recommendation::impact).reversed()
                .thenComparing(r -> -r.control().weight()).thenComparing(r -> r.control().id()));
        return out;
    }
}
