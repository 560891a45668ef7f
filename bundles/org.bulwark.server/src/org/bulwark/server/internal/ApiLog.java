package org.bulwark.server.internal;

import java.util.Map;

import org.osgi.service.log.LogLevel;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;
import org.osgi.service.log.admin.LoggerAdmin;

/**
 * The server's access log (every answered request) and audit log (every request that changes something, and every
 * refused authentication or authorization), written through the OSGi Log Service that Equinox provides: loggers
 * {@value #ACCESS} (INFO) and {@value #AUDIT} (AUDIT, which the Log Service always logs). An entry names the
 * caller by its token's public id, name and role, never by the token itself; bodies are never logged. A front end
 * shows them with a {@code LogReaderService} listener ({@code bulwark serve} prints them to stderr).
 */
final class ApiLog {

    static final String ACCESS = "org.bulwark.server.access";
    static final String AUDIT = "org.bulwark.server.audit";

    private final Logger access;
    private final Logger audit;

    /**
     * @param factory the Log Service's logger factory
     * @param admin   its logger admin, when there is one: the access logger is set to INFO (the default level is
     *                WARN), else only audit entries are logged
     */
    ApiLog(LoggerFactory factory, LoggerAdmin admin) {
        if (admin != null) {
            org.osgi.service.log.admin.LoggerContext root = admin.getLoggerContext(null);
            Map<String, LogLevel> levels = new java.util.HashMap<>(root.getLogLevels());
            levels.putIfAbsent(ACCESS, LogLevel.INFO);
            root.setLogLevels(levels);
        }
        this.access = factory.getLogger(ACCESS);
        this.audit = factory.getLogger(AUDIT);
    }

    /**
     * Logs one request as it is about to be answered.
     *
     * @param millis   the time from receiving the request to its answer being ready
     * @param caller   the authenticated caller, or {@code null} (a public route, or authentication failed)
     * @param uploadId the request's {@code Upload-Id}, or {@code null}
     */
    void answered(String remote, String method, String path, Tokens.Token caller, int status, String uploadId,
            long millis) {
        String who = caller == null ? "-" : caller.id() + " (" + caller.name() + ", " + caller.role() + ")";
        String upload = uploadId == null ? "" : " upload " + printable(uploadId);
        access.info(remote + " " + method + " " + printable(path) + " " + status + " " + millis + " ms " + who
                + upload);
        boolean refused = status == 401 || status == 403;
        if (refused || (!method.equals("GET") && !method.equals("HEAD") && caller != null)) {
            audit.audit(who + " " + method + " " + printable(path) + " " + status + upload + " from " + remote);
        }
    }

    /** @return {@code s} with control characters escaped, so a request cannot forge log lines */
    static String printable(String s) {
        StringBuilder b = new StringBuilder(Math.min(s.length(), 512));
        for (int i = 0; i < s.length() && i < 512; i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                b.append(String.format("\\x%02x", (int) c));
            } else {
                b.append(c);
            }
        }
        return s.length() > 512 ? b.append("…").toString() : b.toString();
    }
}
