package org.bulwark.scoring.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.bulwark.collector.api.Category;
import org.bulwark.scoring.api.ControlException;
import org.bulwark.scoring.api.ControlScore;
import org.bulwark.scoring.api.Device;
import org.bulwark.scoring.api.DeviceResults;
import org.bulwark.scoring.api.Fleet;
import org.bulwark.scoring.api.FleetScore;
import org.bulwark.scoring.api.Justification;
import org.bulwark.scoring.api.ResultState;
import org.bulwark.scoring.api.ScoringService;
import org.junit.jupiter.api.Test;

/** The Secure score: the worked example of docs/scoring.md to 1e-9, and its invariants. */
class SecureScoreTest {

    private static final double EPS = 1e-9;
    private final ScoringService scoring = new DefaultScoringService();

    private FleetScore example() {
        return scoring.score(WorkedExample.CONTROLS, WorkedExample.DEVICES, WorkedExample.EXCEPTIONS,
                WorkedExample.NOW);
    }

    @Test
    void fleetScore() {
        FleetScore s = example();
        assertEquals(17.0, s.points().earned(), EPS);
        assertEquals(27.0, s.points().possible(), EPS);
        assertEquals(100.0 * 17 / 27, s.score(), EPS);
        assertEquals(62.962962963, s.score(), 1e-9);
    }

    @Test
    void controlPointsAndImpacts() {
        FleetScore s = example();
        assertEquals(20.0 / 3, s.control("c1").points(), EPS);
        assertEquals(5.0, s.control("c2").points(), EPS);
        assertNull(s.control("c3"), "c3 is counted nowhere and drops out");
        assertEquals(8.0 / 3, s.control("c4").points(), EPS);
        assertEquals(8.0 / 3, s.control("c5").points(), EPS);

        assertEquals(100.0 * (10 - 20.0 / 3) / 27, s.control("c1").impact(), EPS);
        assertEquals(12.345679012, s.control("c1").impact(), 1e-9);
        assertEquals(0.0, s.control("c2").impact(), EPS);
        assertEquals(19.753086420, s.control("c4").impact(), 1e-9);
        assertEquals(4.938271605, s.control("c5").impact(), 1e-9);

        double sum = s.controls().stream().mapToDouble(ControlScore::impact).sum();
        assertEquals(100 - s.score(), sum, EPS);
        assertEquals(List.of("c4", "c1", "c5", "c2"), s.controls().stream().map(ControlScore::controlId).toList());
    }

    @Test
    void exposedAndExceptedDevices() {
        FleetScore s = example();
        ControlScore c4 = s.control("c4");
        assertEquals(3, c4.countedDevices());
        assertEquals(1.0, c4.credit(), EPS);
        assertEquals(2, c4.exposed(), "d1 (ERROR) and d3 (FAIL); d2 is credited by its exception");
        assertEquals(1, c4.excepted());
        ControlScore c5 = s.control("c5");
        assertEquals(1, c5.exposed(), "RISK_ACCEPTED gives no credit");
        assertEquals(1, c5.excepted());
    }

    @Test
    void categories() {
        FleetScore s = example();
        assertEquals(100.0 * (20.0 / 3) / 10, s.categories().get(Category.OPERATING_SYSTEM).score(), EPS);
        assertEquals(66.666666667, s.categories().get(Category.OPERATING_SYSTEM).score(), 1e-9);
        assertEquals(100.0, s.categories().get(Category.NETWORK).score(), EPS);
        assertEquals(33.333333333, s.categories().get(Category.SECURITY_CONTROLS).score(), 1e-9);
        assertEquals(66.666666667, s.categories().get(Category.APPLICATION).score(), 1e-9);
        assertFalse(s.categories().get(Category.ACCOUNTS).hasScore());
        assertTrue(Double.isNaN(s.categories().get(Category.ACCOUNTS).score()));
    }

    @Test
    void devices() {
        FleetScore s = example();
        assertEquals(15.0, s.device("d1").points().earned(), EPS);
        assertEquals(27.0, s.device("d1").points().possible(), EPS);
        assertEquals(55.555555556, s.device("d1").points().score(), 1e-9);
        assertEquals(62.962962963, s.device("d2").points().score(), 1e-9);
        assertEquals(14.0, s.device("d3").points().earned(), EPS);
        assertEquals(22.0, s.device("d3").points().possible(), EPS);
        assertEquals(63.636363636, s.device("d3").points().score(), 1e-9);
        double mean = s.devices().stream().mapToDouble(d -> d.points().score()).average().orElseThrow();
        assertEquals(60.718, mean, 1e-3);
        assertTrue(Math.abs(mean - s.score()) > 2, "the fleet score is not the mean of device scores");
    }

    @Test
    void coverage() {
        FleetScore s = example();
        assertEquals(11, s.coverage().counted());
        assertEquals(6, s.coverage().passed());
        assertEquals(4, s.coverage().failed());
        assertEquals(1, s.coverage().errors());
        assertEquals(4, s.coverage().notApplicable());
        assertEquals(10.0 / 11, s.coverage().ratio(), EPS);
    }

    @Test
    void expiredExceptionHasNoEffect() {
        ControlException expired = new ControlException("e1", "c4", ControlException.Scope.DEVICE, "d2",
                Justification.ALTERNATE_MITIGATION, "alice", WorkedExample.NOW.minusSeconds(7200),
                WorkedExample.NOW.minusSeconds(1), null);
        FleetScore s = scoring.score(WorkedExample.CONTROLS, WorkedExample.DEVICES, List.of(expired),
                WorkedExample.NOW);
        assertEquals(0.0, s.control("c4").points(), EPS);
        assertEquals(100.0 * (20.0 / 3 + 5 + 0 + 8.0 / 3) / 27, s.score(), EPS);
    }

    @Test
    void globalAndGroupExceptions() {
        Device g1 = new Device("g1", "g1", "", Set.of("servers"));
        Device g2 = new Device("g2", "g2", "", Set.of("laptops"));
        List<DeviceResults> devices = List.of(
                new DeviceResults(g1, WorkedExample.NOW, Map.of("c1", ResultState.FAIL)),
                new DeviceResults(g2, WorkedExample.NOW, Map.of("c1", ResultState.FAIL)));
        ControlException group = new ControlException("x", "c1", ControlException.Scope.GROUP, "servers",
                Justification.THIRD_PARTY_CONTROL, "a", WorkedExample.NOW.minusSeconds(1), null, null);
        assertEquals(50.0, scoring.score(WorkedExample.CONTROLS, devices, List.of(group), WorkedExample.NOW).score(),
                EPS);
        ControlException global = new ControlException("y", "c1", ControlException.Scope.GLOBAL, null,
                Justification.THIRD_PARTY_CONTROL, "a", WorkedExample.NOW.minusSeconds(1), null, null);
        assertEquals(100.0, scoring.score(WorkedExample.CONTROLS, devices, List.of(global), WorkedExample.NOW)
                .score(), EPS);
    }

    @Test
    void deviceWithNothingCountedHasNoScore() {
        FleetScore s = scoring.score(WorkedExample.CONTROLS, List.of(new DeviceResults(WorkedExample.D1,
                WorkedExample.NOW, Map.of("c1", ResultState.NOT_CHECKED, "c2", ResultState.NOT_APPLICABLE))),
                List.of(), WorkedExample.NOW);
        assertFalse(s.points().hasScore());
        assertTrue(Double.isNaN(s.score()));
        assertTrue(Double.isNaN(s.device("d1").points().score()));
        assertTrue(s.controls().isEmpty());
    }

    @Test
    void singleDeviceFleetEqualsDeviceScore() {
        FleetScore s = scoring.score(WorkedExample.CONTROLS, List.of(WorkedExample.DEVICES.get(2)),
                WorkedExample.EXCEPTIONS, WorkedExample.NOW);
        assertEquals(s.device("d3").points().score(), s.score(), EPS);
        assertEquals(63.636363636, s.score(), 1e-9);
    }

    @Test
    void errorAndUnknownNeverRaiseAScore() {
        for (ResultState broken : List.of(ResultState.ERROR, ResultState.UNKNOWN)) {
            FleetScore s = scoring.score(WorkedExample.CONTROLS, List.of(new DeviceResults(WorkedExample.D1,
                    WorkedExample.NOW, Map.of("c1", ResultState.PASS, "c2", broken))), List.of(), WorkedExample.NOW);
            assertEquals(100.0 * 10 / 15, s.score(), EPS, broken + " counts with credit 0");
        }
        FleetScore notChecked = scoring.score(WorkedExample.CONTROLS, List.of(new DeviceResults(WorkedExample.D1,
                WorkedExample.NOW, Map.of("c1", ResultState.FAIL, "c2", ResultState.NOT_CHECKED))), List.of(),
                WorkedExample.NOW);
        assertEquals(0.0, notChecked.score(), EPS);
    }

    @Test
    void inactiveDevicesLeaveTheFleet() {
        DeviceResults old = new DeviceResults(new Device("old", "old", "", Set.of()),
                WorkedExample.NOW.minus(Duration.ofDays(31)), Map.of("c1", ResultState.FAIL));
        DeviceResults fresh = new DeviceResults(WorkedExample.D1, WorkedExample.NOW.minus(Duration.ofDays(29)),
                Map.of("c1", ResultState.PASS));
        FleetScore s = scoring.score(WorkedExample.CONTROLS, List.of(old, fresh), List.of(), WorkedExample.NOW);
        assertEquals(100.0, s.score(), EPS);
        assertEquals(List.of("old"), s.inactive());
        assertEquals(1, s.devices().size());
    }

    @Test
    void incrementalUpdatesEqualAFullRecompute() {
        Fleet fleet = scoring.newFleet(WorkedExample.CONTROLS, WorkedExample.EXCEPTIONS, WorkedExample.NOW);
        WorkedExample.DEVICES.forEach(fleet::put);
        assertEquals(example().score(), fleet.score().score(), EPS);

        DeviceResults fixed = new DeviceResults(WorkedExample.D2, WorkedExample.NOW, Map.of("c1", ResultState.PASS,
                "c2", ResultState.PASS, "c3", ResultState.NOT_APPLICABLE, "c4", ResultState.FAIL, "c5", ResultState.PASS));
        fleet.put(fixed);
        List<DeviceResults> after = List.of(WorkedExample.DEVICES.get(0), fixed, WorkedExample.DEVICES.get(2));
        FleetScore full = scoring.score(WorkedExample.CONTROLS, after, WorkedExample.EXCEPTIONS, WorkedExample.NOW);
        assertEquals(full.score(), fleet.score().score(), EPS);
        assertEquals(100.0 * (10 + 5 + 8.0 / 3 + 8.0 / 3) / 27, full.score(), EPS);
        assertEquals(3, fleet.size());

        fleet.remove("d3");
        FleetScore two = scoring.score(WorkedExample.CONTROLS, after.subList(0, 2), WorkedExample.EXCEPTIONS,
                WorkedExample.NOW);
        assertEquals(two.score(), fleet.score().score(), EPS);
        assertEquals(two.coverage(), fleet.score().coverage());
        assertEquals(2, fleet.size());
    }
}
