package org.bulwark.operations.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.bulwark.benchmark.api.Benchmark;
import org.bulwark.benchmark.api.Control;
import org.bulwark.operations.api.RecommendationRow;
import org.bulwark.operations.api.RecommendationRows;
import org.bulwark.scoring.api.ControlException;
import org.bulwark.scoring.api.ControlRef;
import org.bulwark.scoring.api.ControlScore;
import org.bulwark.scoring.api.Device;
import org.bulwark.scoring.api.DeviceResults;
import org.bulwark.scoring.api.FleetScore;
import org.bulwark.scoring.api.Recommendation;
import org.bulwark.scoring.api.ResultState;
import org.osgi.service.component.annotations.Component;

/**
 * The {@link RecommendationRows} service. The status compares the devices an active exception covers with the
 * devices that do not pass, as a single device's assessment does ({@code Recommendation.Status}): before, the
 * workbench and the server called a control whose every failing device was under a risk-accepted exception (no
 * credit) a partial exception, because such a device is both exposed and excepted.
 */
@Component(service = RecommendationRows.class)
public final class DefaultRecommendationRows implements RecommendationRows {

    @Override
    public List<RecommendationRow> rows(FleetScore score, Collection<DeviceResults> devices,
            Collection<ControlException> exceptions, Collection<ControlRef> controls, List<Benchmark> content) {
        Instant now = score.computedAt();
        Set<String> inactive = new HashSet<>(score.inactive());
        Map<String, Control> installed = new HashMap<>();
        for (Benchmark b : content) {
            for (Control c : b.controls()) {
                installed.putIfAbsent(c.id(), c);
            }
        }
        Map<String, ControlRef> scored = new HashMap<>();
        for (ControlRef c : controls) {
            scored.putIfAbsent(c.id(), c);
        }
        // Devices outer, controls inner: a device's states are materialized once (a fleet server keeps them
        // compact), and the exceptions are looked up by control, so a fleet of 10,000 devices costs one pass.
        Map<String, List<ControlException>> active = new HashMap<>();
        for (ControlException e : exceptions) {
            if (e.activeAt(now)) {
                active.computeIfAbsent(e.controlId(), k -> new ArrayList<>()).add(e);
            }
        }
        List<Tally> tallies = new ArrayList<>();
        for (ControlScore cs : score.controls()) {
            if (cs.exposed() != 0 || cs.excepted() != 0) {
                tallies.add(new Tally(cs, active.getOrDefault(cs.controlId(), List.of())));
            }
        }
        for (DeviceResults d : devices) {
            if (tallies.isEmpty() || inactive.contains(d.device().id())) {
                continue;
            }
            Map<String, ResultState> states = d.states();
            for (Tally t : tallies) {
                ResultState s = states.get(t.score.controlId());
                if (s != null && s.counted() && s != ResultState.PASS) {
                    t.add(d.device());
                }
            }
        }
        List<RecommendationRow> rows = new ArrayList<>();
        for (Tally t : tallies) {
            if (t.failing == 0) {
                continue;
            }
            ControlScore cs = t.score;
            t.exposed.sort(null);
            Recommendation.Status status = t.covered == 0 ? Recommendation.Status.ACTIVE
                    : t.covered == t.failing ? Recommendation.Status.EXCEPTION
                            : Recommendation.Status.PARTIAL_EXCEPTION;
            Control control = installed.get(cs.controlId());
            ControlRef ref = scored.get(cs.controlId());
            String title = control != null ? control.title()
                    : ref != null && ref.title() != null ? ref.title() : cs.controlId();
            rows.add(new RecommendationRow(cs.controlId(), title, cs.category(), cs.weight(), cs.impact(),
                    t.exposed, t.covered, status, control == null ? null : control.remediation().type(),
                    control == null ? null : control.remediation().text(),
                    control == null ? null : control.description()));
        }
        return rows;
    }

    /** One control's failing devices: how many, how many an active exception covers, which stay exposed. */
    private static final class Tally {
        final ControlScore score;
        final List<ControlException> exceptions;
        final List<String> exposed = new ArrayList<>();
        int failing;
        int covered;

        Tally(ControlScore score, List<ControlException> exceptions) {
            this.score = score;
            this.exceptions = exceptions;
        }

        void add(Device device) {
            failing++;
            boolean cover = false;
            boolean credit = false;
            for (ControlException e : exceptions) {
                if (e.covers(device)) {
                    cover = true;
                    credit |= e.justification().givesCredit();
                }
            }
            covered += cover ? 1 : 0;
            if (!credit) {
                exposed.add(device.id());
            }
        }
    }
}
