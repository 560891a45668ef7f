package org.bulwark.operations.internal;

import static org.bulwark.testing.ExposureExample.EPSS;
import static org.bulwark.testing.ExposureExample.TRACKER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.bulwark.operations.api.FeedImport;
import org.bulwark.operations.api.FeedSource;
import org.bulwark.operations.api.Locations;
import org.bulwark.operations.api.OperationException;
import org.bulwark.operations.api.VulnerabilityOperations;
import org.bulwark.store.api.AssessmentStore;
import org.bulwark.store.api.StoredFeed;
import org.bulwark.testing.Services;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * {@code updateFeeds} against a loopback HTTP server that answers as publishers do (200, 304 to a conditional
 * request, redirects, errors) and as they should not (a stall, an endless body, a redirect off the machine in the
 * clear, a malformed feed): what is fetched is imported with its URL as origin, and whatever fails imports nothing.
 */
class FeedUpdateTest {

    @TempDir
    Path dir;

    private HttpServer server;
    private final ExecutorService pool = Executors.newCachedThreadPool();
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();
    private final List<String> conditional = new CopyOnWriteArrayList<>();
    private VulnerabilityOperations ops;

    @FunctionalInterface
    interface Answer {
        void answer(HttpExchange exchange) throws IOException;
    }

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            try (exchange) {
                String ims = exchange.getRequestHeaders().getFirst("If-Modified-Since");
                if (ims != null) {
                    conditional.add(exchange.getRequestURI().getPath() + " " + ims);
                }
                Answer a = answers.get(exchange.getRequestURI().getPath());
                if (a == null) {
                    exchange.sendResponseHeaders(404, -1);
                } else {
                    a.answer(exchange);
                }
            }
        });
        server.setExecutor(pool);
        server.start();
        ops = Services.await(VulnerabilityOperations.class);
    }

    @AfterEach
    void stop() {
        pool.shutdownNow();
        server.stop(0);
    }

    private URI url(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    private static Answer body(String text) {
        return exchange -> {
            byte[] b = text.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, b.length);
            exchange.getResponseBody().write(b);
        };
    }

    private static Answer status(int status, String location) {
        return exchange -> {
            if (location != null) {
                exchange.getResponseHeaders().add("Location", location);
            }
            exchange.sendResponseHeaders(status, -1);
        };
    }

    private AssessmentStore store() throws Exception {
        Locations locations = Services.await(Locations.class);
        return locations.opener(locations.resolve(dir.resolve("data"), null)).open();
    }

    private FeedSource tracker(URI at) {
        return FeedSource.published("tracker").orElseThrow().at(at);
    }

    private FeedSource epss(URI at) {
        return FeedSource.published("epss").orElseThrow().at(at);
    }

    private List<FeedImport> update(AssessmentStore db, Duration timeout, FeedSource... sources) throws Exception {
        return ops.updateFeeds(db, List.of(sources), timeout, Instant.parse("2026-12-04T10:00:00Z"));
    }

    @Test
    void aFeedIsFetchedThenAskedForOnlyIfModified() throws Exception {
        answers.put("/json", exchange -> {
            if (exchange.getRequestHeaders().getFirst("If-Modified-Since") != null) {
                exchange.sendResponseHeaders(304, -1);
            } else {
                body(TRACKER).answer(exchange);
            }
        });
        answers.put("/moved", status(302, "/json"));
        answers.put("/epss.csv", body(EPSS));
        try (AssessmentStore db = store()) {
            List<FeedImport> first = update(db, Duration.ofSeconds(30), tracker(url("/moved")),
                    epss(url("/epss.csv")));
            assertEquals(2, first.size());
            assertEquals(url("/moved").toString(), first.get(0).file());
            assertEquals("TRACKER", first.get(0).feed().kind());
            assertEquals(url("/moved").toString(), first.get(0).feed().origin(), "the origin is the URL asked");
            assertEquals(3, first.get(0).feed().records());
            assertTrue(first.get(0).changed());
            assertEquals("EPSS", first.get(1).feed().kind());
            assertEquals(List.of(), conditional, "nothing was stored from these URLs: unconditional requests");

            List<FeedImport> second = update(db, Duration.ofSeconds(30), tracker(url("/moved")));
            assertEquals(List.of("/moved Fri, 04 Dec 2026 10:00:00 GMT", "/json Fri, 04 Dec 2026 10:00:00 GMT"),
                    conditional, "asked with the stored feed's import time, through the redirect too");
            assertFalse(second.get(0).changed());
            assertEquals(first.get(0).feed().sha256(), second.get(0).feed().sha256());
            assertEquals(2, db.feeds().size());
        }
    }

    @Test
    void theSameContentAnsweredAgainChangesNothing() throws Exception {
        answers.put("/json", body(TRACKER));
        try (AssessmentStore db = store()) {
            StoredFeed first = update(db, Duration.ofSeconds(30), tracker(url("/json"))).get(0).feed();
            FeedImport again = update(db, Duration.ofSeconds(30), tracker(url("/json"))).get(0);
            assertFalse(again.changed());
            assertEquals(first, again.feed());
        }
    }

    @Test
    void oneFailingSourceImportsNoneAndTheStoredFeedsStay() throws Exception {
        answers.put("/json", body(TRACKER));
        answers.put("/epss.csv", body(EPSS));
        answers.put("/broken.json", body(TRACKER.substring(0, 200)));
        answers.put("/error", status(503, null));
        answers.put("/away", status(301, "http://192.0.2.1/json"));
        answers.put("/loop", status(307, "/loop"));
        try (AssessmentStore db = store()) {
            update(db, Duration.ofSeconds(30), tracker(url("/json")));
            StoredFeed kept = db.feeds().get(0);

            OperationException malformed = assertThrows(OperationException.class,
                    () -> update(db, Duration.ofSeconds(30), epss(url("/epss.csv")), tracker(url("/broken.json"))));
            assertTrue(malformed.getMessage().startsWith(url("/broken.json") + ": "), malformed.getMessage());
            assertFalse(malformed.getMessage().contains("bulwark-feeds-"), "named by its URL, not a temporary file: "
                    + malformed.getMessage());

            IOException error = assertThrows(IOException.class,
                    () -> update(db, Duration.ofSeconds(30), epss(url("/epss.csv")), tracker(url("/error"))));
            assertEquals(url("/error") + ": HTTP 503", error.getMessage());

            IOException away = assertThrows(IOException.class,
                    () -> update(db, Duration.ofSeconds(30), tracker(url("/away"))));
            assertEquals(url("/away") + ": redirected to http://192.0.2.1/json, which is not fetched (https only, "
                    + "http only from this machine's loopback address)", away.getMessage());

            IOException loop = assertThrows(IOException.class,
                    () -> update(db, Duration.ofSeconds(30), tracker(url("/loop"))));
            assertEquals(url("/loop") + ": more than 5 redirects", loop.getMessage());

            assertEquals(List.of(kept), db.feeds(), "no EPSS feed, the tracker as it was");
        }
    }

    @Test
    void onlyHttpsOrLoopbackHttpIsFetchedAndNothingIsAskedBeforeEveryUrlIsChecked() throws Exception {
        answers.put("/json", body(TRACKER));
        try (AssessmentStore db = store()) {
            for (String refused : List.of("http://192.0.2.1/json", "ftp://127.0.0.1/json",
                    "file://localhost/etc/passwd", "http://example.org./json",
                    // a name is not looked up: it could resolve to loopback when checked, elsewhere when connected
                    "http://localhost:" + server.getAddress().getPort() + "/json", "http://[::ffff:192.0.2.1]/json")) {
                OperationException e = assertThrows(OperationException.class,
                        () -> update(db, Duration.ofSeconds(30), tracker(url("/json")), epss(URI.create(refused))));
                assertEquals(refused + ": feeds are fetched over https only (http only from this machine's loopback "
                        + "address)", e.getMessage());
            }
            assertEquals(List.of(), db.feeds());
        }
        assertEquals(List.of(), conditional);
    }

    @Test
    void anUnreachableStallingOrEndlessSourceFailsCleanly() throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = s.getLocalPort();
        }
        answers.put("/stall", exchange -> {
            exchange.sendResponseHeaders(200, 1000);
            exchange.getResponseBody().write('{');
            exchange.getResponseBody().flush();
            try {
                Thread.sleep(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        try (AssessmentStore db = store()) {
            IOException offline = assertThrows(IOException.class, () -> update(db, Duration.ofSeconds(30),
                    tracker(URI.create("http://127.0.0.1:" + closed + "/json"))));
            assertTrue(offline.getMessage().startsWith("http://127.0.0.1:" + closed + "/json: cannot connect"),
                    offline.getMessage());
            assertTrue(offline.getMessage().endsWith("(offline?)"), offline.getMessage());

            IOException stalled = assertThrows(IOException.class,
                    () -> update(db, Duration.ofSeconds(1), tracker(url("/stall"))));
            assertEquals(url("/stall") + ": no whole answer within 1 s", stalled.getMessage());
            assertEquals(List.of(), db.feeds());
        }
    }

    @Test
    void anAnswerLargerThanAFeedMayBeIsCutOff() throws Exception {
        answers.put("/endless", exchange -> {
            exchange.sendResponseHeaders(200, 0); // chunked, without end
            OutputStream out = exchange.getResponseBody();
            byte[] chunk = new byte[64 * 1024];
            try {
                for (int i = 0; i < 1_000; i++) {
                    out.write(chunk);
                }
            } catch (IOException e) {
                // the client gave up, as it should
            }
        });
        try (FeedDownloads downloads = new FeedDownloads(1024 * 1024, Duration.ofSeconds(30))) {
            IOException e = assertThrows(IOException.class, () -> downloads.fetch(tracker(url("/endless")),
                    Optional.empty(), dir.resolve("endless.json")));
            assertEquals(url("/endless") + ": the answer is larger than 1048576 bytes, the most a stored feed may "
                    + "be", e.getMessage());
        }
    }
}
