package org.bulwark.collector.tck;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.bulwark.collector.api.AssessmentContext;
import org.bulwark.collector.api.Collector;
import org.bulwark.collector.api.Observation;

/**
 * A fixture root filesystem in a temporary directory, for collector tests: write the files a target would
 * have (paths as the target sees them, e.g. {@code /etc/ssh/sshd_config}), then run a collector on it and get
 * its observations by key, with the collector contract checked on the way.
 */
public final class Fixture {

    private final Path root;

    /** @param root an empty directory, e.g. a JUnit {@code @TempDir} */
    public Fixture(Path root) {
        this.root = root;
    }

    /** @return the directory that stands for the target's {@code /} */
    public Path root() {
        return root;
    }

    /** Writes {@code lines} (each followed by a newline) to the target path {@code path}. */
    public Fixture write(String path, String... lines) {
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
    public Fixture link(String path, String target) {
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
    public Fixture dir(String path) {
        try {
            Files.createDirectories(root.resolve(path.substring(1)));
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sets the mode of target path {@code path} to {@code mode} (octal, set-id and sticky bits included). */
    public Fixture chmod(String path, int mode) {
        return attribute(path, "unix:mode", mode);
    }

    /** Sets the owner of target path {@code path} to the user id {@code uid} (changing it to another needs root). */
    public Fixture chown(String path, int uid) {
        return attribute(path, "unix:uid", uid);
    }

    private Fixture attribute(String path, String attribute, int value) {
        try {
            Files.setAttribute(root.resolve(path.substring(1)), attribute, value);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * @param live whether the fixture stands for the running system (facts of /proc and sockets are read) or a
     *             mounted filesystem
     * @return a context on this root for a Debian 12 target, with a deadline a minute away
     */
    public AssessmentContext context(boolean live) {
        TestContext c = TestContext.of(root, Duration.ofMinutes(1));
        return live ? new TestContext(root, true, c.platform(), c.deadline(), c.cancelled()) : c;
    }

    /**
     * Runs {@code collector} on this root and checks the collector contract: every key is well-formed, reported
     * once, covered by {@code provides()}, and every exact key provided is reported.
     *
     * @return the observations by key, in the order reported
     */
    public Map<String, Observation> collect(Collector collector, boolean live) throws Exception {
        Map<String, Observation> byKey = new LinkedHashMap<>();
        for (Observation o : collector.collect(context(live))) {
            assertTrue(Observation.KEY_PATTERN.matcher(o.key()).matches(), o.key());
            assertNull(byKey.put(o.key(), o), "reported twice: " + o.key());
            assertTrue(collector.provides().stream().anyMatch(p -> Collector.covers(p, o.key())),
                    "not provided: " + o.key());
        }
        for (String p : collector.provides()) {
            assertTrue(p.endsWith(".*") || byKey.containsKey(p), "not reported: " + p);
        }
        return byKey;
    }
}
