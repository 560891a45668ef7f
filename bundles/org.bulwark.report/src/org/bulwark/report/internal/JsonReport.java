package org.bulwark.report.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.bulwark.benchmark.api.Control;
import org.bulwark.benchmark.api.References;
import org.bulwark.collector.api.Category;
import org.bulwark.collector.api.Observation;
import org.bulwark.collector.api.PlatformFacts;
import org.bulwark.collector.api.Source;
import org.bulwark.collector.api.inventory.SoftwareInventory;
import org.bulwark.collector.api.inventory.SoftwareItem;
import org.bulwark.report.api.ReportReader;
import org.bulwark.report.api.ReportedExposure;
import org.bulwark.scoring.api.AssessedControl;
import org.bulwark.scoring.api.Assessment;
import org.bulwark.scoring.api.BenchmarkInfo;
import org.bulwark.scoring.api.CollectorRun;
import org.bulwark.scoring.api.ControlException;
import org.bulwark.scoring.api.ControlScore;
import org.bulwark.scoring.api.Coverage;
import org.bulwark.scoring.api.Device;
import org.bulwark.scoring.api.DeviceScore;
import org.bulwark.scoring.api.Evidence;
import org.bulwark.scoring.api.FleetScore;
import org.bulwark.scoring.api.Points;
import org.bulwark.scoring.api.Recommendation;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;

/**
 * Writes the JSON report ({@code docs/report.schema.json}). Fields come in a fixed order, so equal
 * assessments give equal bytes. Scores are unrounded; a score that does not exist is {@code null}.
 */
final class JsonReport {

    private final JsonFactory factory = new JsonFactory();

    void write(Assessment a, OutputStream out, ReportedExposure exposure) throws IOException {
        JsonGenerator g = factory.createGenerator(out, JsonEncoding.UTF8);
        g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        DefaultPrettyPrinter pretty = new DefaultPrettyPrinter()
                .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                .withArrayIndenter(new DefaultIndenter("  ", "\n"));
        g.setPrettyPrinter(pretty);
        g.writeStartObject();
        g.writeNumberField("format", ReportReader.FORMAT);
        head(g, a);
        score(g, a.score());
        g.writeArrayFieldStart("results");
        for (AssessedControl ac : a.controls()) {
            result(g, a, ac);
        }
        g.writeEndArray();
        g.writeArrayFieldStart("recommendations");
        for (Recommendation r : a.recommendations()) {
            g.writeStartObject();
            g.writeStringField("id", r.control().id());
            number(g, "impact", r.impact());
            g.writeStringField("status", r.status().name());
            strings(g, "exposedDevices", r.exposedDevices());
            g.writeEndObject();
        }
        g.writeEndArray();
        if (exposure != null) {
            ExposureJson.write(g, exposure);
        }
        strings(g, "problems", a.problems());
        g.writeEndObject();
        g.flush();
        out.write('\n');
        out.flush();
    }

    /**
     * Writes the upload document ({@code docs/upload.schema.json}) an agent sends a fleet server: compact, fields in
     * the same fixed order as the report's, each result with only its id, state, reason and evidence.
     */
    void writeUpload(Assessment a, OutputStream out) throws IOException {
        JsonGenerator g = factory.createGenerator(out, JsonEncoding.UTF8);
        g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        g.writeStartObject();
        g.writeNumberField("upload", ReportReader.UPLOAD);
        head(g, a);
        g.writeArrayFieldStart("results");
        for (AssessedControl ac : a.controls()) {
            g.writeStartObject();
            g.writeStringField("id", ac.control().id());
            g.writeStringField("state", ac.result().state().name());
            g.writeStringField("reason", ac.result().reason());
            g.writeArrayFieldStart("evidence");
            for (Evidence e : ac.result().evidence()) {
                evidence(g, e);
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        g.writeEndArray();
        strings(g, "problems", a.problems());
        g.writeEndObject();
        g.flush();
        out.write('\n');
        out.flush();
    }

    /** The fields a report and an upload share, after the version: generator to software. */
    private static void head(JsonGenerator g, Assessment a) throws IOException {
        g.writeStringField("generator", "Bulwark");
        device(g, a.device());
        platform(g, a.platform());
        g.writeStringField("root", a.root());
        g.writeBooleanField("live", a.live());
        instant(g, "started", a.started());
        instant(g, "finished", a.finished());
        content(g, a);
        collectors(g, a);
        software(g, a);
    }

    /** The inventories: every item of each, with the fields vulnerability matching needs. */
    private static void software(JsonGenerator g, Assessment a) throws IOException {
        g.writeArrayFieldStart("software");
        for (SoftwareInventory inventory : a.software()) {
            g.writeStartObject();
            g.writeStringField("origin", inventory.origin());
            g.writeStringField("state", inventory.state().name());
            g.writeStringField("reason", inventory.reason());
            g.writeArrayFieldStart("items");
            for (SoftwareItem i : inventory.items()) {
                g.writeStartObject();
                g.writeStringField("name", i.name());
                g.writeStringField("architecture", i.architecture());
                g.writeStringField("version", i.version());
                g.writeStringField("sourceName", i.sourceName());
                g.writeStringField("sourceVersion", i.sourceVersion());
                g.writeStringField("status", i.status());
                g.writeStringField("vendor", i.vendor());
                g.writeEndObject();
            }
            g.writeEndArray();
            strings(g, "problems", inventory.problems());
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private static void content(JsonGenerator g, Assessment a) throws IOException {
        g.writeArrayFieldStart("content");
        for (BenchmarkInfo b : a.benchmarks()) {
            g.writeStartObject();
            g.writeStringField("id", b.id());
            g.writeStringField("title", b.title());
            g.writeStringField("version", b.version());
            g.writeStringField("origin", b.origin());
            g.writeStringField("sha256", b.sha256());
            g.writeNumberField("controls", b.controls());
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private static void collectors(JsonGenerator g, Assessment a) throws IOException {
        g.writeArrayFieldStart("collectors");
        for (CollectorRun c : a.collectors()) {
            g.writeStartObject();
            g.writeStringField("id", c.collectorId());
            g.writeStringField("category", Fmt.categoryId(c.category()));
            g.writeStringField("bundle", c.bundle());
            g.writeStringField("outcome", c.outcome().name());
            g.writeNumberField("durationMillis", c.duration() == null ? 0 : c.duration().toMillis());
            g.writeNumberField("observations", c.observations());
            g.writeStringField("message", c.message());
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private static void device(JsonGenerator g, Device d) throws IOException {
        g.writeObjectFieldStart("device");
        g.writeStringField("id", d.id());
        g.writeStringField("hostname", d.hostname());
        g.writeStringField("os", d.os());
        strings(g, "groups", d.groups().stream().sorted().toList());
        g.writeEndObject();
    }

    private static void platform(JsonGenerator g, PlatformFacts p) throws IOException {
        if (p == null) {
            g.writeNullField("platform");
            return;
        }
        g.writeObjectFieldStart("platform");
        g.writeStringField("osFamily", p.osFamily());
        g.writeStringField("osId", p.osId());
        g.writeStringField("osVersion", p.osVersion());
        g.writeStringField("osName", p.osName());
        g.writeStringField("arch", p.arch());
        g.writeStringField("hostname", p.hostname());
        g.writeStringField("machineId", p.machineId());
        g.writeEndObject();
    }

    private static void score(JsonGenerator g, FleetScore s) throws IOException {
        g.writeObjectFieldStart("score");
        instant(g, "computedAt", s.computedAt());
        number(g, "score", s.points().hasScore() ? s.score() : Double.NaN);
        number(g, "points", s.points().earned());
        number(g, "maximum", s.points().possible());
        g.writeArrayFieldStart("categories");
        for (Category c : Category.values()) {
            Points p = s.categories().getOrDefault(c, new Points(0, 0));
            g.writeStartObject();
            g.writeStringField("category", Fmt.categoryId(c));
            g.writeStringField("label", c.label());
            number(g, "score", p.hasScore() ? p.score() : Double.NaN);
            number(g, "points", p.earned());
            number(g, "maximum", p.possible());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("controls");
        for (ControlScore c : s.controls()) {
            g.writeStartObject();
            g.writeStringField("id", c.controlId());
            g.writeStringField("category", Fmt.categoryId(c.category()));
            g.writeNumberField("weight", c.weight());
            g.writeNumberField("countedDevices", c.countedDevices());
            number(g, "credit", c.credit());
            number(g, "points", c.points());
            g.writeNumberField("maximum", c.weight());
            number(g, "impact", c.impact());
            g.writeNumberField("exposed", c.exposed());
            g.writeNumberField("excepted", c.excepted());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("devices");
        for (DeviceScore d : s.devices()) {
            g.writeStartObject();
            g.writeStringField("id", d.deviceId());
            number(g, "score", d.points().hasScore() ? d.points().score() : Double.NaN);
            number(g, "points", d.points().earned());
            number(g, "maximum", d.points().possible());
            g.writeEndObject();
        }
        g.writeEndArray();
        coverage(g, s.coverage());
        strings(g, "inactiveDevices", s.inactive());
        g.writeEndObject();
    }

    private static void coverage(JsonGenerator g, Coverage c) throws IOException {
        g.writeObjectFieldStart("coverage");
        number(g, "ratio", c.ratio());
        g.writeNumberField("counted", c.counted());
        g.writeNumberField("passed", c.passed());
        g.writeNumberField("failed", c.failed());
        g.writeNumberField("errors", c.errors());
        g.writeNumberField("unknown", c.unknown());
        g.writeNumberField("notChecked", c.notChecked());
        g.writeNumberField("notApplicable", c.notApplicable());
        g.writeNumberField("informational", c.informational());
        g.writeEndObject();
    }

    private static void result(JsonGenerator g, Assessment a, AssessedControl ac) throws IOException {
        Control c = ac.control();
        g.writeStartObject();
        g.writeStringField("id", c.id());
        g.writeStringField("title", c.title());
        g.writeStringField("category", Fmt.categoryId(c.category()));
        g.writeNumberField("weight", c.weight());
        g.writeStringField("benchmark", ac.benchmark());
        g.writeStringField("description", c.description());
        g.writeStringField("rationale", c.rationale());
        g.writeStringField("expect", c.expect().describe());
        references(g, c.references());
        g.writeObjectFieldStart("remediation");
        g.writeStringField("type", Fmt.kebab(c.remediation().type()));
        g.writeStringField("text", c.remediation().text());
        g.writeStringField("script", c.remediation().script());
        g.writeEndObject();
        g.writeStringField("state", ac.result().state().name());
        g.writeStringField("reason", ac.result().reason());
        g.writeArrayFieldStart("evidence");
        for (Evidence e : ac.result().evidence()) {
            evidence(g, e);
        }
        g.writeEndArray();
        g.writeArrayFieldStart("exceptions");
        for (ControlException x : exceptionsFor(a, c.id())) {
            exception(g, x, a.score().computedAt());
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    /** @return the applied exceptions for {@code controlId} that cover the assessed device */
    static List<ControlException> exceptionsFor(Assessment a, String controlId) {
        List<ControlException> found = new ArrayList<>();
        for (ControlException x : a.exceptions()) {
            if (x.controlId().equals(controlId) && x.covers(a.device())) {
                found.add(x);
            }
        }
        return found;
    }

    private static void references(JsonGenerator g, References r) throws IOException {
        g.writeObjectFieldStart("references");
        for (Map.Entry<String, List<String>> e : List.of(Map.entry("cis", r.cis()), Map.entry("nist", r.nist()),
                Map.entry("cce", r.cce()), Map.entry("ssg", r.ssg()), Map.entry("lynis", r.lynis()))) {
            strings(g, e.getKey(), e.getValue());
        }
        g.writeEndObject();
    }

    private static void evidence(JsonGenerator g, Evidence e) throws IOException {
        g.writeStartObject();
        g.writeStringField("key", e.key());
        g.writeStringField("expected", e.expected());
        g.writeStringField("state", e.state() == null ? null : e.state().name());
        strings(g, "actual", e.actual());
        source(g, "source", e.source());
        g.writeArrayFieldStart("others");
        for (Observation.Other o : e.others()) {
            g.writeStartObject();
            g.writeStringField("value", o.value());
            source(g, "source", o.source());
            g.writeStringField("note", o.note());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeStringField("reason", e.reason());
        g.writeEndObject();
    }

    private static void source(JsonGenerator g, String name, Source s) throws IOException {
        if (s == null) {
            g.writeNullField(name);
            return;
        }
        g.writeObjectFieldStart(name);
        g.writeStringField("kind", s.kind().name());
        g.writeStringField("location", s.location());
        g.writeNumberField("line", s.line());
        g.writeStringField("detail", s.detail());
        g.writeEndObject();
    }

    private static void exception(JsonGenerator g, ControlException x, Instant now) throws IOException {
        g.writeStartObject();
        g.writeStringField("id", x.id());
        g.writeStringField("justification", x.justification().name());
        g.writeStringField("scope", x.scope().name());
        g.writeStringField("target", x.target());
        g.writeStringField("author", x.author());
        instant(g, "created", x.created());
        instant(g, "expires", x.expires());
        g.writeStringField("notes", x.notes());
        g.writeBooleanField("active", now != null && x.activeAt(now));
        g.writeBooleanField("givesCredit", x.justification().givesCredit());
        g.writeEndObject();
    }

    private static void instant(JsonGenerator g, String name, Instant t) throws IOException {
        g.writeStringField(name, t == null ? null : t.toString());
    }

    /** Writes a number, or {@code null} for NaN and infinities (JSON has neither). */
    private static void number(JsonGenerator g, String name, double v) throws IOException {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            g.writeNullField(name);
        } else {
            g.writeNumberField(name, v);
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
