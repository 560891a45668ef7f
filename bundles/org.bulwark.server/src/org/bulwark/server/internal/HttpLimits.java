package org.bulwark.server.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The JDK HTTP server's limits and the server's request threads. The JDK server reads its limits from system
 * properties once per JVM, when its configuration class is first loaded; its defaults wait forever for a request's
 * head and for a slow reader of an answer. {@link #apply()} sets the server's own values, each unless it is already
 * set (so {@code -Dsun.net.httpserver.maxReqTime=…} on the command line wins):
 * <ul>
 * <li>{@value #NODELAY} {@code true}: answers without Nagle's delay (the JDK server writes an answer's head and body
 * separately, and with the client's delayed ACK each answer on a kept-alive connection waited 40 ms)</li>
 * <li>{@value #MAX_REQ_TIME} {@code 10} s to send a whole request: its head (request line and headers) and its body
 * (the JDK server counts until the body's last byte); a connection still sending it then is closed</li>
 * <li>{@value #MAX_RSP_TIME} {@code 120} s to take an answer</li>
 * <li>{@value #MAX_REQ_HEADERS} {@code 100} headers, {@value #MAX_REQ_HEADER_SIZE} {@code 65536} bytes of them</li>
 * <li>{@value #MAX_CONNECTIONS} {@code 512} connections at once; the JDK server closes any beyond</li>
 * </ul>
 * The JDK server reads a connection's request head on a thread of its executor. The executor therefore keeps
 * {@code handlers} threads and adds one per connection whose head is still being read (at most the connection
 * limit), while the {@link Router} lets only {@code handlers} requests be handled at once: clients slow to send their
 * head take a thread each until {@value #MAX_REQ_TIME} closes them, not a handler.
 */
final class HttpLimits {

    static final String NODELAY = "sun.net.httpserver.nodelay";
    static final String MAX_REQ_TIME = "sun.net.httpserver.maxReqTime";
    static final String MAX_RSP_TIME = "sun.net.httpserver.maxRspTime";
    static final String MAX_REQ_HEADERS = "sun.net.httpserver.maxReqHeaders";
    static final String MAX_REQ_HEADER_SIZE = "sun.net.httpserver.maxReqHeaderSize";
    static final String MAX_CONNECTIONS = "jdk.httpserver.maxConnections";

    /** The values {@link #apply()} sets, by property. */
    static final Map<String, String> VALUES = values();

    /** Threads beyond the handlers when the connection limit is switched off ({@code -1}). */
    private static final int UNLIMITED_EXTRA = 1024;

    private HttpLimits() {
    }

    private static Map<String, String> values() {
        Map<String, String> v = new LinkedHashMap<>();
        v.put(NODELAY, "true");
        v.put(MAX_REQ_TIME, "10");
        v.put(MAX_RSP_TIME, "120");
        v.put(MAX_REQ_HEADERS, "100");
        v.put(MAX_REQ_HEADER_SIZE, "65536");
        v.put(MAX_CONNECTIONS, "512");
        return java.util.Collections.unmodifiableMap(v);
    }

    /** Sets every limit that is not set yet; before the first JDK HTTP server of the JVM is created. */
    static void apply() {
        VALUES.forEach((name, value) -> {
            if (System.getProperty(name) == null) {
                System.setProperty(name, value);
            }
        });
    }

    /**
     * @param handlers the threads kept for handling requests
     * @return the JDK server's executor: {@code handlers} threads, and one more per connection whose head is being
     *         read, up to the connection limit; daemon threads named {@code bulwark-http-N}
     */
    static ThreadPoolExecutor executor(int handlers) {
        int limit = Integer.getInteger(MAX_CONNECTIONS, -1);
        int core = Math.max(1, handlers);
        AtomicInteger n = new AtomicInteger();
        return new ThreadPoolExecutor(core, core + (limit > 0 ? limit : UNLIMITED_EXTRA), 30, TimeUnit.SECONDS,
                new SynchronousQueue<>(), r -> {
                    Thread t = new Thread(r, "bulwark-http-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
    }
}
