package org.bulwark.report.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.bulwark.collector.api.Category;
import org.bulwark.report.api.ReportFormat;
import org.bulwark.report.api.ReportReader;
import org.bulwark.report.api.ReportedAssessment;
import org.bulwark.scoring.api.ControlRef;
import org.bulwark.scoring.api.ResultState;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

class JsonReportTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final JsonReportReader reader = new JsonReportReader();

    static JsonNode schemaNode() throws Exception {
        try (InputStream in = JsonReportTest.class.getResourceAsStream("/" + ReportReader.SCHEMA_RESOURCE)) {
            assertNotNull(in, "the bundle ships " + ReportReader.SCHEMA_RESOURCE);
            return MAPPER.readTree(in);
        }
    }

    static Set<ValidationMessage> validate(JsonNode report) throws Exception {
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
        JsonSchema schema = factory.getSchema(schemaNode(), config);
        return schema.validate(report);
    }

    private static JsonNode json(String text) throws Exception {
        return MAPPER.readTree(text);
    }

    @Test
    void roundTripKeepsDevicesStatesWeightsAndExceptions() throws Exception {
        String text = Render.render(Fixtures.assessment(), ReportFormat.JSON);
        ReportedAssessment r = reader.read("web-01.json",
                new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));

        assertEquals(Fixtures.DEVICE, r.device());
        assertEquals(Fixtures.FINISHED, r.assessedAt());
        assertEquals(List.of(
                new ControlRef("t.aslr", "Address space layout randomization is enabled", Category.OPERATING_SYSTEM, 8),
                new ControlRef("t.ssh.root", "SSH root login is disabled", Category.ACCOUNTS, 10),
                new ControlRef("t.fw", "A host firewall filters incoming traffic", Category.NETWORK, 5),
                new ControlRef("t.tmp", "/tmp is mounted with nodev", Category.OPERATING_SYSTEM, 3),
                new ControlRef("t.av", "Malware protection is active", Category.SECURITY_CONTROLS, 4),
                new ControlRef("t.app", "Unattended upgrades are enabled", Category.APPLICATION, 2)), r.controls());
        assertEquals(Map.of("t.aslr", ResultState.PASS, "t.ssh.root", ResultState.FAIL, "t.fw", ResultState.ERROR,
                "t.tmp", ResultState.NOT_CHECKED, "t.av", ResultState.FAIL, "t.app", ResultState.NOT_APPLICABLE),
                r.states());
        assertEquals(List.of(Fixtures.AV_EXCEPTION), r.exceptions());
        assertEquals(r.states(), r.results().states());
    }

    @Test
    void reportValidatesAgainstTheSchema() throws Exception {
        JsonNode report = json(Render.render(Fixtures.assessment(), ReportFormat.JSON));
        assertEquals(Set.of(), validate(report));
        assertEquals(1, report.get("format").intValue());
    }

    @Test
    void scoresAndEvidenceAreAllThere() throws Exception {
        JsonNode r = json(Render.render(Fixtures.assessment(), ReportFormat.JSON));
        JsonNode score = r.get("score");
        assertEquals(100.0 * 8 / 27, score.get("score").doubleValue(), 1e-12);
        assertEquals(8.0, score.get("points").doubleValue());
        assertEquals(27.0, score.get("maximum").doubleValue());
        assertEquals("application", score.get("categories").get(0).get("category").textValue());
        assertTrue(score.get("categories").get(0).get("score").isNull(), "no counted Application control: no score");
        assertEquals(100.0, score.get("categories").get(1).get("score").doubleValue());
        assertEquals(100.0 * 10 / 27, score.get("controls").get(0).get("impact").doubleValue(), 1e-12);
        assertEquals(0.75, score.get("coverage").get("ratio").doubleValue());
        assertEquals(1, score.get("coverage").get("errors").intValue());

        JsonNode ssh = r.get("results").get(1);
        assertEquals("t.ssh.root", ssh.get("id").textValue());
        assertEquals("accounts", ssh.get("category").textValue());
        assertEquals(List.of("AC-6", "IA-2"), MAPPER.convertValue(ssh.get("references").get("nist"), List.class));
        assertEquals("configuration-change", ssh.get("remediation").get("type").textValue());
        JsonNode ev = ssh.get("evidence").get(0);
        assertEquals("equals \"no\"", ev.get("expected").textValue());
        assertEquals("yes", ev.get("actual").get(0).textValue());
        assertEquals("/etc/ssh/sshd_config", ev.get("source").get("location").textValue());
        assertEquals(12, ev.get("source").get("line").intValue());
        assertEquals("DROP_IN", ev.get("others").get(0).get("source").get("kind").textValue());

        JsonNode av = r.get("results").get(4).get("exceptions").get(0);
        assertEquals("RISK_ACCEPTED", av.get("justification").textValue());
        assertTrue(av.get("active").booleanValue());
        assertEquals("2027-01-01T00:00:00Z", av.get("expires").textValue());
        assertEquals("0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
                r.get("content").get(0).get("sha256").textValue());
        assertEquals("TIMED_OUT", r.get("collectors").get(1).get("outcome").textValue());
    }

    @Test
    void noScoreIsNullNeverAHundred() throws Exception {
        JsonNode r = json(Render.render(Fixtures.nothingCounted(), ReportFormat.JSON));
        assertTrue(r.get("score").get("score").isNull());
        assertTrue(r.get("score").get("devices").get(0).get("score").isNull());
        assertTrue(r.get("platform").isNull());
        assertEquals(Set.of(), validate(r));
        ReportedAssessment back = reader.read("empty.json", new ByteArrayInputStream(
                Render.render(Fixtures.nothingCounted(), ReportFormat.JSON).getBytes(StandardCharsets.UTF_8)));
        assertEquals(Map.of("t.app", ResultState.NOT_CHECKED), back.states());
    }

    @Test
    void schemaRejectsWhatTheFormatForbids() throws Exception {
        ObjectNode r = (ObjectNode) json(Render.render(Fixtures.assessment(), ReportFormat.JSON));
        r.put("format", 2);
        Set<ValidationMessage> format2 = validate(r);
        assertTrue(format2.stream().anyMatch(m -> m.getInstanceLocation().toString().endsWith("format")),
                () -> "format 2: " + format2);
        r.put("format", 1);
        r.put("extra", true);
        Set<ValidationMessage> extra = validate(r);
        assertEquals(1, extra.size(), () -> "unknown field: " + extra);
        r.remove("extra");
        ((ObjectNode) r.get("results").get(0)).put("weight", 11);
        Set<ValidationMessage> weight = validate(r);
        assertEquals(1, weight.size(), () -> "weight 11: " + weight);
        ((ObjectNode) r.get("results").get(0)).put("weight", 8);
        ((ObjectNode) r.get("score")).put("score", 101);
        assertFalse(validate(r).isEmpty(), "score 101");
        ((ObjectNode) r.get("score")).putNull("score");
        ((ObjectNode) r.get("results").get(1)).remove("state");
        Set<ValidationMessage> state = validate(r);
        assertEquals(1, state.size(), () -> "missing state: " + state);
        assertEquals(Set.of(), validate(json(Render.render(Fixtures.assessment(), ReportFormat.JSON))));
    }

    @Test
    void schemaIsValidDraft202012() throws Exception {
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
        JsonSchema meta = factory.getSchema(SchemaLocation.of("https://json-schema.org/draft/2020-12/schema"));
        assertEquals(Set.of(), meta.validate(schemaNode()));
    }

    @Test
    void bundledSchemaIsTheDocumentedOne() throws Exception {
        Path docs = documented("docs/report.schema.json");
        assertEquals(MAPPER.readTree(docs.toFile()), schemaNode(),
                "bundles/org.bulwark.report/schema/report.schema.json must equal docs/report.schema.json");
    }

    /** @return the repository file {@code path}, found in the working directory or one above it */
    private static Path documented(String path) {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve(path))) {
                return dir.resolve(path);
            }
        }
        return fail(path + " above the working directory");
    }

    static JsonNode uploadSchemaNode() throws Exception {
        try (InputStream in = JsonReportTest.class.getResourceAsStream("/" + ReportReader.UPLOAD_SCHEMA_RESOURCE)) {
            assertNotNull(in, "the bundle ships " + ReportReader.UPLOAD_SCHEMA_RESOURCE);
            return MAPPER.readTree(in);
        }
    }

    /** Validates against the upload schema, whose shared parts refer to the report schema by its $id. */
    static Set<ValidationMessage> validateUpload(JsonNode upload) throws Exception {
        String reportId = schemaNode().get("$id").textValue();
        String reportText = MAPPER.writeValueAsString(schemaNode());
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
                b -> b.schemaLoaders(loaders -> loaders.schemas(Map.of(reportId, reportText))));
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
        return factory.getSchema(uploadSchemaNode(), config).validate(upload);
    }

    @Test
    void uploadValidatesAgainstItsSchemaAndHoldsOnlyWhatTheServerCannotKnow() throws Exception {
        String text = Render.render(Fixtures.assessment(), ReportFormat.UPLOAD);
        assertEquals(1, text.lines().count(), "compact: one line");
        JsonNode upload = json(text);
        assertEquals(Set.of(), validateUpload(upload));
        assertEquals(List.of("upload", "generator", "device", "platform", "root", "live", "started", "finished",
                "content", "collectors", "software", "results", "problems"), names(upload));
        assertEquals(6, upload.get("results").size());
        JsonNode ssh = upload.get("results").get(1);
        assertEquals(List.of("id", "state", "reason", "evidence"), names(ssh));
        assertEquals("t.ssh.root", ssh.get("id").textValue());
        assertEquals("FAIL", ssh.get("state").textValue());
        JsonNode report = json(Render.render(Fixtures.assessment(), ReportFormat.JSON));
        // the same device, collectors and evidence as the report, byte for byte once parsed
        for (String field : List.of("device", "platform", "root", "live", "started", "finished", "content",
                "collectors", "software", "problems")) {
            assertEquals(report.get(field), upload.get(field), field);
        }
        for (int i = 0; i < 6; i++) {
            for (String field : List.of("id", "state", "reason", "evidence")) {
                assertEquals(report.get("results").get(i).get(field), upload.get("results").get(i).get(field),
                        "results[" + i + "]." + field);
            }
        }
    }

    @Test
    void uploadSchemaRefusesReportFieldsAndReportsAreNotUploads() throws Exception {
        com.fasterxml.jackson.databind.node.ObjectNode upload = (com.fasterxml.jackson.databind.node.ObjectNode) json(
                Render.render(Fixtures.assessment(), ReportFormat.UPLOAD));
        ((com.fasterxml.jackson.databind.node.ObjectNode) upload.get("results").get(0)).put("title", "Extra");
        assertEquals(1, validateUpload(upload).size(), validateUpload(upload).toString());
        assertTrue(validateUpload(upload).iterator().next().getMessage().contains("title"));
        assertFalse(validateUpload(json(Render.render(Fixtures.assessment(), ReportFormat.JSON))).isEmpty(),
                "a report is not an upload");
    }

    @Test
    void bundledUploadSchemaIsTheDocumentedOne() throws Exception {
        Path docs = documented("docs/upload.schema.json");
        assertEquals(MAPPER.readTree(docs.toFile()), uploadSchemaNode(),
                "bundles/org.bulwark.report/schema/upload.schema.json must equal docs/upload.schema.json");
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
        JsonSchema meta = factory.getSchema(SchemaLocation.of("https://json-schema.org/draft/2020-12/schema"));
        assertEquals(Set.of(), meta.validate(uploadSchemaNode()));
    }

    private static List<String> names(JsonNode object) {
        List<String> names = new java.util.ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void equalAssessmentsGiveEqualBytes() throws Exception {
        assertEquals(Render.render(Fixtures.assessment(), ReportFormat.JSON),
                Render.render(Fixtures.assessment(), ReportFormat.JSON));
    }
}
