package org.bulwark.cli.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URL;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.bulwark.report.api.ReportReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

/**
 * `bulwark assess --format json` on the machine that runs the build, with the built-in collectors and
 * baseline: the report validates against the published schema, and as root nothing a root user can read
 * is an ERROR.
 */
class BuildMachineAssessmentTest {

    private final BundleContext context = FrameworkUtil.getBundle(BuildMachineAssessmentTest.class)
            .getBundleContext();

    @TempDir
    Path dir;

    @Test
    void jsonReportOfThisMachineValidatesAgainstTheSchema() throws Exception {
        Path report = dir.resolve("this-machine.json");
        StringWriter err = new StringWriter();
        int code;
        try (Services services = new Services(context)) {
            code = BulwarkApplication.run(services, new PrintWriter(new StringWriter()), new PrintWriter(err),
                    "assess", "--root", "/", "--format", "json", "--output", report.toString(), "--no-store");
        }
        assertTrue(code == ExitCodes.OK || code == ExitCodes.INCOMPLETE, "exit " + code + ": " + err);

        ObjectMapper mapper = new ObjectMapper();
        JsonNode json = mapper.readTree(report.toFile());
        JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                .getSchema(schemaNode(mapper));
        Set<ValidationMessage> problems = schema.validate(json);
        assertEquals(Set.of(), problems);

        JsonNode results = json.get("results");
        assertNotNull(results, "the report lists every result");
        assertTrue(results.size() >= 120, "the built-in baseline has at least 120 controls: " + results.size());

        if ("root".equals(System.getProperty("user.name"))) {
            List<String> errors = new ArrayList<>();
            for (JsonNode r : results) {
                if ("ERROR".equals(r.path("state").asText())) {
                    errors.add(r.path("id").asText() + ": " + r.path("reason").asText());
                }
            }
            assertEquals(List.of(), errors, "as root, every check can read what it needs");
        }
    }

    private JsonNode schemaNode(ObjectMapper mapper) throws Exception {
        for (Bundle b : context.getBundles()) {
            if ("org.bulwark.report".equals(b.getSymbolicName())) {
                URL url = b.getEntry(ReportReader.SCHEMA_RESOURCE);
                assertNotNull(url, "the report bundle ships its schema");
                try (InputStream in = url.openStream()) {
                    return mapper.readTree(in);
                }
            }
        }
        throw new AssertionError("org.bulwark.report is not installed");
    }
}
