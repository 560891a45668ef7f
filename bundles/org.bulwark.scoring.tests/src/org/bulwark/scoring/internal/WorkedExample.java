package org.bulwark.scoring.internal;

import static org.bulwark.scoring.api.ResultState.ERROR;
import static org.bulwark.scoring.api.ResultState.FAIL;
import static org.bulwark.scoring.api.ResultState.NOT_APPLICABLE;
import static org.bulwark.scoring.api.ResultState.PASS;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.bulwark.collector.api.Category;
import org.bulwark.scoring.api.ControlException;
import org.bulwark.scoring.api.ControlRef;
import org.bulwark.scoring.api.Device;
import org.bulwark.scoring.api.DeviceResults;
import org.bulwark.scoring.api.Justification;

/** The worked example of docs/scoring.md: three devices, five controls, two exceptions. */
final class WorkedExample {

    static final Instant NOW = Instant.parse("2026-11-20T12:00:00Z");

    static final List<ControlRef> CONTROLS = List.of(
            new ControlRef("c1", "c1", Category.OPERATING_SYSTEM, 10),
            new ControlRef("c2", "c2", Category.NETWORK, 5),
            new ControlRef("c3", "c3", Category.ACCOUNTS, 3),
            new ControlRef("c4", "c4", Category.SECURITY_CONTROLS, 8),
            new ControlRef("c5", "c5", Category.APPLICATION, 4));

    static final Device D1 = new Device("d1", "d1", "Debian 12", Set.of());
    static final Device D2 = new Device("d2", "d2", "Debian 12", Set.of());
    static final Device D3 = new Device("d3", "d3", "Debian 12", Set.of());

    static final List<DeviceResults> DEVICES = List.of(
            new DeviceResults(D1, NOW, Map.of("c1", PASS, "c2", PASS, "c3", NOT_APPLICABLE, "c4", ERROR, "c5", FAIL)),
            new DeviceResults(D2, NOW, Map.of("c1", FAIL, "c2", PASS, "c3", NOT_APPLICABLE, "c4", FAIL, "c5", PASS)),
            new DeviceResults(D3, NOW,
                    Map.of("c1", PASS, "c2", NOT_APPLICABLE, "c3", NOT_APPLICABLE, "c4", FAIL, "c5", PASS)));

    static final List<ControlException> EXCEPTIONS = List.of(
            new ControlException("e1", "c4", ControlException.Scope.DEVICE, "d2", Justification.ALTERNATE_MITIGATION,
                    "alice", NOW.minusSeconds(86400), NOW.plusSeconds(86400), null),
            new ControlException("e2", "c5", ControlException.Scope.DEVICE, "d1", Justification.RISK_ACCEPTED,
                    "bob", NOW.minusSeconds(86400), null, null));

    private WorkedExample() {
    }
}
