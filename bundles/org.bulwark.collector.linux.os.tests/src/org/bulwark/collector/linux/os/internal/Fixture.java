package org.bulwark.collector.linux.os.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import org.bulwark.collector.api.AssessmentContext;
import org.bulwark.collector.api.PlatformFacts;

/** A fixture root filesystem in a temporary directory. */
final class Fixture {

    final Path root;

    Fixture(Path root) {
        this.root = root;
    }

    /** Writes {@code lines} (each followed by a newline) to the target path {@code path}. */
    Fixture write(String path, String... lines) {
        try {
            Path file = root.resolve(path.substring(1));
            Files.createDirectories(file.getParent());
            StringBuilder b = new StringBuilder();
            for (String l : lines) {
                b.append(l).append('\n');
            }
            Files.writeString(file, b.toString(), StandardCharsets.UTF_8);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Creates a symbolic link at target path {@code path} pointing to {@code target} (as written). */
    Fixture link(String path, String target) {
        try {
            Path file = root.resolve(path.substring(1));
            Files.createDirectories(file.getParent());
            Files.createSymbolicLink(file, Path.of(target));
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Creates a directory at target path {@code path}. */
    Fixture dir(String path) {
        try {
            Files.createDirectories(root.resolve(path.substring(1)));
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    AssessmentContext context(boolean live) {
        return new AssessmentContext() {
            @Override
            public Path root() {
                return root;
            }

            @Override
            public boolean live() {
                return live;
            }

            @Override
            public PlatformFacts platform() {
                return new PlatformFacts("linux", "debian", "12", "Debian GNU/Linux 12", "amd64", "test", "0");
            }

            @Override
            public Instant deadline() {
                return Instant.now().plusSeconds(60);
            }

            @Override
            public boolean isCancelled() {
                return false;
            }
        };
    }

    /**
     * Runs {@code collector} on this root and checks the collector contract: every key is well-formed, reported
     * once, covered by {@code provides()}, and every exact key provided is reported.
     */
    java.util.Map<String, org.bulwark.collector.api.Observation> collect(org.bulwark.collector.api.Collector collector,
            boolean live) throws Exception {
        java.util.Map<String, org.bulwark.collector.api.Observation> byKey = new java.util.LinkedHashMap<>();
        for (org.bulwark.collector.api.Observation o : collector.collect(context(live))) {
            org.junit.jupiter.api.Assertions.assertTrue(
                    org.bulwark.collector.api.Observation.KEY_PATTERN.matcher(o.key()).matches(), o.key());
            org.junit.jupiter.api.Assertions.assertNull(byKey.put(o.key(), o), "reported twice: " + o.key());
            org.junit.jupiter.api.Assertions.assertTrue(collector.provides().stream()
                    .anyMatch(p -> org.bulwark.collector.api.Collector.covers(p, o.key())), "not provided: " + o.key());
        }
        for (String p : collector.provides()) {
            org.junit.jupiter.api.Assertions.assertTrue(p.endsWith(".*") || byKey.containsKey(p), "not reported: " + p);
        }
        return byKey;
    }
}
