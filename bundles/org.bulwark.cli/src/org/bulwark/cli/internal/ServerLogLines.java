package org.bulwark.cli.internal;

import java.io.PrintWriter;
import java.time.Instant;

import org.osgi.service.log.LogEntry;
import org.osgi.service.log.LogListener;
import org.osgi.service.log.LogReaderService;

/**
 * Prints the fleet server's access and audit log entries (loggers {@code org.bulwark.server.access} and
 * {@code org.bulwark.server.audit} of the OSGi Log Service) to {@code bulwark serve}'s stderr, one line each:
 * {@code access 2026-12-03T08:00:00.123Z 127.0.0.1 GET /api/machines 200 3 ms tok_… (name, ROLE)}, so a service
 * manager's journal keeps them.
 */
final class ServerLogLines implements LogListener {

    private static final String PREFIX = "org.bulwark.server.";

    private final PrintWriter out;

    private ServerLogLines(PrintWriter out) {
        this.out = out;
    }

    /** Starts printing the entries that {@code reader} gets from now on. */
    static void print(LogReaderService reader, PrintWriter out) {
        reader.addLogListener(new ServerLogLines(out));
    }

    @Override
    public void logged(LogEntry entry) {
        String name = entry.getLoggerName();
        if (name == null || !name.startsWith(PREFIX)) {
            return;
        }
        String kind = name.substring(PREFIX.length());
        synchronized (out) {
            out.println(kind + " " + Instant.ofEpochMilli(entry.getTime()) + " " + entry.getMessage());
            out.flush();
        }
    }
}
