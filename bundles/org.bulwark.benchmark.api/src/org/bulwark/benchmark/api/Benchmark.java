package org.bulwark.benchmark.api;

import java.util.List;
import java.util.Objects;

/**
 * A set of controls read from one content file.
 *
 * @param id       e.g. {@code bulwark-linux-baseline}
 * @param title    for people
 * @param version  the content's own version, e.g. {@code 2026.11}
 * @param origin   where it was read from: a file path, or {@code bundle-symbolic-name/path}
 * @param sha256   hex SHA-256 of the file's bytes, so a report names exactly the content it used
 * @param controls the controls, ids unique within the benchmark
 */
public record Benchmark(String id, String title, String version, String origin, String sha256,
        List<Control> controls) {
    public Benchmark {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(sha256, "sha256");
        controls = List.copyOf(controls);
    }
}
