package org.bulwark.report.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bulwark.benchmark.api.Control;
import org.bulwark.collector.api.Source;
import org.bulwark.collector.api.SourceKind;
import org.bulwark.scoring.api.AssessedControl;
import org.bulwark.scoring.api.Assessment;
import org.bulwark.scoring.api.ControlException;
import org.bulwark.scoring.api.Evidence;
import org.bulwark.scoring.api.ResultState;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

/**
 * SARIF 2.1.0, the format code-scanning tools and CI servers read: one run whose tool's rules are the controls
 * (id, title, description, remediation, category, weight, references) and one result per control. {@code kind}
 * says what was decided: {@code fail} (level by weight: 8 to 10 {@code error}, 4 to 7 {@code warning}, below
 * {@code note}), {@code pass}, {@code review} for ERROR and UNKNOWN (it could not be checked: never a pass),
 * {@code notApplicable}, and {@code open} for NOT_CHECKED; a failure under an exception in force carries a
 * {@code suppressions} entry with its justification. Locations are the evidence's files, relative to the
 * assessed root ({@code uriBaseId} {@code ROOT}), with their lines.
 */
final class SarifReport {

    static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";

    private final JsonFactory factory = new JsonFactory();

    void write(Assessment a, OutputStream out) throws IOException {
        Map<String, Integer> ruleIndex = new LinkedHashMap<>();
        try (JsonGenerator g = factory.createGenerator(out, JsonEncoding.UTF8)) {
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeStringField("$schema", SCHEMA);
            g.writeStringField("version", "2.1.0");
            g.writeArrayFieldStart("runs");
            g.writeStartObject();
            g.writeObjectFieldStart("tool");
            g.writeObjectFieldStart("driver");
            g.writeStringField("name", "Bulwark");
            g.writeStringField("fullName", "Bulwark secure score for devices");
            g.writeArrayFieldStart("rules");
            for (AssessedControl c : a.controls()) {
                if (ruleIndex.putIfAbsent(c.control().id(), ruleIndex.size()) == null) {
                    rule(g, c.control());
                }
            }
            g.writeEndArray();
            g.writeEndObject();
            g.writeEndObject();
            g.writeObjectFieldStart("originalUriBaseIds");
            g.writeObjectFieldStart("ROOT");
            String root = a.root() == null ? "/" : a.root();
            String uri = Path.of(root).toUri().toString();
            g.writeStringField("uri", uri.endsWith("/") ? uri : uri + "/");
            g.writeEndObject();
            g.writeEndObject();
            g.writeArrayFieldStart("results");
            for (AssessedControl c : a.controls()) {
                result(g, a, c, ruleIndex.get(c.control().id()));
            }
            g.writeEndArray();
            g.writeObjectFieldStart("properties");
            g.writeStringField("device", a.device().id());
            g.writeStringField("hostname", a.device().hostname());
            if (a.score().points().hasScore()) {
                g.writeNumberField("score", a.score().points().score());
            } else {
                g.writeNullField("score");
            }
            g.writeEndObject();
            g.writeEndObject();
            g.writeEndArray();
            g.writeEndObject();
        }
    }

    private static void rule(JsonGenerator g, Control c) throws IOException {
        g.writeStartObject();
        g.writeStringField("id", c.id());
        g.writeStringField("name", c.title());
        message(g, "shortDescription", c.title());
        message(g, "fullDescription", c.description() == null || c.description().isBlank() ? c.title()
                : c.description());
        message(g, "help", c.remediation().text());
        g.writeObjectFieldStart("defaultConfiguration");
        g.writeStringField("level", level(c.weight()));
        g.writeEndObject();
        g.writeObjectFieldStart("properties");
        g.writeStringField("category", Fmt.categoryId(c.category()));
        g.writeNumberField("weight", c.weight());
        g.writeArrayFieldStart("tags");
        g.writeString(Fmt.categoryId(c.category()));
        for (String cis : c.references().cis()) {
            g.writeString("CIS " + cis);
        }
        for (String nist : c.references().nist()) {
            g.writeString("NIST " + nist);
        }
        for (String cce : c.references().cce()) {
            g.writeString(cce);
        }
        g.writeEndArray();
        g.writeEndObject();
        g.writeEndObject();
    }

    /** @return the SARIF level of a failure of that weight */
    static String level(int weight) {
        return weight >= 8 ? "error" : weight >= 4 ? "warning" : "note";
    }

    /** @return the SARIF kind of a result in that state */
    static String kind(ResultState s) {
        return switch (s) {
            case PASS -> "pass";
            case FAIL -> "fail";
            case ERROR, UNKNOWN -> "review";
            case NOT_APPLICABLE -> "notApplicable";
            case NOT_CHECKED -> "open";
            case INFORMATIONAL -> "informational";
        };
    }

    private static void result(JsonGenerator g, Assessment a, AssessedControl c, int index) throws IOException {
        Control control = c.control();
        ResultState state = c.result().state();
        g.writeStartObject();
        g.writeStringField("ruleId", control.id());
        g.writeNumberField("ruleIndex", index);
        g.writeStringField("kind", kind(state));
        g.writeStringField("level", state == ResultState.FAIL ? level(control.weight())
                : state == ResultState.ERROR || state == ResultState.UNKNOWN ? "warning" : "none");
        StringBuilder text = new StringBuilder(control.title()).append(": ").append(state.name());
        if (c.result().reason() != null && !c.result().reason().isBlank()) {
            text.append(" (").append(c.result().reason()).append(')');
        }
        for (Evidence e : c.result().evidence()) {
            text.append("; ").append(Fmt.evidenceLine(e));
        }
        message(g, "message", text.toString());
        g.writeArrayFieldStart("locations");
        for (Evidence e : c.result().evidence()) {
            location(g, e.source());
        }
        g.writeEndArray();
        List<ControlException> exceptions = JsonReport.exceptionsFor(a, control.id());
        if (state == ResultState.FAIL && !exceptions.isEmpty()) {
            g.writeArrayFieldStart("suppressions");
            for (ControlException x : exceptions) {
                g.writeStartObject();
                g.writeStringField("kind", "external");
                g.writeStringField("status", "accepted");
                g.writeStringField("justification", "exception " + x.id() + ": " + Fmt.kebab(x.justification())
                        + (x.notes() == null || x.notes().isBlank() ? "" : " (" + x.notes() + ")"));
                g.writeEndObject();
            }
            g.writeEndArray();
        }
        g.writeEndObject();
    }

    private static void location(JsonGenerator g, Source s) throws IOException {
        if (s == null || s.location() == null || !s.location().startsWith("/") || s.kind() == SourceKind.RUNTIME
                || s.kind() == SourceKind.BUILT_IN_DEFAULT || s.kind() == SourceKind.COMMAND_OUTPUT) {
            return;
        }
        g.writeStartObject();
        g.writeObjectFieldStart("physicalLocation");
        g.writeObjectFieldStart("artifactLocation");
        // a relative reference below ROOT, each segment percent-encoded as a URI path
        g.writeStringField("uri", encoded(s.location().substring(1)));
        g.writeStringField("uriBaseId", "ROOT");
        g.writeEndObject();
        if (s.line() > 0) {
            g.writeObjectFieldStart("region");
            g.writeNumberField("startLine", s.line());
            g.writeEndObject();
        }
        g.writeEndObject();
        g.writeEndObject();
    }

    /** @return {@code relative} as a relative URI reference: percent-encoded, a colon in its first segment kept */
    static String encoded(String relative) {
        String path = relative.isEmpty() ? "." : relative;
        int colon = path.indexOf(':');
        int slash = path.indexOf('/');
        if (colon >= 0 && (slash < 0 || colon < slash)) {
            path = "./" + path; // else the first segment would read as a scheme
        }
        try {
            return new URI(null, null, path, null).toASCIIString();
        } catch (java.net.URISyntaxException e) {
            return path.replace("%", "%25").replace(" ", "%20");
        }
    }

    private static void message(JsonGenerator g, String field, String text) throws IOException {
        g.writeObjectFieldStart(field);
        g.writeStringField("text", text == null ? "" : text);
        g.writeEndObject();
    }
}
