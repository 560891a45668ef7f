package org.bulwark.report.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.bulwark.collector.api.Category;
import org.bulwark.report.api.ReportedAssessment;
import org.bulwark.scoring.api.ControlRef;
import org.bulwark.scoring.api.ControlScore;
import org.bulwark.scoring.api.Coverage;
import org.bulwark.scoring.api.Device;
import org.bulwark.scoring.api.DeviceScore;
import org.bulwark.scoring.api.FleetScore;
import org.bulwark.scoring.api.Points;
import org.bulwark.scoring.api.ResultState;
import org.junit.jupiter.api.Test;

/** The worked example of docs/scoring.md (three devices, five controls), scored by hand, printed as text. */
class FleetTextTest {

    private static final Instant NOW = Instant.parse("2026-11-27T12:00:00Z");
    private static final List<ControlRef> CONTROLS = List.of(
            new ControlRef("c1", "Control one", Category.OPERATING_SYSTEM, 10),
            new ControlRef("c2", "Control two", Category.NETWORK, 5),
            new ControlRef("c3", "Control three", Category.ACCOUNTS, 3),
            new ControlRef("c4", "Control four", Category.SECURITY_CONTROLS, 8),
            new ControlRef("c5", "Control five", Category.APPLICATION, 4));

    private static ReportedAssessment report(String id, ResultState... states) {
        return new ReportedAssessment(new Device(id, "host-" + id, "Linux", Set.of()), NOW.minusSeconds(3600),
                CONTROLS, Map.of("c1", states[0], "c2", states[1], "c3", states[2], "c4", states[3], "c5", states[4]),
                List.of());
    }

    @Test
    void workedExampleExactly() throws Exception {
        double sum = 27;
        FleetScore score = new FleetScore(NOW, new Points(17, 27),
                Map.of(Category.OPERATING_SYSTEM, new Points(20.0 / 3, 10), Category.NETWORK, new Points(5, 5),
                        Category.SECURITY_CONTROLS, new Points(8.0 / 3, 8), Category.APPLICATION,
                        new Points(8.0 / 3, 4), Category.ACCOUNTS, new Points(0, 0)),
                List.of(new ControlScore("c4", Category.SECURITY_CONTROLS, 8, 3, 1, 8.0 / 3, 100 * (8 - 8.0 / 3) / sum,
                        2, 1),
                        new ControlScore("c1", Category.OPERATING_SYSTEM, 10, 3, 2, 20.0 / 3,
                                100 * (10 - 20.0 / 3) / sum, 1, 0),
                        new ControlScore("c5", Category.APPLICATION, 4, 3, 2, 8.0 / 3, 100 * (4 - 8.0 / 3) / sum,
                                1, 1),
                        new ControlScore("c2", Category.NETWORK, 5, 2, 2, 5, 0, 0, 0)),
                List.of(new DeviceScore("d1", new Points(15, 27), new Coverage(4, 2, 1, 1, 0, 0, 1, 0)),
                        new DeviceScore("d2", new Points(17, 27), new Coverage(4, 2, 2, 0, 0, 0, 1, 0)),
                        new DeviceScore("d3", new Points(14, 22), new Coverage(3, 2, 1, 0, 0, 0, 2, 0))),
                new Coverage(11, 6, 4, 1, 0, 0, 4, 0), List.of());
        ResultState P = ResultState.PASS, F = ResultState.FAIL, NA = ResultState.NOT_APPLICABLE, E = ResultState.ERROR;
        List<ReportedAssessment> reports = List.of(report("d1", P, P, NA, E, F), report("d2", F, P, NA, F, P),
                report("d3", P, NA, NA, F, P));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new ReportService().writeFleet(score, reports, out);
        String expected = """
                Bulwark fleet score 62.9630 (17 of 27 points, 3 devices)
                computed at 2026-11-27T12:00:00Z

                Categories
                  Application          66.6667  (2.6667 of 4)
                  Operating system     66.6667  (6.6667 of 10)
                  Network             100.0000  (5 of 5)
                  Accounts                   —  (0 of 0)
                  Security controls    33.3333  (2.6667 of 8)

                Devices
                  d1                   host-d1                55.5556  (15 of 27)  assessed 2026-11-27T11:00:00Z
                  d2                   host-d2                62.9630  (17 of 27)  assessed 2026-11-27T11:00:00Z
                  d3                   host-d3                63.6364  (14 of 22)  assessed 2026-11-27T11:00:00Z

                coverage 90.9% — 1 error

                Controls by impact
                     impact    points  max  exposed  control
                    19.7531    2.6667    8      2/3  c4  Control four
                    12.3457    6.6667   10      1/3  c1  Control one
                     4.9383    2.6667    4      1/3  c5  Control five
                     0.0000    5.0000    5      0/2  c2  Control two
                """;
        assertEquals(expected, out.toString(StandardCharsets.UTF_8));
    }
}
