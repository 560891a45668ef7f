package org.bulwark.server.internal;

import static org.bulwark.server.internal.ServerFixture.JSON;
import static org.bulwark.server.internal.ServerFixture.error;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

/** The server under misbehaving clients, a stop during uploads, an unavailable store, and its health checks. */
class OperabilityTest extends ServerTestBase {

    @Test
    void keepsServingWhileClientsMisbehave() throws Exception {
        // a client that sends half a request and goes away, then one that claims a huge body
        try (Socket s = new Socket("127.0.0.1", fleet.running.port())) {
            s.getOutputStream().write("POST /api/assessments HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n{"
                    .getBytes(StandardCharsets.US_ASCII));
        }
        HttpResponse<String> r = fleet.http.send(HttpRequest.newBuilder(URI.create(fleet.base + "/api/assessments"))
                .header("Authorization", "Bearer " + fleet.agent).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[1024 * 1024])).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals("the upload is larger than 262144 bytes", error(r, 413, "payload_too_large"));
        assertEquals(3, fleet.get("/api/machines", fleet.admin).get("count").asInt());
    }

    @Test
    void slowClientsDoNotKeepOthersWaitingAndAreClosed() throws Exception {
        assertEquals("10", System.getProperty(HttpLimits.MAX_REQ_TIME), "the server set the JDK server's limit");
        List<Socket> slow = new ArrayList<>();
        try {
            // 50 clients that send one byte of a request head and nothing more (4 request handlers here)
            for (int i = 0; i < 50; i++) {
                Socket s = new Socket("127.0.0.1", fleet.running.port());
                s.getOutputStream().write('G');
                s.getOutputStream().flush();
                slow.add(s);
            }
            Thread.sleep(200); // every one of them has a thread reading its head now
            long start = System.nanoTime();
            assertEquals(3, fleet.get("/api/machines", fleet.admin).get("count").asInt());
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertTrue(millis < 3000, "answered in " + millis + " ms");
            // within the head's time limit (10 s, checked every second) each slow client is disconnected
            for (Socket s : slow) {
                s.setSoTimeout(15_000);
                assertEquals(-1, readClosed(s.getInputStream()), "a slow client is disconnected");
            }
        } finally {
            for (Socket s : slow) {
                s.close();
            }
        }
        assertEquals(3, fleet.get("/api/machines", fleet.admin).get("count").asInt());
    }

    @Test
    void slowlySentBodiesDoNotHoldTheHandlers() throws Exception {
        List<Socket> slow = new ArrayList<>();
        try {
            // 8 authenticated uploads that send their head and one byte of a 1000-byte body (4 handlers here)
            for (int i = 0; i < 8; i++) {
                Socket s = new Socket("127.0.0.1", fleet.running.port());
                s.getOutputStream().write(("POST /api/assessments HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer "
                        + fleet.agent + "\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{").getBytes(StandardCharsets.US_ASCII));
                s.getOutputStream().flush();
                slow.add(s);
            }
            Thread.sleep(200); // each is being received now
            long start = System.nanoTime();
            assertEquals(3, fleet.get("/api/machines", fleet.admin).get("count").asInt());
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertTrue(millis < 3000, "answered in " + millis + " ms");
            // the JDK server closes a request not whole within its time limit (10 s, checked every second)
            for (Socket s : slow) {
                s.setSoTimeout(15_000);
                String answer = new String(readUntilClosed(s.getInputStream()), StandardCharsets.US_ASCII);
                assertTrue(answer.isEmpty() || answer.startsWith("HTTP/1.1 408"), answer);
            }
        } finally {
            for (Socket s : slow) {
                s.close();
            }
        }
        assertEquals(3, fleet.stored());
    }

    /** @return what the server sent before it closed the connection (or reset it) */
    private static byte[] readUntilClosed(InputStream in) throws IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try {
            int b;
            while ((b = in.read()) >= 0) {
                out.write(b);
            }
        } catch (SocketException reset) {
            // closed
        }
        return out.toByteArray();
    }

    /** @return -1 when the server closed the connection (or reset it) before the socket's timeout */
    private static int readClosed(InputStream in) throws IOException {
        try {
            return in.read();
        } catch (SocketTimeoutException e) {
            return -2;
        } catch (SocketException reset) {
            return -1;
        }
    }

    @Test
    void aRequestHeadOverItsSizeLimitIsRefused() throws Exception {
        try (Socket s = new Socket("127.0.0.1", fleet.running.port())) {
            s.setSoTimeout(10_000);
            String head = "GET /api/health HTTP/1.1\r\nHost: x\r\nX-Big: " + "a".repeat(70 * 1024) + "\r\n\r\n";
            try {
                s.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
            } catch (SocketException e) {
                // closed while we were still writing: refused too
            }
            String answer;
            try {
                answer = new String(s.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
            } catch (SocketException e) {
                answer = "";
            }
            assertEquals("", answer, "the JDK server closes such a connection without an answer");
        }
        assertEquals(200, fleet.send("GET", "/api/health", null, null).statusCode(), "still serving");
    }

    @Test
    void healthChecksNeedNoTokenAndReadinessFollowsTheStore() throws Exception {
        HttpResponse<String> live = fleet.send("GET", "/api/health", null, null);
        assertEquals(200, live.statusCode());
        assertEquals(JSON.readTree("{\"status\":\"UP\"}"), JSON.readTree(live.body()));
        HttpResponse<String> ready = fleet.send("GET", "/api/health/ready", null, null);
        assertEquals(200, ready.statusCode());
        assertEquals(JSON.readTree("{\"status\":\"READY\",\"store\":\"UP\"}"), JSON.readTree(ready.body()));
        fleet.store.close();
        HttpResponse<String> down = fleet.send("GET", "/api/health/ready", null, null);
        assertEquals(503, down.statusCode());
        assertEquals("5", down.headers().firstValue("Retry-After").orElse(null));
        assertEquals(JSON.readTree("{\"status\":\"NOT_READY\",\"store\":\"DOWN\"}"), JSON.readTree(down.body()));
        assertEquals(200, fleet.send("GET", "/api/health", null, null).statusCode(), "still alive");
        // a query that needs the store: 503 with Retry-After, and nothing of the store's location
        HttpResponse<String> exceptions = fleet.send("GET", "/api/exceptions", fleet.admin, null);
        assertEquals("the store is unavailable: try again later", error(exceptions, 503, "store_unavailable"));
        assertEquals("5", exceptions.headers().firstValue("Retry-After").orElse(null));
        // the fleet in memory still answers
        assertEquals(3, fleet.get("/api/machines", fleet.admin).get("count").asInt());
    }

    @Test
    void stoppingDuringUploadsLosesNoAcknowledgedUpload() throws Exception {
        int n = 40;
        List<byte[]> bodies = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            bodies.add(fleet.report("stop-" + i, "stop-host-" + i, "Debian GNU/Linux 12", i % 20));
        }
        ExecutorService clients = Executors.newFixedThreadPool(8);
        List<Future<Integer>> answers = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            byte[] body = bodies.get(i);
            answers.add(clients.submit(() -> {
                try {
                    return fleet.http.send(HttpRequest.newBuilder(URI.create(fleet.base + "/api/assessments"))
                            .timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + fleet.agent)
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                            HttpResponse.BodyHandlers.discarding()).statusCode();
                } catch (IOException e) {
                    return -1;
                }
            }));
        }
        Thread.sleep(300);
        fleet.running.stop(5);
        Set<String> acknowledged = new TreeSet<>();
        for (int i = 0; i < n; i++) {
            int status = answers.get(i).get();
            assertTrue(status == 201 || status == -1 || status >= 500, "upload " + i + ": " + status);
            if (status == 201) {
                acknowledged.add("stop-" + i);
            }
        }
        clients.shutdown();
        Set<String> stored = new TreeSet<>();
        fleet.store.devices().forEach(d -> stored.add(d.id()));
        assertFalse(acknowledged.isEmpty(), "some uploads were acknowledged before the stop");
        assertTrue(stored.containsAll(acknowledged), "acknowledged " + acknowledged + ", stored " + stored);
    }
}
