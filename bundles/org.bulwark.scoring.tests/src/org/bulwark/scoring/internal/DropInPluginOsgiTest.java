package org.bulwark.scoring.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.bulwark.benchmark.api.BenchmarkRegistry;
import org.bulwark.scoring.api.Assessment;
import org.bulwark.scoring.api.AssessmentListener;
import org.bulwark.scoring.api.AssessmentRequest;
import org.bulwark.scoring.api.AssessmentService;
import org.bulwark.scoring.api.ResultState;
import org.bulwark.scoring.internal.dropin.DropInCollector;
import org.bulwark.testing.TestBundle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

/**
 * Drop-in plug-ins through Felix FileInstall, as in the product: a jar copied into the watched folder
 * ({@code felix.fileinstall.dir}, set by the test launch) is installed and started, and its collector and
 * controls count from the next assessment on; removing the jar uninstalls it and leaves its controls
 * NOT_CHECKED. The jars are built here from {@link DropInCollector} with a DS descriptor and content.
 */
class DropInPluginOsgiTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    private final BundleContext context = FrameworkUtil.getBundle(DropInPluginOsgiTest.class).getBundleContext();
    private AssessmentService service;
    private BenchmarkRegistry registry;
    private Path folder;

    @TempDir
    Path root;

    @BeforeEach
    void setUp() throws Exception {
        service = waitFor(AssessmentService.class);
        registry = waitFor(BenchmarkRegistry.class);
        String dir = context.getProperty("felix.fileinstall.dir");
        assertNotNull(dir, "the test launch names the plug-in folder in felix.fileinstall.dir");
        folder = Path.of(dir);
        Files.createDirectories(folder);
        assertTrue(List.of(context.getBundles()).stream()
                .anyMatch(b -> "org.apache.felix.fileinstall".equals(b.getSymbolicName())), "FileInstall runs");
    }

    @AfterEach
    void clearFolder() throws Exception {
        try (var files = Files.list(folder)) {
            for (Path p : files.toList()) {
                Files.delete(p);
            }
        }
        await("the plug-ins to be uninstalled", () -> List.of(context.getBundles()).stream()
                .noneMatch(b -> b.getSymbolicName() != null && b.getSymbolicName().startsWith("test.dropin")));
    }

    private <T> T waitFor(Class<T> type) throws InterruptedException {
        ServiceTracker<T, T> tracker = new ServiceTracker<>(context, type, null);
        tracker.open();
        T s = tracker.waitForService(TimeUnit.SECONDS.toMillis(10));
        assertNotNull(s, type.getSimpleName() + " must be available");
        return s;
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(50);
        }
    }

    private boolean installed(String collectorId) {
        return service.collectors().stream().anyMatch(c -> c.collectorId().equals(collectorId));
    }

    private Assessment assess() throws InterruptedException {
        return service.assess(new AssessmentRequest(root, Set.of(), List.of(), Duration.ofSeconds(10), List.of()),
                AssessmentListener.NONE);
    }

    private static ResultState state(Assessment a, String control) {
        return a.controls().stream().filter(c -> c.control().id().equals(control)).findFirst()
                .orElseThrow(() -> new AssertionError("no control " + control)).result().state();
    }

    private static String reason(Assessment a, String control) {
        return a.controls().stream().filter(c -> c.control().id().equals(control)).findFirst().orElseThrow()
                .result().reason();
    }

    /** Builds a plug-in jar: one DS collector reporting {@code key=value}, content with the given controls. */
    static byte[] plugin(String bsn, String collectorId, String key, String value, String... controls)
            throws IOException {
        String clazz = DropInCollector.class.getName().replace('.', '/') + ".class";
        String component = """
                <?xml version="1.0" encoding="UTF-8"?>
                <scr:component xmlns:scr="http://www.osgi.org/xmlns/scr/v1.3.0" name="%s">
                  <implementation class="%s"/>
                  <service><provide interface="org.bulwark.collector.api.Collector"/></service>
                  <property name="collector.id" value="%s"/>
                  <property name="collector.key" value="%s"/>
                  <property name="collector.value" value="%s"/>
                </scr:component>
                """.formatted(collectorId, DropInCollector.class.getName(), collectorId, key, value);
        StringBuilder json = new StringBuilder("{\"format\": 1, \"id\": \"" + bsn + "\", \"title\": \"" + bsn
                + "\", \"version\": \"1\", \"controls\": [");
        for (int i = 0; i < controls.length; i++) {
            json.append(i == 0 ? "" : ",").append("{\"id\": \"").append(controls[i]).append("\", \"title\": \"")
                    .append(controls[i]).append(" from ").append(bsn)
                    .append("\", \"category\": \"application\", \"weight\": 5, \"rationale\": \"r\",")
                    .append(" \"expect\": {\"key\": \"").append(key).append("\", \"op\": \"equals\", \"value\": \"1\"},")
                    .append(" \"remediation\": {\"type\": \"configuration-change\", \"text\": \"fix\"}}");
        }
        json.append("]}");
        byte[] classBytes;
        try (InputStream in = DropInCollector.class.getClassLoader().getResourceAsStream(clazz)) {
            assertNotNull(in, clazz);
            classBytes = in.readAllBytes();
        }
        return TestBundle.of(bsn, "1.0.0")
                .header("Import-Package", "org.bulwark.collector.api;version=\"[1.0,2)\"")
                .header("Service-Component", "OSGI-INF/collector.xml")
                .header("Bulwark-Benchmark", "content/controls.json")
                .entry(clazz, classBytes).entry("OSGI-INF/collector.xml", component)
                .entry("content/controls.json", json.toString()).bytes();
    }

    /** Copies like a careful user: write next to the folder's files under another name, then rename. */
    private Path drop(String name, byte[] jar) throws IOException {
        Path tmp = folder.resolve(name + ".part");
        Files.write(tmp, jar);
        return Files.move(tmp, folder.resolve(name), StandardCopyOption.ATOMIC_MOVE);
    }

    @Test
    void droppedJarCountsInTheNextAssessmentAndRemovingItLeavesItsControlsNotChecked() throws Exception {
        Assessment before = assess();
        assertTrue(before.controls().stream().noneMatch(c -> c.control().id().equals("dropin.enabled")));

        Path jar = drop("dropin.jar", plugin("test.dropin", "test.dropin", "dropin.value", "1", "dropin.enabled"));
        await("the dropped collector", () -> installed("test.dropin"));
        await("the dropped content", () -> registry.benchmarks().stream().anyMatch(b -> b.id().equals("test.dropin")));

        Assessment with = assess();
        assertEquals(ResultState.PASS, state(with, "dropin.enabled"));
        assertEquals(100.0, with.score().score(), 1e-9);

        Files.delete(jar);
        await("the removed collector to leave", () -> !installed("test.dropin"));
        // FileInstall stops the bundle (its collector and content leave) and then uninstalls it, which retires
        // the content: wait for that, not just for the stop
        await("the removed plug-in's content to be retired",
                () -> registry.benchmarks().stream().anyMatch(b -> b.id().equals("test.dropin")));
        Assessment after = assess();
        assertEquals(ResultState.NOT_CHECKED, state(after, "dropin.enabled"));
        assertEquals("no installed collector provides dropin.value", reason(after, "dropin.enabled"));
        assertTrue(Double.isNaN(after.score().score()), "nothing is counted any more; never a score of 100");

        // The same plug-in dropped again replaces its retired content: no clash with itself.
        drop("dropin-again.jar", plugin("test.dropin", "test.dropin", "dropin.value", "1", "dropin.enabled"));
        await("the collector to come back", () -> installed("test.dropin"));
        assertEquals(ResultState.PASS, state(assess(), "dropin.enabled"));
        assertTrue(registry.problems().stream().noneMatch(p -> p.getMessage().contains("dropin.enabled")),
                () -> registry.problems().toString());
    }

    @Test
    void aPluginCannotReplaceAControlIdThatIsAlreadyInstalled() throws Exception {
        drop("first.jar", plugin("test.dropin.first", "test.first", "first.value", "1", "shared.control"));
        await("the first plug-in", () -> installed("test.first"));
        drop("second.jar", plugin("test.dropin.second", "test.second", "second.value", "0", "shared.control",
                "second.own"));
        await("the second plug-in", () -> installed("test.second")
                && registry.benchmarks().stream().anyMatch(b -> b.id().equals("test.dropin.second")));

        assertTrue(registry.problems().stream().anyMatch(p -> p.getMessage().contains(
                "control id 'shared.control' is already defined by other content; this one is ignored")),
                () -> registry.problems().toString());
        Assessment a = assess();
        assertEquals(ResultState.PASS, state(a, "shared.control"), "the first definition (first.value = 1) wins");
        assertEquals("shared.control from test.dropin.first", a.controls().stream()
                .filter(c -> c.control().id().equals("shared.control")).findFirst().orElseThrow().control().title());
        assertEquals(ResultState.FAIL, state(a, "second.own"), "the rest of the second plug-in's content counts");
    }
}
