package org.bulwark.report.internal;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.bulwark.report.api.ReportFormat;
import org.junit.jupiter.api.Test;

/**
 * Writes the fixture in every format into {@code target/samples/} of the test module (the test run's working directory is the module;
^ * mvn clean removes them), so that people can look at them, e.g. render the HTML in headless Chromium.
 */
class SamplesTest {

    @Test
    void writesSamples() throws Exception {
        Path dir = Files.createDirectories(Path.of("target", "samples"));
        for (ReportFormat f : ReportFormat.values()) {
            String kind = f == ReportFormat.UPLOAD ? ".upload." : ".";
            Files.writeString(dir.resolve("report" + kind + f.extension()),
                    Render.render(Fixtures.assessment(), f, "report.html"), StandardCharsets.UTF_8);
            Files.writeString(dir.resolve("empty" + kind + f.extension()), Render.render(Fixtures.nothingCounted(), f),
                    StandardCharsets.UTF_8);
        }
        assertTrue(Files.size(dir.resolve("report.html")) > 1000);
    }
}
