package org.bulwark.benchmarks;

import java.util.List;
import java.util.concurrent.TimeUnit;

import org.bulwark.scoring.api.DeviceResults;
import org.bulwark.scoring.api.Fleet;
import org.bulwark.scoring.api.FleetScore;
import org.bulwark.scoring.api.ResultState;
import org.bulwark.scoring.api.ScoringService;
import org.bulwark.scoring.internal.DefaultScoringService;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The Secure score of a synthetic fleet (by default 10,000 devices × 300 controls = 3 million results),
 * computed by the real {@link ScoringService} outside OSGi.
 *
 * <ul>
 * <li>{@link #fullScore}: {@link ScoringService#score} from scratch: fleet, category and device scores, every
 * control's points and impact, coverage (everything a {@link FleetScore} holds).</li>
 * <li>{@link #putOneDeviceAndScore}: on a {@link Fleet} already holding every device, one device reports again
 * with one result changed ({@link Fleet#put}) and the score is read ({@link Fleet#score}).</li>
 * <li>{@link #putOneDeviceOnly} and {@link #fleetScoreOnly}: {@link Fleet#put} alone and {@link Fleet#score}
 * alone on the same fleet, to split the figure above.</li>
 * <li>{@link #baselineSumStates}: the floor: a plain loop adding up the 3 million state ordinals held as one
 * {@code byte[]} per device, i.e. touching every result once. Ratios are reported against it.</li>
 * <li>{@link #baselineMapLookups}: the floor of any implementation behind this API: reading every result once
 * from the {@code Map<String, ResultState>} per device that {@link DeviceResults} carries.</li>
 * </ul>
 */
@BenchmarkMode(Mode.AverageTime)
@Fork(value = 1, jvmArgsAppend = { "-Xms2g", "-Xmx2g" })
@Warmup(iterations = 6, time = 1)
@Measurement(iterations = 8, time = 1)
public class ScoringBenchmark {

    /*
     * The benchmarks on the incremental fleet warm up longer: on a loaded 2-core machine C2 needs about 10 s to
     * finish compiling put + score (6 s of warm-up left iterations at 200-900 us that settle at ~145 us).
     */

    /** The fleet and the service, shared by all benchmarks of a trial. */
    @State(Scope.Benchmark)
    public static class Data {
        @Param("10000")
        public int devices;
        @Param("300")
        public int controls;
        @Param("20261120")
        public long seed;

        public SyntheticFleet fleet;
        public ScoringService service;

        @Setup(Level.Trial)
        public void setUp() {
            fleet = new SyntheticFleet(seed, devices, controls);
            service = new DefaultScoringService();
            FleetScore score = service.score(fleet.controls, fleet.devices, fleet.exceptions, SyntheticFleet.NOW);
            if (score.devices().size() != devices || score.coverage().counted() + score.coverage().notApplicable()
                    + score.coverage().notChecked() + score.coverage().informational() != devices * controls) {
                throw new IllegalStateException("the synthetic fleet is not scored whole: " + score.coverage());
            }
            System.out.printf("%n# fleet: %,d devices x %d controls = %,d results %s; %d exceptions; score %.4f%n",
                    devices, controls, (long) devices * controls, fleet.mix(), fleet.exceptions.size(), score.score());
        }
    }

    /** A fleet holding every device, and the re-assessments fed to it one by one. */
    @State(Scope.Thread)
    public static class Incremental {
        /** How many devices take turns reporting; each reports a change, then its original results again. */
        private static final int REPORTERS = 64;

        public Fleet fleet;
        private DeviceResults[] updates;
        private int next;

        @Setup(Level.Trial)
        public void setUp(Data data) {
            fleet = data.service.newFleet(data.fleet.controls, data.fleet.exceptions, SyntheticFleet.NOW);
            data.fleet.devices.forEach(fleet::put);
            List<DeviceResults> all = data.fleet.devices;
            updates = new DeviceResults[2 * REPORTERS];
            for (int k = 0; k < REPORTERS; k++) {
                int device = (int) ((long) k * all.size() / REPORTERS);
                DeviceResults original = all.get(device);
                updates[k] = data.fleet.changed(original, (k * 37) % data.controls);
                updates[REPORTERS + k] = original;
            }
        }

        DeviceResults nextUpdate() {
            DeviceResults u = updates[next];
            next = next + 1 == updates.length ? 0 : next + 1;
            return u;
        }

        /** The incremental score must stay equal to a full recompute of the same devices. */
        @TearDown(Level.Trial)
        public void check(Data data) {
            while (next != 0) { // put back every original so that the fleet again equals data.fleet.devices
                fleet.put(nextUpdate());
            }
            double full = data.service.score(data.fleet.controls, data.fleet.devices, data.fleet.exceptions,
                    SyntheticFleet.NOW).score();
            double incremental = fleet.score().score();
            if (fleet.size() != data.devices || Math.abs(full - incremental) > 1e-9) {
                throw new IllegalStateException("incremental score " + incremental + " != full score " + full);
            }
        }
    }

    @Benchmark
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public FleetScore fullScore(Data data) {
        return data.service.score(data.fleet.controls, data.fleet.devices, data.fleet.exceptions, SyntheticFleet.NOW);
    }

    @Benchmark
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    @Warmup(iterations = 15, time = 1)
    public FleetScore putOneDeviceAndScore(Incremental state) {
        state.fleet.put(state.nextUpdate());
        return state.fleet.score();
    }

    @Benchmark
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    @Warmup(iterations = 15, time = 1)
    public Fleet putOneDeviceOnly(Incremental state) {
        state.fleet.put(state.nextUpdate());
        return state.fleet;
    }

    @Benchmark
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    @Warmup(iterations = 15, time = 1)
    public FleetScore fleetScoreOnly(Incremental state) {
        return state.fleet.score();
    }

    @Benchmark
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public long baselineSumStates(Data data) {
        long sum = 0;
        for (byte[] row : data.fleet.stateRows) {
            for (byte state : row) {
                sum += state;
            }
        }
        return sum;
    }

    @Benchmark
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public long baselineMapLookups(Data data) {
        long sum = 0;
        String[] ids = data.fleet.controls.stream().map(c -> c.id()).toArray(String[]::new);
        for (DeviceResults d : data.fleet.devices) {
            var states = d.states();
            for (String id : ids) {
                sum += states.getOrDefault(id, ResultState.NOT_CHECKED).ordinal();
            }
        }
        return sum;
    }
}
