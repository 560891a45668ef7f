package org.bulwark.cli.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bulwark.benchmark.api.Benchmark;
import org.bulwark.benchmark.api.BenchmarkRegistry;
import org.bulwark.benchmark.api.Control;
import org.bulwark.collector.api.Category;
import org.bulwark.collector.api.Collector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** {@code --format json} of score, collectors, controls and plugins: their fields and exact values. */
class JsonFormatTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final BundleContext context = FrameworkUtil.getBundle(JsonFormatTest.class).getBundleContext();
    @RegisterExtension
    final CliRun bulwark = CliRun.withFacts();

    @TempDir
    Path dir;

    private JsonNode json(String... args) throws IOException {
        assertEquals(ExitCodes.OK, bulwark.run(args), bulwark.err());
        return JSON.readTree(bulwark.out());
    }

    @Test
    void scoreAsJsonHasEveryFigureOfTheWorkedExample() throws IOException {
        Path content = FactsFixture.content(dir);
        String[][] devices = { { "d1", "PPNEF" }, { "d2", "FPNFP" }, { "d3", "PNNFP" } };
        List<String> reports = new ArrayList<>(List.of("score", "--format", "json", "--no-store"));
        for (String[] d : devices) {
            bulwark.run("assess", "--root", FactsFixture.device(dir, d[0], d[1]).toString(), "--benchmark",
                    content.toString(), "--format", "json", "--output", dir.resolve(d[0] + ".json").toString(),
                    "--no-store");
            reports.add(dir.resolve(d[0] + ".json").toString());
        }
        assertEquals(ExitCodes.OK, bulwark.run(reports.toArray(String[]::new)), bulwark.err());
        String text = bulwark.out().stripTrailing().replace("\r\n", "\n")
                .replaceAll("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?Z", "<time>");
        assertEquals(ScoreJsonExpected.WORKED_EXAMPLE, text);
        assertEquals(ExitCodes.USAGE, bulwark.run("score", "--format", "yaml", dir.resolve("d1.json").toString()));
        assertEquals("unknown format 'yaml' (expected text or json)", bulwark.err().lines().findFirst().orElse(""));
    }

    @Test
    void collectorsAsJson() throws IOException {
        JsonNode list = json("collectors", "--format", "json");
        assertEquals(ExitCodes.OK, bulwark.run("collectors"));
        long textRows = bulwark.out().lines().count() - 2; // header and count
        assertEquals(textRows, list.size());
        JsonNode expected = JSON.readTree("""
                {"id": "test.facts", "category": "OPERATING_SYSTEM", "bundle": "org.bulwark.cli", "version": "%s"}"""
                .formatted(context.getBundle().getVersion()));
        JsonNode mine = null;
        for (JsonNode c : list) {
            if (c.get("id").asText().equals("test.facts")) {
                mine = c;
            }
        }
        assertEquals(expected, mine);
    }

    @Test
    void controlsAsJsonFollowTheCategoryFilter() throws IOException {
        JsonNode tree = json("controls", "--category", "network", "--format", "json");
        List<Object> benchmarks = new ArrayList<>();
        int network = 0;
        for (Benchmark b : bulwark.services().get(BenchmarkRegistry.class).benchmarks()) {
            List<Object> controls = new ArrayList<>();
            for (Control c : b.controls()) {
                if (c.category() == Category.NETWORK) {
                    controls.add(map("id", c.id(), "title", c.title(), "category", "NETWORK", "weight", c.weight()));
                    network++;
                }
            }
            benchmarks.add(map("id", b.id(), "title", b.title(), "version", b.version(), "origin", b.origin(),
                    "sha256", b.sha256(), "controls", controls));
        }
        JsonNode expected = JSON.valueToTree(map("benchmarks", benchmarks, "rejected", List.of()));
        assertEquals(expected, tree);
        assertEquals(ExitCodes.OK, bulwark.run("controls", "--category", "network"));
        assertEquals(network + " controls", bulwark.out().lines().reduce((a, b) -> b).orElse(""));
    }

    @Test
    void pluginsAsJsonSplitStateAndReason() throws Exception {
        org.osgi.framework.Bundle a = ComponentBundles.install(context, "test.json.unsatisfied", """
                <scr:component xmlns:scr="http://www.osgi.org/xmlns/scr/v1.3.0" name="test.json.missing">
                  <implementation class="test.NeedsMissing"/>
                  <service><provide interface="org.bulwark.collector.api.Collector"/></service>
                  <reference name="missing" interface="test.NotThere" cardinality="1..1" policy="static"/>
                </scr:component>""");
        try {
            JsonNode tree = json("plugins", "--format", "json");
            JsonNode missing = null;
            JsonNode registered = null;
            for (JsonNode c : tree.get("collectors")) {
                missing = c.get("id").asText().equals("test.json.missing") ? c : missing;
                registered = c.get("id").asText().equals("test.facts") ? c : registered;
            }
            assertEquals(JSON.readTree("""
                    {"id": "test.json.missing", "state": "UNSATISFIED", "reason": "no service for reference 'missing'",
                     "bundle": "test.json.unsatisfied", "version": "2.3.4", "bundleState": "ACTIVE",
                     "component": "test.json.missing", "category": null, "provides": [], "controls": []}"""), missing);
            assertEquals(JSON.readTree("""
                    {"id": "test.facts", "state": "REGISTERED", "reason": null, "bundle": "org.bulwark.cli",
                     "version": "%s", "bundleState": "ACTIVE", "component": null, "category": "OPERATING_SYSTEM",
                     "provides": ["t.*"], "controls": []}""".formatted(context.getBundle().getVersion())), registered);
            assertEquals(context.getProperty("felix.fileinstall.dir"), tree.get("pluginFolder").get("path").asText());
            assertEquals(List.of("collectors", "pluginFolder"), names(tree));
            assertEquals(List.of("path", "plugins", "error"), names(tree.get("pluginFolder")));
        } finally {
            a.uninstall();
        }
    }

    /** @return a map of {@code keysAndValues} in their order */
    private static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            m.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return m;
    }

    private static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
