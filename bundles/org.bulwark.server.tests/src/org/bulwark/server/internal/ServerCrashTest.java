package org.bulwark.server.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.bulwark.server.api.Role;
import org.bulwark.store.api.AssessmentStore;
import org.bulwark.store.api.AssessmentStoreFactory;
import org.bulwark.store.api.AssessmentSummary;
import org.bulwark.testing.ChildJvm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.FrameworkUtil;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Kills the real server ({@code kill -9}) in the middle of concurrent uploads with {@code Upload-Id}s, three
 * times, and restarts it on the same data directory and store: the server runs in a JVM of its own
 * ({@link ServerChild}: an Equinox framework with the test runtime's bundles, the store and the server opened
 * through their services as {@code bulwark serve} does). After each restart every upload answered 201 is stored
 * under the id it was answered with, and its retry is answered "duplicate" with that id; the retry of every upload
 * that was not answered 201 is stored, and a second retry is answered "duplicate"; in the end each upload is
 * stored exactly once.
 */
class ServerCrashTest {

    private static final int ROUNDS = 3;
    private static final int CLIENTS = 12;

    @TempDir
    Path dir;

    /** One upload: its own machine, its Upload-Id, its document, and the id it was answered with (or 0). */
    private static final class Upload {
        final String machine;
        final String uploadId;
        final byte[] body;
        volatile long acknowledged;
        long stored;

        Upload(String machine, String uploadId, byte[] body) {
            this.machine = machine;
            this.uploadId = uploadId;
            this.body = body;
        }
    }

    @Test
    void aKilledServerLosesNoAcknowledgedUploadAndStoresEveryRetryOnce() throws Exception {
        crashes(ServerFixture.h2(dir.resolve("data")));
    }

    @Test
    @EnabledIfEnvironmentVariable(named = "BULWARK_TEST_PG_URL", matches = "jdbc:postgresql:.+")
    void aKilledServerLosesNoAcknowledgedUploadOnPostgres() throws Exception {
        crashes(PostgresServerTest.schema());
    }

    private void crashes(String url) throws Exception {
        Path data = Files.createDirectories(dir.resolve("data"));
        long seed = System.nanoTime();
        Random random = new Random(seed);
        List<Upload> all = new ArrayList<>();
        List<String> rounds = new ArrayList<>();
        try (ServerFixture docs = ServerFixture.empty(ServerFixture::h2)) {
            String agent = docs.server.createToken(data, "agent", Role.AGENT, Set.of("*"));
            List<Upload> previous = List.of();
            for (int round = 0; round <= ROUNDS; round++) {
                try (Child child = new Child(data, url, round)) {
                    String base = "http://127.0.0.1:" + child.port;
                    int found = retry(docs, base, agent, previous, "round " + round + " (seed " + seed + ")");
                    if (round > 0) {
                        rounds.set(round - 1, rounds.get(round - 1) + ", " + found
                                + " unacknowledged found stored on restart");
                    }
                    if (round == ROUNDS) {
                        break;
                    }
                    List<Upload> mine = new ArrayList<>();
                    for (int i = 0; i < 400; i++) {
                        String machine = "crash-" + round + "-" + i;
                        mine.add(new Upload(machine, "u-" + round + "-" + i,
                                docs.report(machine, "crash-host", "Debian GNU/Linux 12", i % 20)));
                    }
                    int killAfter = 5 + random.nextInt(60);
                    int sent = load(docs, base, agent, mine, killAfter, child);
                    List<Upload> attempted = mine.subList(0, sent);
                    long acknowledged = attempted.stream().filter(u -> u.acknowledged > 0).count();
                    rounds.add("round " + round + ": " + sent + " sent, " + acknowledged + " acknowledged, killed after "
                            + killAfter);
                    assertTrue(acknowledged >= killAfter, rounds.toString());
                    all.addAll(attempted);
                    previous = attempted;
                }
            }
            // every upload stored exactly once, under the id it was answered with (or its retry's)
            try (AssessmentStore store = ServerFixture.service(AssessmentStoreFactory.class).open(url)) {
                List<String> wrong = new ArrayList<>();
                for (Upload u : all) {
                    List<Long> ids = store.history(u.machine, null).stream().map(AssessmentSummary::id).toList();
                    if (!ids.equals(List.of(u.stored))) {
                        wrong.add(u.uploadId + " (answered " + u.acknowledged + ", retry " + u.stored + "): stored as "
                                + ids);
                    }
                }
                assertEquals(List.of(), wrong, rounds + " (seed " + seed + ")");
            }
        }
        System.out.println("ServerCrashTest " + url.substring(0, url.indexOf(':', 5)) + ": " + rounds);
    }

    /**
     * Sends {@code uploads} from {@link #CLIENTS} threads, in order, until the child is killed: once
     * {@code killAfter} of them were answered 201. @return how many were sent (answered or not)
     */
    private static int load(ServerFixture docs, String base, String agent, List<Upload> uploads, int killAfter,
            Child child) throws Exception {
        AtomicInteger next = new AtomicInteger();
        AtomicInteger answered = new AtomicInteger();
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        for (int t = 0; t < CLIENTS; t++) {
            clients.submit(() -> {
                while (child.process.isAlive()) {
                    int i = next.getAndIncrement();
                    if (i >= uploads.size()) {
                        return null;
                    }
                    Upload u = uploads.get(i);
                    try {
                        HttpResponse<String> r = send(docs, base, agent, u);
                        if (r.statusCode() == 201) {
                            u.acknowledged = json(r).get("id").asLong();
                            if (answered.incrementAndGet() == killAfter) {
                                child.process.toHandle().destroyForcibly(); // SIGKILL
                            }
                        }
                    } catch (IOException e) {
                        // the server died with this upload in flight: not acknowledged
                    }
                }
                return null;
            });
        }
        clients.shutdown();
        assertTrue(clients.awaitTermination(60, TimeUnit.SECONDS), "the clients finished");
        assertTrue(child.process.waitFor(30, TimeUnit.SECONDS), "the server was killed");
        assertEquals(137, child.process.exitValue(), "killed by SIGKILL; stderr: " + child.stderr());
        return Math.min(next.get(), uploads.size());
    }

    /**
     * Retries {@code uploads} of the round before on the restarted server, each twice. @return how many of those
     * not acknowledged were stored before the kill (answered "duplicate" at once)
     */
    private static int retry(ServerFixture docs, String base, String agent, List<Upload> uploads, String why)
            throws Exception {
        int found = 0;
        for (Upload u : uploads) {
            HttpResponse<String> r = send(docs, base, agent, u);
            JsonNode answer = json(r);
            if (u.acknowledged > 0) {
                assertEquals(200, r.statusCode(), why + ": retry of acknowledged " + u.uploadId + ": " + r.body());
                assertTrue(answer.get("duplicate").asBoolean(), why + ": " + u.uploadId + ": " + r.body());
                assertEquals(u.acknowledged, answer.get("id").asLong(), why + ": " + u.uploadId + " answered with "
                        + u.acknowledged + " first, then " + r.body());
            } else if (r.statusCode() == 200) {
                found++;
            } else if (r.statusCode() != 201) {
                fail(why + ": retry of unacknowledged " + u.uploadId + ": " + r.statusCode() + " " + r.body());
            }
            u.stored = answer.get("id").asLong();
            HttpResponse<String> again = send(docs, base, agent, u);
            assertEquals(200, again.statusCode(), why + ": second retry of " + u.uploadId + ": " + again.body());
            assertEquals(u.stored, json(again).get("id").asLong(), why + ": second retry of " + u.uploadId);
        }
        return found;
    }

    private static HttpResponse<String> send(ServerFixture docs, String base, String agent, Upload u)
            throws IOException, InterruptedException {
        return docs.http.send(HttpRequest.newBuilder(URI.create(base + "/api/assessments"))
                .timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + agent)
                .header("Content-Type", "application/json").header("Upload-Id", u.uploadId)
                .POST(HttpRequest.BodyPublishers.ofByteArray(u.body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> r) throws IOException {
        return ServerFixture.JSON.readTree(r.body());
    }

    /** A {@link ServerChild} JVM on {@code data} and {@code url}, once it printed its port. */
    private final class Child implements AutoCloseable {
        final Process process;
        final int port;
        private final Path log;
        private volatile boolean started;

        Child(Path data, String url, int round) throws Exception {
            Path bundles = dir.resolve("bundles.txt");
            Files.write(bundles, locations());
            String dev = System.getProperty("osgi.dev", "");
            log = dir.resolve("server-" + round + ".log");
            process = new ProcessBuilder(ChildJvm.java(), "-cp",
                    classpath(), ServerChild.class.getName(), bundles.toString(), dir.resolve("osgi-" + round)
                            .toString(), dev, data.toString(), url).redirectError(log.toFile()).start();
            Thread watchdog = new Thread(() -> {
                try {
                    if (!process.waitFor(90, TimeUnit.SECONDS) && !started) {
                        process.toHandle().destroyForcibly();
                    }
                } catch (InterruptedException e) {
                    // the test is over
                }
            });
            watchdog.setDaemon(true);
            watchdog.start();
            BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8));
            String line;
            while ((line = out.readLine()) != null && !line.startsWith("PORT ")) {
                // the framework's own output
            }
            if (line == null) {
                process.waitFor(10, TimeUnit.SECONDS);
                fail("the server did not start; stderr: " + stderr());
            }
            port = Integer.parseInt(line.substring("PORT ".length()));
            started = true;
            Thread drain = new Thread(() -> {
                try {
                    while (out.readLine() != null) {
                        // discarded
                    }
                } catch (IOException e) {
                    // gone
                }
            });
            drain.setDaemon(true);
            drain.start();
        }

        String stderr() throws IOException {
            return Files.exists(log) ? Files.readString(log) : "";
        }

        @Override
        public void close() throws Exception {
            process.toHandle().destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }
    }

    /** The locations of the test runtime's bundles but the test harness's, absolute. */
    private static List<String> locations() {
        return ChildJvm.bundles(ServerCrashTest.class, b -> b.getBundleId() != 0 && b.getSymbolicName() != null
                && !b.getSymbolicName().startsWith("org.eclipse.tycho.")
                && !b.getSymbolicName().equals("org.eclipse.equinox.launcher")).stream()
                .map(ChildJvm::absoluteLocation).toList();
    }

    /** The child's class path: the framework and this fragment's classes (for {@link ServerChild}). */
    private static String classpath() {
        return ChildJvm.classpath(ChildJvm.bundles(ServerCrashTest.class,
                b -> "org.bulwark.server.tests".equals(b.getSymbolicName())), ChildJvm.codeSource(FrameworkUtil.class));
    }
}
