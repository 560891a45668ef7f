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
        List<RecommendationRow> rows = new ArrayList<>();
        for (ControlScore cs : score.controls()) {
            if (cs.exposed() == 0 && cs.excepted() == 0) {
                continue;
            }
            List<String> exposed = new ArrayList<>();
            int failing = 0;
            int covered = 0;
            for (DeviceResults d : devices) {
                ResultState s = d.states().get(cs.controlId());
                if (s == null || !s.counted() || s == ResultState.PASS || inactive.contains(d.device().id())) {
                    continue;
                }
                failing++;
                boolean cover = false;
                boolean credit = false;
                for (ControlException e : exceptions) {
                    if (e.controlId().equals(cs.controlId()) && e.activeAt(now) && e.covers(d.device())) {
                        cover = true;
                        credit |= e.justification().givesCredit();
                    }
                }
                covered += cover ? 1 : 0;
                if (!credit) {
                    exposed.add(d.device().id());
                }
            }
            if (failing == 0) {
                continue;
            }
            exposed.sort(null);
            Recommendation.Status status = covered == 0 ? Recommendation.Status.ACTIVE
                    : covered == failing ? Recommendation.Status.EXCEPTION : Recommendation.Status.PARTIAL_EXCEPTION;
            Control control = installed.get(cs.controlId());
            ControlRef ref = scored.get(cs.controlId());
            String title = control != null ? control.title()
                    : ref != null && ref.title() != null ? ref.title() : cs.controlId();
            rows.add(new RecommendationRow(cs.controlId(), title, cs.category(), cs.weight(), cs.impact(), exposed,
                    covered, status, control == null ? null : control.remediation().type(),
                    control == null ? null : control.remediation().text(),
                    control == null ? null : control.description()));
        }
        return rows;
    }
}
