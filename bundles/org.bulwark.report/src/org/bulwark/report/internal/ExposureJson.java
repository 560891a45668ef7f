package org.bulwark.report.internal;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

import org.bulwark.report.api.ReportedExposure;
import org.bulwark.vulnerability.api.Finding;
import org.bulwark.vulnerability.api.SoftwareRecommendation;

import com.fasterxml.jackson.core.JsonGenerator;

/**
 * The report's {@code exposure} object. Its field names are those of the exposure the fleet server and
 * {@code bulwark weaknesses --format json} give (Defender's where it has them), so that one device's exposure reads
 * the same everywhere.
 */
final class ExposureJson {

    private ExposureJson() {
    }

    static void write(JsonGenerator g, ReportedExposure e) throws IOException {
        g.writeObjectFieldStart("exposure");
        optional(g, "score", e.score());
        g.writeStringField("band", e.band().map(Enum::name).orElse(null));
        g.writeBooleanField("stale", e.stale());
        g.writeStringField("release", e.release());
        g.writeStringField("reason", e.reason().isEmpty() ? null : e.reason());
        g.writeArrayFieldStart("feeds");
        for (ReportedExposure.Feed f : e.feeds()) {
            g.writeStartObject();
            g.writeStringField("kind", f.kind());
            g.writeStringField("sourceDate", f.sourceDate());
            g.writeStringField("imported", f.imported().toString());
            g.writeBooleanField("stale", f.stale());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("findings");
        for (Finding f : e.findings()) {
            finding(g, f);
        }
        g.writeEndArray();
        g.writeArrayFieldStart("recommendations");
        for (SoftwareRecommendation s : e.recommendations()) {
            recommendation(g, s);
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void finding(JsonGenerator g, Finding f) throws IOException {
        g.writeStartObject();
        g.writeStringField("id", f.vulnId());
        strings(g, "aliases", f.aliases());
        g.writeStringField("sourcePackage", f.sourcePackage());
        strings(g, "binaries", f.binaries());
        g.writeStringField("installedVersion", f.installedSourceVersion());
        g.writeStringField("fixedVersion", f.fixedVersion().orElse(null));
        g.writeStringField("recommendedVersion", f.recommendedVersion().orElse(null));
        g.writeStringField("state", f.state().name());
        g.writeStringField("severity", f.severity().name());
        g.writeStringField("urgency", f.urgency());
        g.writeNumberField("risk", f.risk());
        g.writeEndObject();
    }

    private static void recommendation(JsonGenerator g, SoftwareRecommendation s) throws IOException {
        g.writeStartObject();
        g.writeStringField("id", "sw-" + s.sourcePackage());
        g.writeStringField("recommendationName", s.name());
        g.writeStringField("sourcePackage", s.sourcePackage());
        g.writeStringField("remediationType", s.remediationType().name());
        g.writeStringField("recommendedVersion", s.recommendedVersion().orElse(null));
        strings(g, "binaries", s.binaries());
        strings(g, "weaknesses", s.findings());
        g.writeNumberField("exposedMachinesCount", s.exposedDevices());
        g.writeNumberField("exposureImpact", s.exposureImpact());
        g.writeNumberField("configScoreImpact", s.secureScoreImpact());
        g.writeEndObject();
    }

    private static void optional(JsonGenerator g, String name, Optional<Double> v) throws IOException {
        if (v.isPresent() && Double.isFinite(v.get())) {
            g.writeNumberField(name, v.get());
        } else {
            g.writeNullField(name);
        }
    }

    private static void strings(JsonGenerator g, String name, List<String> values) throws IOException {
        g.writeArrayFieldStart(name);
        for (String v : values) {
            g.writeString(v);
        }
        g.writeEndArray();
    }
}
