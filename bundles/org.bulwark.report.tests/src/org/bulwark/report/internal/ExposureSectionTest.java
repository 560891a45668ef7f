package org.bulwark.report.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.bulwark.report.api.ReportFormat;
import org.bulwark.report.api.ReportedExposure;
import org.bulwark.scoring.api.Assessment;
import org.bulwark.vulnerability.api.ExposureBand;
import org.bulwark.vulnerability.api.Finding;
import org.bulwark.vulnerability.api.FindingState;
import org.bulwark.vulnerability.api.RemediationType;
import org.bulwark.vulnerability.api.Severity;
import org.bulwark.vulnerability.api.SoftwareRecommendation;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The exposure next to the secure score: text, HTML and JSON, and its absence where none was computed. */
class ExposureSectionTest {

    static ReportedExposure exposure(boolean stale) {
        Finding openssl = new Finding("CVE-2024-0001", List.of("DSA-5800-1"), "openssl",
                List.of("libssl3:amd64", "openssl:amd64"), "3.0.14-1~deb12u2", Optional.of("3.0.15-1~deb12u1"),
                Optional.of("3.0.15-1~deb12u1"), FindingState.VULNERABLE, Severity.HIGH, "high", 0.8);
        Finding curl = new Finding("CVE-2024-<script>", List.of(), "curl", List.of("curl:amd64"), "7.88.1-10",
                Optional.empty(), Optional.empty(), FindingState.UNFIXED, Severity.LOW, "low", 0.125);
        SoftwareRecommendation update = new SoftwareRecommendation("openssl", RemediationType.UPDATE,
                Optional.of("3.0.15-1~deb12u1"), List.of("libssl3:amd64", "openssl:amd64"), List.of("CVE-2024-0001"),
                1, 12.25, 0);
        SoftwareRecommendation nofix = new SoftwareRecommendation("curl", RemediationType.UPDATE, Optional.empty(),
                List.of("curl:amd64"), List.of("CVE-2024-<script>"), 1, 2.0, 0);
        return new ReportedExposure(Optional.of(42.25), Optional.of(ExposureBand.MEDIUM), stale,
                "debian 12 (bookworm)", "", List.of(new ReportedExposure.Feed("DEBIAN_TRACKER", "2026-11-26",
                        Instant.parse("2026-11-26T06:00:00Z"), stale)), List.of(openssl, curl),
                List.of(update, nofix));
    }

    static ReportedExposure unmatched() {
        return new ReportedExposure(Optional.empty(), Optional.empty(), true, "", "no advisory feed is imported "
                + "(the Debian Security Tracker JSON or OSV)", List.of(), List.of(), List.of());
    }

    static String render(Assessment a, ReportFormat f, ReportedExposure e) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new ReportService().write(a, f, out, null, e);
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void textShowsTheScoreTheTopWeaknessesAndTheUpdates() throws Exception {
        String text = render(Fixtures.assessment(), ReportFormat.TEXT, exposure(false));
        String expected = """
                Exposure score 42.3 (medium) · 2 weaknesses in 2 packages · debian 12 (bookworm)

                Top weaknesses (2 of 2)
                   risk  severity    id                  package
                  0.800  HIGH        CVE-2024-0001       openssl · fixed in 3.0.15-1~deb12u1
                  0.125  LOW         CVE-2024-<script>   curl · no fix available

                Top software updates (2 of 2; they lower exposure, not the secure score)
                  impact  weaknesses  recommendation
                    12.3           1  Update openssl to version 3.0.15-1~deb12u1
                     2.0           1  Update curl (no fix available)

                Top recommendations""";
        assertTrue(text.contains(expected), text);
        String without = Render.render(Fixtures.assessment(), ReportFormat.TEXT);
        assertEquals(without.replaceFirst("\nTop recommendations", "\n" + expected), text,
                "the exposure goes between the coverage and the recommendations, nothing else changes");
    }

    @Test
    void textSaysStaleAndWhyThereIsNoScore() throws Exception {
        String stale = render(Fixtures.assessment(), ReportFormat.TEXT, exposure(true));
        assertTrue(stale.contains("\n  STALE: feeds older than 7 days: DEBIAN_TRACKER; run `bulwark feeds update` "
                + "or import newer feeds\n"), stale);
        String none = render(Fixtures.assessment(), ReportFormat.TEXT, unmatched());
        assertTrue(none.contains("\nExposure score — (no advisory feed is imported (the Debian Security Tracker "
                + "JSON or OSV))\n"), none);
        assertFalse(none.contains("Top weaknesses"));
    }

    @Test
    void htmlHasTheTileTheUpdatesAndTheEscapedWeaknesses() throws Exception {
        String html = render(Fixtures.assessment(), ReportFormat.HTML, exposure(true));
        assertTrue(html.contains("<h2>Exposure score</h2>"));
        assertTrue(html.contains("<span class=\"big\">42.3</span>"));
        assertTrue(html.contains("<span class=\"badge b-MEDIUM\">medium</span>"));
        assertTrue(html.contains("<p class=\"stale\">Stale: feeds older than 7 days: DEBIAN_TRACKER</p>"));
        assertTrue(html.contains("<tr><td>Update openssl to version 3.0.15-1~deb12u1<span class=\"line muted\"> · "
                + "libssl3:amd64, openssl:amd64</span></td><td class=\"n\">1</td><td class=\"n\">12.3</td></tr>"));
        assertTrue(html.contains("<code>CVE-2024-&lt;script&gt;</code>"), "a feed's text is escaped");
        assertFalse(html.contains("CVE-2024-<script>"));
        assertTrue(html.contains("<h2>Weaknesses (2 of 2, highest risk first)</h2>"));
        assertFalse(Render.render(Fixtures.assessment(), ReportFormat.HTML).contains("id=\"exposure\""),
                "no section without an exposure");
        String none = render(Fixtures.assessment(), ReportFormat.HTML, unmatched());
        assertTrue(none.contains("<p class=\"kv\">Not computed: no advisory feed is imported (the Debian Security "
                + "Tracker JSON or OSV)</p>"));
        assertFalse(none.contains("id=\"weaknesses\""));
    }

    @Test
    void jsonCarriesTheExposureAndValidates() throws Exception {
        ObjectMapper m = new ObjectMapper();
        JsonNode r = m.readTree(render(Fixtures.assessment(), ReportFormat.JSON, exposure(false)));
        assertEquals(Set.of(), JsonReportTest.validate(r));
        JsonNode e = r.get("exposure");
        assertEquals(42.25, e.get("score").doubleValue(), 1e-12);
        assertEquals("MEDIUM", e.get("band").textValue());
        assertFalse(e.get("stale").booleanValue());
        assertTrue(e.get("reason").isNull());
        assertEquals("DEBIAN_TRACKER", e.get("feeds").get(0).get("kind").textValue());
        assertEquals("2026-11-26T06:00:00Z", e.get("feeds").get(0).get("imported").textValue());
        JsonNode f = e.get("findings").get(1);
        assertEquals("CVE-2024-<script>", f.get("id").textValue());
        assertTrue(f.get("fixedVersion").isNull());
        assertEquals(0.125, f.get("risk").doubleValue(), 1e-12);
        JsonNode s = e.get("recommendations").get(0);
        assertEquals("sw-openssl", s.get("id").textValue());
        assertEquals("Update openssl to version 3.0.15-1~deb12u1", s.get("recommendationName").textValue());
        assertEquals(12.25, s.get("exposureImpact").doubleValue(), 1e-12);
        assertEquals(0, s.get("configScoreImpact").intValue());
        assertEquals(Set.of(), JsonReportTest.validate(m.readTree(render(Fixtures.assessment(), ReportFormat.JSON,
                unmatched()))));
        assertFalse(m.readTree(Render.render(Fixtures.assessment(), ReportFormat.JSON)).has("exposure"));
        assertEquals(Render.render(Fixtures.assessment(), ReportFormat.CSV),
                render(Fixtures.assessment(), ReportFormat.CSV, exposure(false)), "CSV is per configuration control");
    }

    @Test
    void aReportWithExposureReadsBack() throws Exception {
        byte[] json = render(Fixtures.assessment(), ReportFormat.JSON, exposure(false))
                .getBytes(StandardCharsets.UTF_8);
        assertEquals(Fixtures.assessment().device().id(),
                new JsonReportReader().read("with-exposure.json", new java.io.ByteArrayInputStream(json)).device().id());
    }
}
