package org.bulwark.collector.tck;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.bulwark.collector.api.AssessmentContext;
import org.bulwark.collector.api.Category;
import org.bulwark.collector.api.Collector;
import org.bulwark.collector.api.Observation;
import org.bulwark.collector.api.Source;

/** A well-behaved collector: reads {@code enabled=} from {@code /etc/sample.conf}. */
class SampleCollector implements Collector {

    static final String KEY = "sample.enabled";

    @Override
    public String id() {
        return "sample";
    }

    @Override
    public Category category() {
        return Category.APPLICATION;
    }

    @Override
    public Set<String> provides() {
        return Set.of(KEY);
    }

    @Override
    public List<Observation> collect(AssessmentContext context) {
        Path file = context.resolve("/etc/sample.conf");
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).startsWith("enabled=")) {
                    return List.of(Observation.of(KEY, lines.get(i).substring(8), Source.file("/etc/sample.conf", i + 1)));
                }
            }
            return List.of(Observation.absent(KEY, Source.file("/etc/sample.conf", 0), "not set"));
        } catch (NoSuchFileException e) {
            return List.of(Observation.absent(KEY, Source.file("/etc/sample.conf", 0), "no such file"));
        } catch (AccessDeniedException e) {
            return List.of(Observation.unreadable(KEY, Source.file("/etc/sample.conf", 0), "permission denied"));
        } catch (IOException e) {
            return List.of(Observation.unreadable(KEY, Source.file("/etc/sample.conf", 0), e.toString()));
        }
    }
}
