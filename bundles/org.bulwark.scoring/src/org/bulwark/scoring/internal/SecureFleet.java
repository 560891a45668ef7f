package org.bulwark.scoring.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bulwark.collector.api.Category;
import org.bulwark.scoring.api.ControlException;
import org.bulwark.scoring.api.ControlRef;
import org.bulwark.scoring.api.ControlScore;
import org.bulwark.scoring.api.Coverage;
import org.bulwark.scoring.api.DeviceResults;
import org.bulwark.scoring.api.DeviceScore;
import org.bulwark.scoring.api.Fleet;
import org.bulwark.scoring.api.FleetScore;
import org.bulwark.scoring.api.Points;
import org.bulwark.scoring.api.ResultState;

/**
 * The Secure score of {@code docs/scoring.md}, kept incrementally. Each device is held as one row of
 * per-control codes; per-control sums ({@code |A_c|}, {@code C_c}) and coverage counts are updated when a row
 * is added or removed, so replacing a device costs O(controls) and {@link #score()} costs O(controls + devices)
 * without touching any result.
 */
final class SecureFleet implements Fleet {

    private static final ResultState[] STATES = ResultState.values();

    /** Per control: not counted on the device. */
    static final byte NOT_COUNTED = 0;
    /** Counted, no credit. */
    static final byte NO_CREDIT = 1;
    /** Counted, credit 1 (PASS, or covered by a crediting exception). */
    static final byte CREDIT = 2;

    private final ControlRef[] controls;
    private final Map<String, Integer> index;
    /** Per control (by index), the exceptions active at {@link #now}; {@code null} when there are none. */
    private final ControlException[][] exceptionsByControl;
    private final Instant now;
    private final Instant activeSince;

    private final int[] counted;
    private final int[] credit;
    private final int[] excepted;
    private final int[] stateCounts = new int[STATES.length];
    private final Map<String, Row> rows = new LinkedHashMap<>();
    private final Map<String, Instant> inactive = new LinkedHashMap<>();

    /** One device: per control its state ordinal and credit code, and its own score. */
    record Row(String deviceId, byte[] states, byte[] codes, boolean[] exceptedFlags, DeviceScore score) {
    }

    SecureFleet(Collection<ControlRef> controls, Collection<ControlException> exceptions, Instant now,
            Duration inactivityWindow) {
        Map<String, ControlRef> unique = new LinkedHashMap<>();
        for (ControlRef c : controls) {
            if (unique.putIfAbsent(c.id(), c) != null) {
                throw new IllegalArgumentException("control " + c.id() + " is listed twice");
            }
        }
        this.controls = unique.values().toArray(ControlRef[]::new);
        this.index = new HashMap<>();
        for (int i = 0; i < this.controls.length; i++) {
            index.put(this.controls[i].id(), i);
        }
        Map<String, List<ControlException>> active = new HashMap<>();
        for (ControlException e : exceptions) {
            if (e.activeAt(now)) {
                active.computeIfAbsent(e.controlId(), k -> new ArrayList<>()).add(e);
            }
        }
        this.exceptionsByControl = new ControlException[this.controls.length][];
        for (int i = 0; i < this.controls.length; i++) {
            List<ControlException> list = active.get(this.controls[i].id());
            exceptionsByControl[i] = list == null ? null : list.toArray(ControlException[]::new);
        }
        this.now = now;
        this.activeSince = now.minus(inactivityWindow);
        this.counted = new int[this.controls.length];
        this.credit = new int[this.controls.length];
        this.excepted = new int[this.controls.length];
    }

    @Override
    public void put(DeviceResults results) {
        remove(results.device().id());
        if (results.assessedAt().isBefore(activeSince)) {
            inactive.put(results.device().id(), results.assessedAt());
            return;
        }
        int n = controls.length;
        byte[] states = new byte[n];
        byte[] codes = new byte[n];
        boolean[] exceptedFlags = new boolean[n];
        int[] deviceCounts = new int[STATES.length];
        long earned = 0;
        long possible = 0;
        for (int i = 0; i < n; i++) {
            ResultState state = results.states().getOrDefault(controls[i].id(), ResultState.NOT_CHECKED);
            states[i] = (byte) state.ordinal();
            deviceCounts[state.ordinal()]++;
            if (!state.counted()) {
                codes[i] = NOT_COUNTED;
                continue;
            }
            boolean hasCredit = state == ResultState.PASS;
            if (!hasCredit) {
                ControlException[] list = exceptionsByControl[i];
                if (list != null) {
                    for (ControlException e : list) {
                        if (e.covers(results.device())) {
                            exceptedFlags[i] = true;
                            hasCredit |= e.justification().givesCredit();
                        }
                    }
                }
            }
            codes[i] = hasCredit ? CREDIT : NO_CREDIT;
            int w = controls[i].weight();
            possible += w;
            earned += hasCredit ? w : 0;
        }
        DeviceScore score = new DeviceScore(results.device().id(), new Points(earned, possible), coverage(deviceCounts));
        Row row = new Row(results.device().id(), states, codes, exceptedFlags, score);
        apply(row, +1);
        rows.put(row.deviceId(), row);
    }

    @Override
    public void remove(String deviceId) {
        inactive.remove(deviceId);
        Row old = rows.remove(deviceId);
        if (old != null) {
            apply(old, -1);
        }
    }

    private void apply(Row row, int sign) {
        for (int i = 0; i < controls.length; i++) {
            stateCounts[row.states()[i]] += sign;
            byte code = row.codes()[i];
            if (code != NOT_COUNTED) {
                counted[i] += sign;
                if (code == CREDIT) {
                    credit[i] += sign;
                }
            }
            if (row.exceptedFlags()[i]) {
                excepted[i] += sign;
            }
        }
    }

    @Override
    public int size() {
        return rows.size();
    }

    /** @return the row of {@code deviceId}, or {@code null} */
    Row row(String deviceId) {
        return rows.get(deviceId);
    }

    /** @return the position of control {@code id}, or -1 */
    int indexOf(String id) {
        Integer i = index.get(id);
        return i == null ? -1 : i;
    }

    Collection<Row> rows() {
        return rows.values();
    }

    @Override
    public FleetScore score() {
        double totalPoints = 0;
        double totalMax = 0;
        Map<Category, double[]> byCategory = new EnumMap<>(Category.class);
        for (Category c : Category.values()) {
            byCategory.put(c, new double[2]);
        }
        double[] points = new double[controls.length];
        for (int i = 0; i < controls.length; i++) {
            if (counted[i] == 0) {
                continue;
            }
            int w = controls[i].weight();
            points[i] = (double) w * credit[i] / counted[i];
            totalPoints += points[i];
            totalMax += w;
            double[] cat = byCategory.get(controls[i].category());
            cat[0] += points[i];
            cat[1] += w;
        }
        List<ControlScore> scores = new ArrayList<>();
        for (int i = 0; i < controls.length; i++) {
            if (counted[i] == 0) {
                continue;
            }
            int w = controls[i].weight();
            double impact = 100.0 * (w - points[i]) / totalMax;
            scores.add(new ControlScore(controls[i].id(), controls[i].category(), w, counted[i], credit[i], points[i],
                    impact, counted[i] - credit[i], excepted[i]));
        }
        scores.sort(Comparator.comparingDouble(ControlScore::impact).reversed()
                .thenComparing(ControlScore::controlId));
        Map<Category, Points> categories = new EnumMap<>(Category.class);
        byCategory.forEach((c, sums) -> categories.put(c, new Points(sums[0], sums[1])));
        DeviceScore[] devices = new DeviceScore[rows.size()];
        int d = 0;
        for (Row r : rows.values()) {
            devices[d++] = r.score();
        }
        // List.of of an array is immutable, so FleetScore's List.copyOf keeps it instead of copying again.
        return new FleetScore(now, new Points(totalPoints, totalMax), categories, scores, List.of(devices),
                coverage(stateCounts), List.copyOf(inactive.keySet()));
    }

    static Coverage coverage(int[] counts) {
        int pass = counts[ResultState.PASS.ordinal()];
        int fail = counts[ResultState.FAIL.ordinal()];
        int error = counts[ResultState.ERROR.ordinal()];
        int unknown = counts[ResultState.UNKNOWN.ordinal()];
        return new Coverage(pass + fail + error + unknown, pass, fail, error, unknown,
                counts[ResultState.NOT_CHECKED.ordinal()], counts[ResultState.NOT_APPLICABLE.ordinal()],
                counts[ResultState.INFORMATIONAL.ordinal()]);
    }
}
