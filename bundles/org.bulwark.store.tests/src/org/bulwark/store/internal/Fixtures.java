package org.bulwark.store.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.bulwark.benchmark.api.Control;
import org.bulwark.benchmark.api.Expectation;
import org.bulwark.benchmark.api.Operator;
import org.bulwark.benchmark.api.Remediation;
import org.bulwark.benchmark.api.RemediationType;
import org.bulwark.collector.api.Category;
import org.bulwark.collector.api.PlatformFacts;
import org.bulwark.scoring.api.AssessedControl;
import org.bulwark.scoring.api.Assessment;
import org.bulwark.scoring.api.BenchmarkInfo;
import org.bulwark.scoring.api.CollectorRun;
import org.bulwark.scoring.api.ControlException;
import org.bulwark.scoring.api.ControlResult;
import org.bulwark.scoring.api.ControlScore;
import org.bulwark.scoring.api.Coverage;
import org.bulwark.scoring.api.Device;
import org.bulwark.scoring.api.DeviceScore;
import org.bulwark.scoring.api.FleetScore;
import org.bulwark.scoring.api.Points;
import org.bulwark.scoring.api.Recommendation;
import org.bulwark.scoring.api.ResultState;

/**
 * Assessments built by hand and scored by hand with the device formula of docs/scoring.md
 * ({@code Σ w·credit / Σ w} over counted results; a crediting exception active at the assessment's time gives
 * credit). Used in OSGi and by {@link CrashWriter} in a plain JVM, so it needs nothing but the API records.
 */
public final class Fixtures {

    /** One control's result: id, category, weight, state. */
    public record R(String id, Category category, int weight, ResultState state) {
    }

    private Fixtures() {
    }

    public static R r(String id, Category category, int weight, ResultState state) {
        return new R(id, category, weight, state);
    }

    public static Device device(String id) {
        return new Device(id, "host-" + id, "Debian GNU/Linux 12 (bookworm)", Set.of("prod"));
    }

    public static Control control(R r) {
        return new Control(r.id(), "Control " + r.id(), r.category(), r.weight(), "Checks " + r.id() + ".",
                "Because.", new Expectation.Check("t." + r.id(), Operator.EQUALS, List.of("good"), null), null,
                new Remediation(RemediationType.CONFIGURATION_CHANGE, "make it good", null), null);
    }

    public static Assessment assessment(Device device, Instant finished, List<R> results,
            List<ControlException> exceptions) {
        return assessment(device, finished, results, exceptions, "1");
    }

    public static Assessment assessment(Device device, Instant finished, List<R> results,
            List<ControlException> exceptions, String contentVersion) {
        List<AssessedControl> controls = new ArrayList<>();
        List<ControlScore> scores = new ArrayList<>();
        List<Recommendation> recommendations = new ArrayList<>();
        Map<Category, double[]> categories = new EnumMap<>(Category.class);
        int[] counts = new int[ResultState.values().length];
        double earned = 0;
        double possible = 0;
        double totalWeight = 0;
        for (R r : results) {
            totalWeight += r.state().counted() ? r.weight() : 0;
        }
        for (R r : results) {
            Control c = control(r);
            ControlResult result = new ControlResult(r.id(), r.state(),
                    r.state() == ResultState.PASS ? null : "found bad", List.of());
            controls.add(new AssessedControl(c, "test", result));
            counts[r.state().ordinal()]++;
            if (!r.state().counted()) {
                continue;
            }
            ControlException applied = null;
            boolean credit = r.state() == ResultState.PASS;
            if (!credit) {
                for (ControlException e : exceptions) {
                    if (e.controlId().equals(r.id()) && e.activeAt(finished) && e.covers(device)) {
                        if (applied == null || e.justification().givesCredit()) {
                            applied = e;
                        }
                        credit |= e.justification().givesCredit();
                    }
                }
            }
            double w = r.weight();
            earned += credit ? w : 0;
            possible += w;
            double[] cat = categories.computeIfAbsent(r.category(), k -> new double[2]);
            cat[0] += credit ? w : 0;
            cat[1] += w;
            double points = credit ? w : 0;
            scores.add(new ControlScore(r.id(), r.category(), r.weight(), 1, credit ? 1 : 0, points,
                    100 * (w - points) / totalWeight, credit ? 0 : 1, applied != null ? 1 : 0));
            if (!credit || applied != null) {
                recommendations.add(new Recommendation(c, 100 * (w - points) / totalWeight,
                        credit ? List.of() : List.of(device.id()),
                        applied != null ? Recommendation.Status.EXCEPTION : Recommendation.Status.ACTIVE,
                        List.of(new Recommendation.DeviceEvidence(device.id(), result, applied))));
            }
        }
        Map<Category, Points> cats = new EnumMap<>(Category.class);
        for (Category c : Category.values()) {
            double[] v = categories.getOrDefault(c, new double[2]);
            cats.put(c, new Points(v[0], v[1]));
        }
        int pass = counts[ResultState.PASS.ordinal()];
        int fail = counts[ResultState.FAIL.ordinal()];
        int error = counts[ResultState.ERROR.ordinal()];
        int unknown = counts[ResultState.UNKNOWN.ordinal()];
        Coverage coverage = new Coverage(pass + fail + error + unknown, pass, fail, error, unknown,
                counts[ResultState.NOT_CHECKED.ordinal()], counts[ResultState.NOT_APPLICABLE.ordinal()],
                counts[ResultState.INFORMATIONAL.ordinal()]);
        Points points = new Points(earned, possible);
        FleetScore score = new FleetScore(finished, points, cats, scores,
                List.of(new DeviceScore(device.id(), points, coverage)), coverage, List.of());
        PlatformFacts platform = new PlatformFacts("linux", "debian", "12", device.os(), "amd64", device.hostname(),
                device.id());
        return new Assessment(device, platform, "/", true, finished.minusSeconds(5), finished,
                List.of(new BenchmarkInfo("test", "Test content", contentVersion, "test.json", "ab".repeat(32),
                        results.size())),
                List.of(new CollectorRun("test.collector", Category.OPERATING_SYSTEM, "org.bulwark.test 1.0.0",
                        CollectorRun.Outcome.OK, Duration.ofMillis(12), results.size(), null)),
                controls, score, recommendations, exceptions, List.of());
    }
}
