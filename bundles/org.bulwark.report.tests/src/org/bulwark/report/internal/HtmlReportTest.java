package org.bulwark.report.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.bulwark.report.api.ReportFormat;
import org.junit.jupiter.api.Test;

class HtmlReportTest {

    @Test
    void contentIsEscaped() throws Exception {
        String html = Render.render(Fixtures.assessment(), ReportFormat.HTML);
        assertTrue(html.contains("echo &#39;&lt;script&gt;alert(1)&lt;/script&gt;&#39;"), "script escaped");
        assertFalse(html.contains("<script>alert"));
        assertTrue(html.contains("See &lt;man sshd_config&gt; &amp; the CIS text."));
        assertTrue(html.contains("Set &quot;PermitRootLogin no&quot;"));
        assertEquals(1, count(html, "<script"), "only the report's own filter script");
    }

    @Test
    void fetchesNothingFromTheNetwork() throws Exception {
        for (String html : new String[] { Render.render(Fixtures.assessment(), ReportFormat.HTML),
                Render.render(Fixtures.nothingCounted(), ReportFormat.HTML) }) {
            Matcher external = Pattern.compile("(?i)(src|href|action)\\s*=\\s*[\"']?\\s*(https?:)?//").matcher(html);
            assertFalse(external.find(), () -> "external reference: " + external.group());
            assertFalse(html.contains("@import"));
            assertFalse(html.contains("url("));
            assertFalse(html.toLowerCase().contains("<link"));
            assertTrue(html.contains("Content-Security-Policy\" content=\"default-src 'none';"));
        }
    }

    @Test
    void showsScoreCategoriesCoverageAndRecommendations() throws Exception {
        String html = Render.render(Fixtures.assessment(), ReportFormat.HTML);
        assertTrue(html.contains("<span class=\"big\">29.6</span>"));
        assertTrue(html.contains("<b>8</b> of <b>27</b> points"));
        assertTrue(html.contains("<span>Operating system</span><div class=\"bar\"><span style=\"width:100%\"></span></div>"
                + "<span class=\"num\">100.0</span>"));
        assertTrue(html.contains("<span>Application</span><div class=\"bar\"><span style=\"width:0%\"></span></div>"
                + "<span class=\"num none\" title=\"nothing counted\">—</span>"));
        assertTrue(html.contains("<div class=\"cov\">75.0%</div>"));
        assertTrue(html.contains("collector linux.firewall timed out after 120 s"));
        assertTrue(html.contains("no collector provides linux.mounts./tmp.options"));
        assertTrue(html.indexOf("+37.0") < html.indexOf("+18.5") && html.indexOf("+18.5") < html.indexOf("+14.8"),
                "recommendations by impact");
        assertTrue(html.contains("<code>/etc/ssh/sshd_config:12</code>"), "source file:line");
        assertTrue(html.contains("risk accepted (no credit)"));
    }

    @Test
    void noScoreIsADash() throws Exception {
        String html = Render.render(Fixtures.nothingCounted(), ReportFormat.HTML);
        assertTrue(html.contains("<span class=\"big\">—</span>"));
        assertTrue(html.contains("<div class=\"cov\">—</div>"), "no coverage figure when nothing is counted");
        assertTrue(html.contains("Nothing is counted"));
        assertFalse(html.contains(">100.0<"));
    }

    private static int count(String s, String part) {
        int n = 0;
        for (int i = s.indexOf(part); i >= 0; i = s.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }
}
