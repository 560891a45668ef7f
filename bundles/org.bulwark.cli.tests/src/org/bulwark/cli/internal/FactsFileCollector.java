package org.bulwark.cli.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.bulwark.collector.api.AssessmentContext;
import org.bulwark.collector.api.Category;
import org.bulwark.collector.api.Collector;
import org.bulwark.collector.api.Observation;
import org.bulwark.collector.api.Source;

/**
 * A test collector: reports the facts written in {@code /facts.properties} of the target, one
 * {@code key=value} per line; {@code key=!unreadable} and {@code key=!absent} give those states.
 */
final class FactsFileCollector implements Collector {

    @Override
    public String id() {
        return "test.facts";
    }

    @Override
    public Category category() {
        return Category.OPERATING_SYSTEM;
    }

    @Override
    public Set<String> provides() {
        return Set.of("t.*");
    }

    @Override
    public List<Observation> collect(AssessmentContext context) throws IOException {
        Path file = context.resolve("/facts.properties");
        List<Observation> out = new ArrayList<>();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            int eq = line.indexOf('=');
            if (eq < 0) {
                continue;
            }
            String key = line.substring(0, eq);
            String value = line.substring(eq + 1);
            Source source = Source.file("/facts.properties", i + 1);
            out.add(switch (value) {
                case "!unreadable" -> Observation.unreadable(key, source, "permission denied");
                case "!absent" -> Observation.absent(key, source, null);
                default -> Observation.of(key, value, source);
            });
        }
        return out;
    }
}
