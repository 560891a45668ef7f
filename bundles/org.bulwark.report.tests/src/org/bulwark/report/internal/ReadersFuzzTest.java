package org.bulwark.report.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.bulwark.benchmark.api.BenchmarkException;
import org.bulwark.benchmark.api.BenchmarkLoader;
import org.bulwark.benchmark.api.LocatedException;
import org.bulwark.report.api.ReportException;
import org.bulwark.report.api.ReportFormat;
import org.bulwark.testing.Services;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Fuzzes the readers of untrusted files (issue 16): the report and upload reader and the content loader (the
 * {@code BenchmarkLoader} service) get thousands of mutated and random documents from a fixed seed. Each must
 * return or throw its documented exception naming the input, never anything else, each within seconds and
 * allocating no more than a bound proportional to the input. (A plain JUnit 5 fuzzer: jqwik cannot run in
 * tycho-surefire, whose JUnit provider embeds its own JUnit Platform and engines.)
 */
class ReadersFuzzTest {

    private static final long SEED = 20261202L;
    private static final int INPUTS = 2500;
    /** What one read may allocate: a fixed part plus a multiple of the input's size. */
    private static final long FIXED_BYTES = 16L << 20;
    private static final int PER_INPUT_BYTE = 64;

    private static final String CONTENT = "{\"format\": 1, \"id\": \"fuzz\", \"title\": \"Fuzz\", \"version\": \"1\","
            + " \"controls\": [{\"id\": \"t.a\", \"title\": \"A\", \"category\": \"operating-system\", \"weight\": 8,"
            + " \"description\": \"d\", \"rationale\": \"r\", \"expect\": {\"key\": \"linux.a.b\", \"op\": \"le\","
            + " \"value\": 2}, \"remediation\": {\"type\": \"configuration-change\", \"text\": \"t\", \"script\": \"s\"},"
            + " \"references\": {\"cis\": [\"1\"], \"nist\": [\"SC-30\"]}}, {\"id\": \"t.b\", \"title\": \"B\","
            + " \"category\": \"network\", \"weight\": 9, \"rationale\": \"r\", \"applicability\": {\"when\":"
            + " {\"key\": \"linux.p\", \"op\": \"present\"}, \"reason\": \"no p\"}, \"expect\": {\"any\": [{\"key\":"
            + " \"linux.s\", \"op\": \"oneOf\", \"values\": [\"no\", \"x\"]}, {\"none\": [{\"key\": \"linux.m\","
            + " \"op\": \"matches\", \"value\": \"r[w]\", \"match\": \"any\"}]}]}, \"remediation\": {\"type\":"
            + " \"file-permissions\", \"text\": \"t\"}}]}";

    private interface Read {
        void read(String origin, byte[] input) throws LocatedException;
    }

    @Test
    void theReportReaderTakesAnyInput() throws Exception {
        JsonReportReader reader = new JsonReportReader();
        List<String> corpus = reports();
        fuzz(corpus.subList(0, 1), corpus, ReportException.class,
                (origin, in) -> reader.read(origin, new ByteArrayInputStream(in)));
        fuzz(corpus, corpus, ReportException.class,
                (origin, in) -> reader.readUpload(origin, new ByteArrayInputStream(in)));
    }

    @Test
    void theContentLoaderTakesAnyInput() throws Exception {
        BenchmarkLoader loader = Services.await(BenchmarkLoader.class, Duration.ofSeconds(5));
        assertEquals(2, loader.load("content", new ByteArrayInputStream(CONTENT.getBytes(StandardCharsets.UTF_8)))
                .controls().size());
        fuzz(List.of(CONTENT), List.of(CONTENT), BenchmarkException.class,
                (origin, in) -> loader.load(origin, new ByteArrayInputStream(in)));
    }

    private static List<String> reports() throws Exception {
        ReportService writer = new ReportService();
        List<String> corpus = new ArrayList<>();
        for (ReportFormat f : List.of(ReportFormat.JSON, ReportFormat.UPLOAD)) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            writer.write(Fixtures.assessment(), f, out);
            corpus.add(out.toString(StandardCharsets.UTF_8));
        }
        return corpus;
    }

    /** Feeds {@code good} and then {@value #INPUTS} inputs made from {@code corpus} to {@code read}. */
    private static void fuzz(List<String> good, List<String> corpus, Class<? extends LocatedException> documented,
            Read read) throws Exception {
        for (String g : good) {
            read.read("good", g.getBytes(StandardCharsets.UTF_8));
        }
        Mutations inputs = new Mutations(SEED, corpus, names(corpus));
        Allocation allocation = new Allocation();
        assertTimeoutPreemptively(Duration.ofMinutes(5), () -> {
            int refused = 0;
            for (int i = 0; i < INPUTS; i++) {
                byte[] input = inputs.next();
                String origin = "input-" + i;
                long allocated = allocation.now();
                long started = System.nanoTime();
                try {
                    read.read(origin, input);
                } catch (LocatedException e) {
                    if (!documented.isInstance(e) || !e.getMessage().startsWith(origin + ":")) {
                        fail(origin + " (" + show(input) + "): " + e, e);
                    }
                    refused++;
                } catch (Throwable t) {
                    fail(origin + " (" + show(input) + ") threw " + t, t);
                }
                long millis = (System.nanoTime() - started) / 1_000_000;
                assertTrue(millis < 10_000, origin + " took " + millis + " ms: " + show(input));
                long bytes = allocation.now() - allocated;
                allocation.most = Math.max(allocation.most, bytes);
                long bound = FIXED_BYTES + (long) PER_INPUT_BYTE * input.length;
                assertTrue(allocation.unknown() || bytes <= bound,
                        origin + " allocated " + bytes + " bytes, more than " + bound + ": " + show(input));
            }
            assertTrue(refused > INPUTS / 2, "most mutations are refused: " + refused + " of " + INPUTS);
            System.out.println("fuzz: " + refused + " of " + INPUTS + " refused; at most " + allocation.most
                    + " bytes allocated by one input" + (allocation.unknown() ? " (not measured)" : ""));
        });
    }

    /** The field names of {@code corpus}, to build random trees that get past the first checks. */
    private static List<String> names(List<String> corpus) throws Exception {
        Set<String> names = new LinkedHashSet<>();
        for (String doc : corpus) {
            collect(new ObjectMapper().readTree(doc), names);
        }
        return List.copyOf(names);
    }

    private static void collect(JsonNode node, Set<String> names) {
        for (Iterator<String> it = node.fieldNames(); it.hasNext();) {
            names.add(it.next());
        }
        node.forEach(child -> collect(child, names));
    }

    private static String show(byte[] input) {
        String s = new String(input, StandardCharsets.UTF_8);
        return s.length() > 300 ? s.substring(0, 300) + "… (" + input.length + " bytes)" : s;
    }

    /** Bytes allocated by the current thread, where the JVM counts them (HotSpot's com.sun.management). */
    private static final class Allocation {
        private final Object bean = ManagementFactory.getThreadMXBean();
        private final Method allocated = method();
        long most;

        private static Method method() {
            try {
                Class<?> type = Class.forName("com.sun.management.ThreadMXBean", false,
                        ClassLoader.getSystemClassLoader());
                return type.getMethod("getCurrentThreadAllocatedBytes");
            } catch (ReflectiveOperationException e) {
                return null;
            }
        }

        boolean unknown() {
            return allocated == null;
        }

        long now() throws ReflectiveOperationException {
            return allocated == null ? 0 : (Long) allocated.invoke(bean);
        }
    }
}
