package org.bulwark.report.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.bulwark.collector.api.Category;
import org.bulwark.report.api.ReportedAssessment;
import org.bulwark.scoring.api.ControlRef;
import org.bulwark.scoring.api.ControlScore;
import org.bulwark.scoring.api.DeviceScore;
import org.bulwark.scoring.api.FleetScore;
import org.bulwark.scoring.api.Points;

/** The text of a fleet score recomputed from saved reports, with four decimals so it can be checked by hand. */
final class FleetText {

    private static final int DECIMALS = 4;

    void write(FleetScore s, List<ReportedAssessment> reports, OutputStream out) throws IOException {
        Map<String, ReportedAssessment> devices = new HashMap<>();
        Map<String, ControlRef> controls = new HashMap<>();
        for (ReportedAssessment r : reports) {
            devices.putIfAbsent(r.device().id(), r);
            r.controls().forEach(c -> controls.putIfAbsent(c.id(), c));
        }
        PrintWriter w = new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        int n = s.devices().size();
        w.print("Bulwark fleet score " + score(s.points()) + " (" + points(s.points()) + " points, " + n
                + (n == 1 ? " device" : " devices") + ")\n");
        w.print("computed at " + s.computedAt() + "\n\n");

        w.print("Categories\n");
        for (Category c : Category.values()) {
            Points p = s.categories().getOrDefault(c, new Points(0, 0));
            w.print(String.format(Locale.ROOT, "  %-18s %9s  (%s)", c.label(), score(p), points(p)) + "\n");
        }
        w.print("\nDevices\n");
        for (DeviceScore d : s.devices()) {
            ReportedAssessment r = devices.get(d.deviceId());
            String host = r == null ? "" : r.device().hostname();
            String when = r == null ? "" : "  assessed " + r.assessedAt();
            w.print(String.format(Locale.ROOT, "  %-20s %-20s %9s  (%s)%s", d.deviceId(), host, score(d.points()),
                    points(d.points()), when) + "\n");
        }
        if (!s.inactive().isEmpty()) {
            w.print("  left out, not assessed within the inactivity window: " + String.join(", ", s.inactive())
                    + "\n");
        }
        w.print("\n" + Fmt.coverage(s.coverage()) + "\n");
        if (!s.controls().isEmpty()) {
            w.print("\nControls by impact\n");
            w.print(String.format(Locale.ROOT, "  %9s %9s %4s %8s  %s", "impact", "points", "max", "exposed",
                    "control") + "\n");
            for (ControlScore c : s.controls()) {
                ControlRef ref = controls.get(c.controlId());
                String title = ref == null || ref.title().equals(c.controlId()) ? c.controlId()
                        : c.controlId() + "  " + Fmt.oneLine(ref.title());
                w.print(String.format(Locale.ROOT, "  %9s %9s %4d %8s  %s", fixed(c.impact()), fixed(c.points()),
                        c.weight(), c.exposed() + "/" + c.countedDevices(), title) + "\n");
            }
        }
        w.flush();
    }

    private static String score(Points p) {
        return p.hasScore() ? fixed(p.score()) : Fmt.NO_SCORE;
    }

    private static String points(Points p) {
        return Fmt.number(p.earned(), DECIMALS) + " of " + Fmt.number(p.possible(), DECIMALS);
    }

    private static String fixed(double v) {
        return java.math.BigDecimal.valueOf(v).setScale(DECIMALS, java.math.RoundingMode.HALF_UP).toPlainString();
    }
}
