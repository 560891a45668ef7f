package org.bulwark.server.internal;

import static org.bulwark.server.internal.ServerFixture.error;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The server's bounds under load (issue 16, finding 6): requests that find every receiver taken are answered 503
 * with {@code Retry-After} (the agent's cue to come back), never queued without end; connections beyond the limit
 * are closed, and the server answers again once they are gone. One handler here, so four receivers, and a short
 * wait for them.
 */
class LimitsTest extends ServerTestBase {

    @Override
    ServerFixture fixture() throws Exception {
        System.setProperty(Router.HANDLER_WAIT_PROPERTY, "500");
        try {
            ServerFixture f = ServerFixture.withTokens(this::storeUrl, 1);
            assertEquals(201, f.upload(f.agent, f.report("m-web", "web-1", "Debian GNU/Linux 12", 0), null)
                    .statusCode());
            return f;
        } finally {
            System.clearProperty(Router.HANDLER_WAIT_PROPERTY); // read when the server starts
        }
    }

    private Socket slowUpload() throws IOException {
        Socket s = new Socket("127.0.0.1", fleet.running.port());
        s.getOutputStream().write(("POST /api/assessments HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + fleet.agent
                + "\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{")
                .getBytes(StandardCharsets.US_ASCII));
        s.getOutputStream().flush();
        return s;
    }

    @Test
    void uploadsThatFindEveryReceiverTakenAre503WithRetryAfter() throws Exception {
        List<Socket> slow = new ArrayList<>();
        try {
            for (int i = 0; i < Router.RECEIVERS_PER_HANDLER; i++) {
                slow.add(slowUpload());
            }
            Thread.sleep(300); // each holds a receiver now
            HttpResponse<String> busy = fleet.upload(fleet.agent, fleet.report("m-web", "web-1",
                    "Debian GNU/Linux 12", 1), "busy-1");
            assertEquals("the server is busy: try again later", error(busy, 503, "busy"));
            assertEquals(String.valueOf(Router.RETRY_AFTER), busy.headers().firstValue("Retry-After").orElse(""));
            // reading needs no receiver: the fleet is still answered
            assertEquals(1, fleet.get("/api/machines", fleet.admin).get("count").asInt());
        } finally {
            for (Socket s : slow) {
                s.close();
            }
        }
        Thread.sleep(300);
        assertEquals(201, fleet.upload(fleet.agent, fleet.report("m-web", "web-1", "Debian GNU/Linux 12", 1),
                "busy-1").statusCode(), "the same upload, sent again when the server is free, is stored");
        assertEquals(2, fleet.stored());
    }

    @Test
    void connectionsBeyondTheLimitAreClosedAndTheServerRecovers() throws Exception {
        int limit = Integer.parseInt(HttpLimits.VALUES.get(HttpLimits.MAX_CONNECTIONS));
        assertEquals(String.valueOf(limit), System.getProperty(HttpLimits.MAX_CONNECTIONS));
        List<Socket> idle = new ArrayList<>();
        try {
            for (int i = 0; i < limit + 8; i++) {
                idle.add(new Socket("127.0.0.1", fleet.running.port()));
            }
            Thread.sleep(500); // accepted
            try (Socket extra = new Socket("127.0.0.1", fleet.running.port())) {
                extra.setSoTimeout(5000);
                String answer;
                try {
                    extra.getOutputStream().write("GET /api/health HTTP/1.1\r\nHost: x\r\n\r\n"
                            .getBytes(StandardCharsets.US_ASCII));
                    byte[] b = extra.getInputStream().readNBytes(12);
                    answer = new String(b, StandardCharsets.US_ASCII);
                } catch (SocketException closed) {
                    answer = "";
                } catch (SocketTimeoutException e) {
                    answer = "no answer";
                }
                assertEquals("", answer, "a connection beyond " + limit + " is closed unanswered");
            }
        } finally {
            for (Socket s : idle) {
                s.close();
            }
        }
        long deadline = System.nanoTime() + 10_000_000_000L;
        int status = 0;
        while (System.nanoTime() < deadline && status != 200) {
            try {
                status = fleet.http.send(HttpRequest.newBuilder(URI.create(fleet.base + "/api/health")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode();
            } catch (IOException e) {
                Thread.sleep(100);
            }
        }
        assertEquals(200, status, "answered again once the connections are gone");
        assertTrue(fleet.get("/api/machines", fleet.admin).get("count").asInt() == 1);
    }
}
