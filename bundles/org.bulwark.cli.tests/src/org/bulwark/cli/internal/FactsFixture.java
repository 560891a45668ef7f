package org.bulwark.cli.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Fixtures for command line tests: the five controls of the worked example in docs/scoring.md as content, and
 * device roots whose {@code /facts.properties} (read by {@link FactsFileCollector}) give each control a state.
 */
final class FactsFixture {

    private static final String CONTROL = """
                {"id": "%s", "title": "Control %s", "category": "%s", "weight": %d, "rationale": "r",
                 "applicability": {"when": {"key": "t.%s.applies", "op": "equals", "value": "yes"}, "reason": "n/a here"},
                 "expect": {"key": "t.%s.value", "op": "equals", "value": "good"},
                 "remediation": {"type": "configuration-change", "text": "make it good"}}""";

    private FactsFixture() {
    }

    /** Writes the worked example's content (c1…c5) to {@code dir/worked-example.json}. */
    static Path content(Path dir) throws IOException {
        String controls = String.join(",\n",
                CONTROL.formatted("c1", "c1", "operating-system", 10, "c1", "c1"),
                CONTROL.formatted("c2", "c2", "network", 5, "c2", "c2"),
                CONTROL.formatted("c3", "c3", "accounts", 3, "c3", "c3"),
                CONTROL.formatted("c4", "c4", "security-controls", 8, "c4", "c4"),
                CONTROL.formatted("c5", "c5", "application", 4, "c5", "c5"));
        return Files.writeString(dir.resolve("worked-example.json"), """
                {"format": 1, "id": "worked-example", "title": "Worked example", "version": "1",
                 "controls": [
                %s
                ]}""".formatted(controls));
    }

    /**
     * Writes the root of device {@code id} (machine id and host name {@code id}) under {@code dir}, whose facts
     * give c1, c2, … the states in {@code states}: P pass, F fail, E error, N not applicable.
     */
    static Path device(Path dir, String id, String states) throws IOException {
        Path root = Files.createDirectories(dir.resolve(id));
        Files.createDirectories(root.resolve("etc"));
        Files.writeString(root.resolve("etc/machine-id"), id + "\n");
        Files.writeString(root.resolve("etc/hostname"), id + "\n");
        StringBuilder facts = new StringBuilder();
        for (int i = 0; i < states.length(); i++) {
            String c = "c" + (i + 1);
            char s = states.charAt(i);
            facts.append("t.").append(c).append(".applies=").append(s == 'N' ? "no" : "yes").append('\n');
            facts.append("t.").append(c).append(".value=")
                    .append(s == 'P' ? "good" : s == 'E' ? "!unreadable" : "bad").append('\n');
        }
        Files.writeString(root.resolve("facts.properties"), facts);
        return root;
    }
}
