package org.bulwark.benchmarks;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.bulwark.collector.api.Category;
import org.bulwark.scoring.api.ControlException;
import org.bulwark.scoring.api.ControlRef;
import org.bulwark.scoring.api.Device;
import org.bulwark.scoring.api.DeviceResults;
import org.bulwark.scoring.api.Justification;
import org.bulwark.scoring.api.ResultState;

/**
 * A deterministic synthetic fleet (fixed seed): {@code devices × controls} results with a realistic mix of
 * states, five categories, weights 1–10 and a few exceptions.
 *
 * <p>Mix: every control has its own pass rate (50–99 %); one control in five is conditional and does not apply
 * on 10–60 % of devices (NOT_APPLICABLE); on top of that about 1 % of results are ERROR, 0.5 % UNKNOWN and 1.5 %
 * NOT_CHECKED (half of those written explicitly, half by leaving the control out of the device's map, which the
 * API also reads as NOT_CHECKED). All devices were assessed within the inactivity window, so every one of the
 * {@code devices × controls} results enters the score.
 *
 * <p>Besides the {@link DeviceResults} (what the scoring service takes) it keeps the same states as one
 * {@code byte[]} of ordinals per device ({@link #stateRows}), the layout a baseline loop reads.
 */
public final class SyntheticFleet {

    /** The time scores are computed at. */
    public static final Instant NOW = Instant.parse("2026-11-20T12:00:00Z");

    private static final String[] GROUPS = { "servers", "laptops", "kiosks", "build-agents" };

    public final List<ControlRef> controls;
    public final List<DeviceResults> devices;
    public final List<ControlException> exceptions;
    /** Per device, per control (in {@link #controls} order): the state's ordinal. */
    public final byte[][] stateRows;
    /** How many results of each state, by ordinal (NOT_CHECKED includes the omitted ones). */
    public final int[] stateCounts = new int[ResultState.values().length];

    private final double[] passRate;
    private final double[] notApplicableRate;

    /** Generates the fleet; the same arguments always give the same fleet. */
    public SyntheticFleet(long seed, int deviceCount, int controlCount) {
        Random random = new Random(seed);
        Category[] categories = Category.values();
        List<ControlRef> cs = new ArrayList<>(controlCount);
        passRate = new double[controlCount];
        notApplicableRate = new double[controlCount];
        for (int c = 0; c < controlCount; c++) {
            Category category = categories[c % categories.length];
            int weight = 1 + random.nextInt(10);
            cs.add(new ControlRef(String.format("bw-%s-%03d", category.name().toLowerCase(java.util.Locale.ROOT), c),
                    "Synthetic control " + c, category, weight));
            passRate[c] = 0.50 + 0.49 * random.nextDouble();
            notApplicableRate[c] = random.nextInt(5) == 0 ? 0.10 + 0.50 * random.nextDouble() : 0.0;
        }
        this.controls = List.copyOf(cs);

        List<DeviceResults> ds = new ArrayList<>(deviceCount);
        stateRows = new byte[deviceCount][];
        for (int d = 0; d < deviceCount; d++) {
            String id = String.format("dev-%05d", d);
            Device device = new Device(id, "host-" + d + ".example.org", d % 7 == 0 ? "Ubuntu 24.04" : "Debian 12",
                    Set.of(GROUPS[random.nextInt(GROUPS.length)]));
            Instant assessedAt = NOW.minusSeconds(random.nextInt(20 * 24 * 3600));
            byte[] row = new byte[controlCount];
            Map<String, ResultState> states = new HashMap<>(2 * controlCount);
            for (int c = 0; c < controlCount; c++) {
                ResultState state = draw(random, c);
                row[c] = (byte) state.ordinal();
                stateCounts[state.ordinal()]++;
                // Half of the NOT_CHECKED results are left out of the map: the API reads both the same way.
                if (state != ResultState.NOT_CHECKED || random.nextBoolean()) {
                    states.put(controls.get(c).id(), state);
                }
            }
            stateRows[d] = row;
            ds.add(new DeviceResults(device, assessedAt, states));
        }
        this.devices = List.copyOf(ds);
        this.exceptions = List.copyOf(exceptions());
    }

    private ResultState draw(Random random, int c) {
        if (notApplicableRate[c] > 0 && random.nextDouble() < notApplicableRate[c]) {
            return ResultState.NOT_APPLICABLE;
        }
        double r = random.nextDouble();
        if (r < 0.010) {
            return ResultState.ERROR;
        }
        if (r < 0.015) {
            return ResultState.UNKNOWN;
        }
        if (r < 0.030) {
            return ResultState.NOT_CHECKED;
        }
        return random.nextDouble() < passRate[c] ? ResultState.PASS : ResultState.FAIL;
    }

    /** A few exceptions of every scope and justification, one of them expired. */
    private List<ControlException> exceptions() {
        Instant created = NOW.minus(Duration.ofDays(60));
        Instant future = NOW.plus(Duration.ofDays(90));
        List<ControlException> es = new ArrayList<>();
        es.add(new ControlException("ex-1", controls.get(3).id(), ControlException.Scope.DEVICE, "dev-00042",
                Justification.ALTERNATE_MITIGATION, "alice", created, future, "compensating firewall rule"));
        es.add(new ControlException("ex-2", controls.get(17).id(), ControlException.Scope.DEVICE, "dev-01234",
                Justification.RISK_ACCEPTED, "bob", created, null, null));
        es.add(new ControlException("ex-3", controls.get(58).id(), ControlException.Scope.GROUP, "kiosks",
                Justification.THIRD_PARTY_CONTROL, "carol", created, future, "vendor EDR"));
        es.add(new ControlException("ex-4", controls.get(99).id(), ControlException.Scope.GROUP, "build-agents",
                Justification.PLANNED_REMEDIATION, "dave", created, future, "ticket OPS-17"));
        es.add(new ControlException("ex-5", controls.get(150).id(), ControlException.Scope.GLOBAL, null,
                Justification.ALTERNATE_MITIGATION, "erin", created, null, "network-level control"));
        es.add(new ControlException("ex-6", controls.get(201).id(), ControlException.Scope.GROUP, "servers",
                Justification.THIRD_PARTY_CONTROL, "frank", created, NOW.minus(Duration.ofDays(1)), "expired"));
        return es;
    }

    /**
     * @return {@code original} re-assessed a minute later with one result changed (the control at
     *         {@code control} flips between PASS and FAIL, or becomes PASS)
     */
    public DeviceResults changed(DeviceResults original, int control) {
        Map<String, ResultState> states = new HashMap<>(original.states());
        String id = controls.get(control).id();
        ResultState before = states.getOrDefault(id, ResultState.NOT_CHECKED);
        states.put(id, before == ResultState.PASS ? ResultState.FAIL : ResultState.PASS);
        return new DeviceResults(original.device(), original.assessedAt().plusSeconds(60), states);
    }

    /** @return counts per state, for people */
    public Map<ResultState, Integer> mix() {
        Map<ResultState, Integer> mix = new EnumMap<>(ResultState.class);
        for (ResultState s : ResultState.values()) {
            mix.put(s, stateCounts[s.ordinal()]);
        }
        return mix;
    }
}
