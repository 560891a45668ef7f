package org.bulwark.server.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.bulwark.testing.Await;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.osgi.service.log.LogEntry;
import org.osgi.service.log.LogLevel;
import org.osgi.service.log.LogListener;
import org.osgi.service.log.LogReaderService;

/**
 * The access log (every request) and the audit log (changes, refusals) reach the OSGi Log Service, name the token
 * by id, name and role and never contain a token; a request cannot forge a line.
 */
class ServerLogTest extends ServerTestBase {

    private final List<LogEntry> entries = new CopyOnWriteArrayList<>();
    private final LogListener listener = entries::add;
    private LogReaderService reader;

    @BeforeEach
    void listen() throws Exception {
        reader = ServerFixture.service(LogReaderService.class);
        reader.addLogListener(listener);
    }

    @AfterEach
    void stopListening() {
        reader.removeLogListener(listener);
    }

    private List<String> lines(String logger) {
        // the Log Service delivers asynchronously: the fixture's uploads may arrive after the listener was added
        return entries.stream().filter(e -> logger.equals(e.getLoggerName()))
                .filter(e -> !e.getMessage().contains("POST /api/assessments"))
                .map(e -> e.getLogLevel() + " " + e.getMessage()).toList();
    }

    @Test
    void requestsAreLoggedWithTheTokensIdNameAndRoleNeverTheToken() throws Exception {
        String viewerId = fleet.server.listTokens(fleet.dir).stream().filter(t -> t.name().equals("viewer-web"))
                .findFirst().orElseThrow().id();
        String excepterId = fleet.server.listTokens(fleet.dir).stream()
                .filter(t -> t.name().equals("excepter-web")).findFirst().orElseThrow().id();
        fleet.get("/api/machines", fleet.viewerWeb);
        fleet.post("/api/exceptions", fleet.excepterWeb, "{\"id\":\"ex-log\",\"controlId\":\""
                + fleet.controls.get(0).id() + "\",\"scope\":\"device\",\"target\":\"m-web\","
                + "\"justification\":\"alternate-mitigation\"}", 201);
        fleet.send("GET", "/api/machines", "bwk_not-a-token", null);
        fleet.send("PUT", "/api/deviceGroups", fleet.viewerWeb, "[]");
        String agentId = fleet.server.listTokens(fleet.dir).stream().filter(t -> t.name().equals("agent"))
                .findFirst().orElseThrow().id();
        assertEquals(201, fleet.upload(fleet.agent, fleet.report("m-web", "web-1", "Debian GNU/Linux 12", 1),
                "log-1").statusCode());
        String uploadAccess = "127.0.0.1 POST /api/assessments 201 ";
        String uploadAudit = agentId + " (agent, AGENT) POST /api/assessments 201 upload log-1 from 127.0.0.1";
        Await.waitForAssert(() -> {
            assertTrue(entries.stream().anyMatch(e -> e.getMessage().startsWith(uploadAccess)
                    && e.getMessage().endsWith(" ms " + agentId + " (agent, AGENT) upload log-1")), entries.toString());
            assertTrue(entries.stream().anyMatch(e -> ApiLog.AUDIT.equals(e.getLoggerName())
                    && e.getMessage().equals(uploadAudit)), entries.toString());
        }, java.time.Duration.ofSeconds(10));

        Await.waitForAssert(() -> {
            assertEquals(4, lines(ApiLog.ACCESS).size(), lines(ApiLog.ACCESS).toString());
            assertEquals(3, lines(ApiLog.AUDIT).size(), lines(ApiLog.AUDIT).toString());
        }, java.time.Duration.ofSeconds(10));
        List<String> access = lines(ApiLog.ACCESS);
        assertTrue(access.get(0).matches("INFO 127\\.0\\.0\\.1 GET /api/machines 200 \\d+ ms "
                + viewerId + " \\(viewer-web, VIEWER\\)"), access.toString());
        assertTrue(access.get(2).matches("INFO 127\\.0\\.0\\.1 GET /api/machines 401 \\d+ ms -"),
                access.toString());
        assertEquals(List.of("AUDIT " + excepterId + " (excepter-web, EXCEPTION_HANDLER) POST /api/exceptions 201 "
                + "from 127.0.0.1", "AUDIT - GET /api/machines 401 from 127.0.0.1", "AUDIT " + viewerId
                + " (viewer-web, VIEWER) PUT /api/deviceGroups 403 from 127.0.0.1"),
                lines(ApiLog.AUDIT));
        for (LogEntry e : entries) {
            for (String secret : List.of(fleet.viewerWeb, fleet.excepterWeb, fleet.admin, fleet.agent,
                    "bwk_not-a-token")) {
                assertFalse(e.getMessage().contains(secret), "a token in the log: " + e.getMessage());
            }
        }
        assertEquals(LogLevel.AUDIT, entries.stream().filter(e -> ApiLog.AUDIT.equals(e.getLoggerName()))
                .findFirst().orElseThrow().getLogLevel());
    }

    @Test
    void controlCharactersCannotForgeALine() {
        assertEquals("a\\x0aINFO 1.2.3.4 GET / 200\\x0d\\x00", ApiLog.printable("a\nINFO 1.2.3.4 GET / 200\r\0"));
        assertEquals(513, ApiLog.printable("x".repeat(600)).length());
    }
}
