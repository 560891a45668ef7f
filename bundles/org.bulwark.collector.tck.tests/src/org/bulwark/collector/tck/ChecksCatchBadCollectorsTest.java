package org.bulwark.collector.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.bulwark.collector.api.AssessmentContext;
import org.bulwark.collector.api.Category;
import org.bulwark.collector.api.Collector;
import org.bulwark.collector.api.Observation;
import org.bulwark.collector.api.Source;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each check fails, saying why, for a collector that breaks that part of the contract. */
class ChecksCatchBadCollectorsTest {

    @TempDir
    Path root;

    /** A collector whose behaviour the test chooses. */
    interface Body {
        List<Observation> collect(AssessmentContext context) throws Exception;
    }

    static Collector collector(String id, Set<String> provides, Body body) {
        return new Collector() {
            @Override
            public String id() {
                return id;
            }

            @Override
            public Category category() {
                return Category.APPLICATION;
            }

            @Override
            public Set<String> provides() {
                return provides;
            }

            @Override
            public List<Observation> collect(AssessmentContext context) throws Exception {
                return body.collect(context);
            }
        };
    }

    private static final Source SRC = Source.file("/etc/x", 1);

    @Test
    void wellBehavedCollectorPassesEveryCheck() throws Exception {
        Collector good = new SampleCollector();
        CollectorChecks.declaresIdCategoryAndProvides(good);
        CollectorChecks.wellFormed(good, CollectorChecks.writesNothing(good, root, Duration.ofSeconds(5)));
        CollectorChecks.honoursTheDeadline(good, root, Duration.ofSeconds(5));
    }

    @Test
    void badDeclarations() {
        AssertionError e = assertThrows(AssertionError.class, () -> CollectorChecks
                .declaresIdCategoryAndProvides(collector("has space", Set.of("a.b"), c -> List.of())));
        assertEquals("id() must be a non-blank word without spaces, was 'has space'", e.getMessage());
        e = assertThrows(AssertionError.class, () -> CollectorChecks
                .declaresIdCategoryAndProvides(collector("x", Set.of("Bad Key"), c -> List.of())));
        assertEquals("provides() entry 'Bad Key' is neither a key nor a prefix ending in .*", e.getMessage());
    }

    @Test
    void malformedObservations() {
        Collector undeclared = collector("x", Set.of("x.a"),
                c -> List.of(Observation.of("x.a", "1", SRC), Observation.of("y.b", "1", SRC)));
        AssertionError e = assertThrows(AssertionError.class,
                () -> CollectorChecks.wellFormed(undeclared, undeclared.collect(null)));
        assertEquals("x: key y.b is not covered by provides() [x.a]", e.getMessage());

        Collector missing = collector("x", Set.of("x.a", "x.b"), c -> List.of(Observation.of("x.a", "1", SRC)));
        e = assertThrows(AssertionError.class, () -> CollectorChecks.wellFormed(missing, missing.collect(null)));
        assertTrue(e.getMessage().startsWith("x: key x.b is declared in provides() but not reported"), e.getMessage());

        Collector noSource = collector("x", Set.of("x.*"), c -> List.of(Observation.of("x.a", "1", null)));
        e = assertThrows(AssertionError.class, () -> CollectorChecks.wellFormed(noSource, noSource.collect(null)));
        assertEquals("x: x.a is PRESENT without a source (evidence)", e.getMessage());

        Collector twice = collector("x", Set.of("x.*"),
                c -> List.of(Observation.of("x.a", "1", SRC), Observation.of("x.a", "2", SRC)));
        e = assertThrows(AssertionError.class, () -> CollectorChecks.wellFormed(twice, twice.collect(null)));
        assertEquals("x: key x.a is reported twice", e.getMessage());
    }

    @Test
    void collectorThatIgnoresTheDeadline() {
        Collector stubborn = collector("stubborn", Set.of("s.a"), c -> {
            long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (System.nanoTime() < end) {
                Thread.onSpinWait(); // ignores both the deadline and interrupts
            }
            return List.of();
        });
        AssertionError e = assertThrows(AssertionError.class,
                () -> CollectorChecks.honoursTheDeadline(stubborn, root, Duration.ofMillis(300)));
        assertEquals("stubborn: collect() did not return within 1300 ms", e.getMessage());
    }

    @Test
    void collectorThatWritesIntoTheRoot() throws Exception {
        Files.createDirectories(root.resolve("etc"));
        Files.writeString(root.resolve("etc/x"), "a=1\n");
        Collector writer = collector("writer", Set.of("w.a"), c -> {
            try {
                Files.writeString(c.resolve("/etc/x"), "a=2\n");
            } catch (java.io.IOException ignored) {
                // not running as root: the read-only root refused it
            }
            try {
                Files.writeString(c.resolve("/cache.tmp"), "x");
            } catch (java.io.IOException ignored) {
                // as above
            }
            return List.of(Observation.of("w.a", "1", SRC));
        });
        boolean superuser = "root".equals(System.getProperty("user.name"));
        if (superuser) {
            AssertionError e = assertThrows(AssertionError.class,
                    () -> CollectorChecks.writesNothing(writer, root, Duration.ofSeconds(5)));
            assertTrue(e.getMessage().startsWith("writer: collect() changed the target root:"), e.getMessage());
            assertTrue(e.getMessage().contains("\n  created cache.tmp"), e.getMessage());
            assertTrue(e.getMessage().contains("\n  changed etc/x"), e.getMessage());
        } else {
            // The read-only root stopped the writes; the snapshot comparison still passes, and a writer that
            // gets through (e.g. by changing permissions back) is caught by the snapshot.
            CollectorChecks.writesNothing(writer, root, Duration.ofSeconds(5));
            Collector chmodder = collector("chmodder", Set.of("w.a"), c -> {
                Path etc = c.resolve("/etc");
                etc.toFile().setWritable(true);
                Files.writeString(c.resolve("/etc/new"), "x");
                return List.of(Observation.of("w.a", "1", SRC));
            });
            AssertionError e = assertThrows(AssertionError.class,
                    () -> CollectorChecks.writesNothing(chmodder, root, Duration.ofSeconds(5)));
            assertTrue(e.getMessage().contains("created etc/new"), e.getMessage());
        }
    }
}
