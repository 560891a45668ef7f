package org.bulwark.report.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.bulwark.report.api.ReportFormat;
import org.junit.jupiter.api.Test;

class TextReportTest {

    @Test
    void longValueListsAreCutInOneLineSummaries() {
        org.bulwark.scoring.api.Evidence e = new org.bulwark.scoring.api.Evidence("linux.apt.security-updates",
                "absent", org.bulwark.collector.api.ObservationState.PRESENT,
                java.util.List.of("a", "b", "c", "d", "e", "f", "g"), null, null, null);
        assertEquals("linux.apt.security-updates: expected absent, found \"a\", \"b\", \"c\", \"d\", \"e\" and 2 more",
                Fmt.evidenceLine(e));
        assertEquals("\"a\", \"b\", \"c\", \"d\", \"e\", \"f\", \"g\"", Fmt.actual(e));
    }

    @Test
    void summaryExactly() throws Exception {
        String expected = """
                Bulwark secure score 29.6 (8 of 27 points)
                web-01 · Debian GNU/Linux 12 (bookworm) · 2026-11-27T08:00:05.250Z

                  Application             —
                  Operating system    100.0
                  Network               0.0
                  Accounts              0.0
                  Security controls     0.0

                coverage 75.0% — 1 error, 1 not checked

                Top recommendations (3 of 3)
                  impact  weight  title
                    37.0      10  SSH root login is disabled
                                  linux.sshd.permitrootlogin: expected equals "no", found "yes" at /etc/ssh/sshd_config:12
                    18.5       5  A host firewall filters incoming traffic
                                  linux.firewall.policy: expected equals "drop", found nothing reported (collector linux.firewall timed out after 120 s)
                    14.8       4  Malware protection is active  [exception]
                                  linux.clamav.running: expected present, found absent (inactive) at command output systemctl is-active clamav-daemon

                Full report: reports/web-01.html
                """;
        assertEquals(expected, Render.render(Fixtures.assessment(), ReportFormat.TEXT, "reports/web-01.html"));
    }

    @Test
    void noScoreIsADashNeverAHundred() throws Exception {
        String expected = """
                Bulwark secure score — (nothing counted)
                empty-01 · Linux · 2026-11-27T08:00:05.250Z

                  Application             —
                  Operating system        —
                  Network                 —
                  Accounts                —
                  Security controls       —

                coverage: nothing counted — 1 not checked
                """;
        assertEquals(expected, Render.render(Fixtures.nothingCounted(), ReportFormat.TEXT));
    }

    @Test
    void scoresHaveOneDecimal() {
        assertEquals("63.0", Fmt.score(62.96296296296296));
        assertEquals("0.0", Fmt.score(0.0));
        assertEquals("100.0", Fmt.score(100.0));
        assertEquals("—", Fmt.score(Double.NaN));
        assertEquals("17", Fmt.number(17.0, 2));
        assertEquals("6.67", Fmt.number(6.666666666666667, 2));
        assertEquals("0", Fmt.number(0.0, 4));
    }
}
