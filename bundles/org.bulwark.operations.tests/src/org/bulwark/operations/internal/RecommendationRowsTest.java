package org.bulwark.operations.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.bulwark.benchmark.api.Benchmark;
import org.bulwark.benchmark.api.Control;
import org.bulwark.benchmark.api.Expectation;
import org.bulwark.benchmark.api.Operator;
import org.bulwark.benchmark.api.Remediation;
import org.bulwark.benchmark.api.RemediationType;
import org.bulwark.collector.api.Category;
import org.bulwark.operations.api.RecommendationRow;
import org.bulwark.scoring.api.ControlException;
import org.bulwark.scoring.api.ControlException.Scope;
import org.bulwark.scoring.api.ControlRef;
import org.bulwark.scoring.api.Device;
import org.bulwark.scoring.api.DeviceResults;
import org.bulwark.scoring.api.FleetScore;
import org.bulwark.scoring.api.Justification;
import org.bulwark.scoring.api.Recommendation.Status;
import org.bulwark.scoring.api.ResultState;
import org.bulwark.scoring.api.ScoringService;
import org.bulwark.testing.Services;
import org.junit.jupiter.api.Test;

/**
 * The one status rule on a fleet of three active devices and one inactive, scored by the real scoring service:
 * c1 fails on d1 and d2 without exception; c2 fails on d1 only, under a risk-accepted exception (no credit); c3
 * fails on d1 (covered by a group exception that credits it) and d2 (not covered); c4 fails on d1 only, under a
 * global crediting exception; c5 passes everywhere. d4, assessed 40 days ago, fails c1.
 */
class RecommendationRowsTest {

    private static final Instant NOW = Instant.parse("2026-11-20T12:00:00Z");
    private static final Instant CREATED = NOW.minus(Duration.ofDays(1));

    private static final List<ControlRef> CONTROLS = List.of(new ControlRef("c1", "Ref c1", Category.OPERATING_SYSTEM, 10),
            new ControlRef("c2", "Ref c2", Category.NETWORK, 5), new ControlRef("c3", "Ref c3", Category.ACCOUNTS, 4),
            new ControlRef("c4", null, Category.SECURITY_CONTROLS, 8),
            new ControlRef("c5", "Ref c5", Category.APPLICATION, 2));

    private static DeviceResults device(String id, Set<String> groups, Instant at, String states) {
        Map<String, ResultState> map = new HashMap<>();
        for (int i = 0; i < states.length(); i++) {
            map.put("c" + (i + 1), switch (states.charAt(i)) {
                case 'P' -> ResultState.PASS;
                case 'F' -> ResultState.FAIL;
                default -> ResultState.NOT_APPLICABLE;
            });
        }
        return new DeviceResults(new Device(id, id, "Debian", groups), at, map);
    }

    private static ControlException exception(String id, String control, Scope scope, String target,
            Justification j) {
        return new ControlException(id, control, scope, target, j, "alice", CREATED, null, null);
    }

    private static Control control(String id, String title, Category category, int weight, RemediationType type) {
        return new Control(id, title, category, weight, "checks " + id, "why", new Expectation.Check("t." + id,
                Operator.PRESENT, null, null), null, new Remediation(type, "fix " + id, null), null);
    }

    @Test
    void everyStatusWithItsExposedDevicesImpactAndTexts() throws Exception {
        List<DeviceResults> devices = List.of(device("d1", Set.of("web"), NOW, "FFFFP"),
                device("d2", Set.of(), NOW, "FPFPP"), device("d3", Set.of(), NOW, "PPPNP"),
                device("d4", Set.of(), NOW.minus(Duration.ofDays(40)), "FPPPP"));
        List<ControlException> exceptions = List.of(
                exception("risk", "c2", Scope.DEVICE, "d1", Justification.RISK_ACCEPTED),
                exception("web", "c3", Scope.GROUP, "web", Justification.ALTERNATE_MITIGATION),
                exception("all", "c4", Scope.GLOBAL, null, Justification.THIRD_PARTY_CONTROL),
                // not active at the score's time: ignored
                new ControlException("later", "c1", Scope.GLOBAL, null, Justification.THIRD_PARTY_CONTROL, "a",
                        NOW.plusSeconds(60), null, null));
        FleetScore score = Services.await(ScoringService.class).score(CONTROLS, devices, exceptions, NOW);
        assertEquals(List.of("d4"), score.inactive());
        List<Benchmark> content = List.of(new Benchmark("b", "B", "1", "b.json", "0", List.of(
                control("c1", "Content c1", Category.OPERATING_SYSTEM, 10, RemediationType.CONFIGURATION_CHANGE),
                control("c2", "Content c2", Category.NETWORK, 5, RemediationType.SOFTWARE_UPDATE))),
                new Benchmark("x", "X", "1", "x.json", "0", List.of(
                        control("c1", "Shadowed c1", Category.OPERATING_SYSTEM, 10, RemediationType.FILE_PERMISSIONS))));

        List<RecommendationRow> rows = new DefaultRecommendationRows().rows(score, devices, exceptions, CONTROLS,
                content);

        double max = 10 + 5 + 4 + 8 + 2;
        List<RecommendationRow> expected = List.of(
                new RecommendationRow("c1", "Content c1", Category.OPERATING_SYSTEM, 10,
                        100.0 * (10 - 10.0 * 1 / 3) / max, List.of("d1", "d2"), 0, Status.ACTIVE,
                        RemediationType.CONFIGURATION_CHANGE, "fix c1", "checks c1"),
                new RecommendationRow("c2", "Content c2", Category.NETWORK, 5, 100.0 * (5 - 5.0 * 2 / 3) / max,
                        List.of("d1"), 1, Status.EXCEPTION, RemediationType.SOFTWARE_UPDATE, "fix c2", "checks c2"),
                new RecommendationRow("c3", "Ref c3", Category.ACCOUNTS, 4, 100.0 * (4 - 4.0 * 2 / 3) / max,
                        List.of("d2"), 1, Status.PARTIAL_EXCEPTION, null, null, null),
                new RecommendationRow("c4", "c4", Category.SECURITY_CONTROLS, 8, 0.0, List.of(), 1,
                        Status.EXCEPTION, null, null, null));
        assertEquals(expected, rows);
        assertEquals(List.of("Configuration change", "Software update", "—", "—"),
                rows.stream().map(RecommendationRow::remediationLabel).toList());
    }

    @Test
    void aFleetWithoutFailuresHasNoRows() throws Exception {
        List<DeviceResults> devices = new ArrayList<>(List.of(device("d1", Set.of(), NOW, "PPPPP")));
        FleetScore score = Services.await(ScoringService.class).score(CONTROLS, devices, List.of(), NOW);
        assertEquals(List.of(), new DefaultRecommendationRows().rows(score, devices, List.of(), CONTROLS, List.of()));
    }
}
