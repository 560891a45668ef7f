package org.bulwark.server.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.bulwark.operations.api.OperationException;
import org.bulwark.server.api.Role;
import org.bulwark.store.api.StoreException;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

/**
 * The REST API's router, the only class that sees the {@link HttpExchange}: it finds the route, authenticates and
 * authorizes the caller ({@link BearerAuth}), turns the exchange into a {@link Request}, and the resource's
 * {@link Reply} (or error) back into the answer. Every answer is JSON (CSV exports excepted); every error is
 * {@code {"error": {"code": …, "message": …}}} with a 4xx or 5xx status, a 503 with {@code Retry-After}, a 500
 * with a reference into the server's log and no exception text.
 *
 * <p>At most {@code handlers} requests are handled at once (waiting up to {@link #HANDLER_WAIT_MS} for their turn,
 * then 503); the threads that read request heads are not counted, and a request's body is received before a
 * handler is taken (by at most {@value #RECEIVERS_PER_HANDLER} receivers per handler), so clients that are slow to
 * send their head or body (held at most {@code sun.net.httpserver.maxReqTime}, see {@link HttpLimits}) do not keep
 * others waiting.
 */
final class Router implements HttpHandler {

    /** A route: method, path template with {@code {name}} segments, the roles that may call it. */
    record Route(String method, String template, Pattern pattern, Set<Role> roles, Resource.Handler handler) {
    }

    private static final long DRAIN_BYTES = 64L * 1024 * 1024;
    /** How long a request waits for a handler (or a receiver) before it is answered 503, by default. */
    static final long HANDLER_WAIT_MS = 10_000;
    /** The system property that sets that wait ({@code BULWARK_SERVER_JAVA_OPTS=-Dbulwark.server.handlerWaitMs=…}). */
    static final String HANDLER_WAIT_PROPERTY = "bulwark.server.handlerWaitMs";
    /** How many request bodies are received at once, per handler. */
    static final int RECEIVERS_PER_HANDLER = 4;
    /** Seconds a client is told to wait after a 503. */
    static final int RETRY_AFTER = 5;
    private static final System.Logger LOG = System.getLogger("org.bulwark.server");

    private final BearerAuth auth;
    private final ApiLog log;
    private final long maxBody;
    private final Semaphore handlers;
    private final Semaphore receivers;
    private final long handlerWait = Math.max(1, Long.getLong(HANDLER_WAIT_PROPERTY, HANDLER_WAIT_MS));
    private final List<Route> routes = new ArrayList<>();

    /**
     * @param maxBody  the largest request body, as sent and as inflated
     * @param handlers how many requests are handled at once; public routes (cheap: the OpenAPI document, health)
     *                 do not count, so that a busy server still says it is alive
     */
    Router(BearerAuth auth, ApiLog log, long maxBody, int handlers, List<Resource> resources) {
        this.auth = auth;
        this.log = log;
        this.maxBody = maxBody;
        this.handlers = new Semaphore(Math.max(1, handlers), true);
        this.receivers = new Semaphore(RECEIVERS_PER_HANDLER * Math.max(1, handlers), true);
        for (Resource r : resources) {
            r.register(this::add);
        }
    }

    List<Route> routes() {
        return List.copyOf(routes);
    }

    private void add(String method, String template, Set<Role> roles, Resource.Handler handler) {
        String regex = Pattern.quote(template).replaceAll("\\{[a-zA-Z]+\\}", "\\\\E([^/]+)\\\\Q");
        routes.add(new Route(method, template, Pattern.compile(regex), roles, handler));
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        long start = System.nanoTime();
        Tokens.Token[] caller = new Tokens.Token[1];
        Reply reply;
        try {
            reply = dispatch(exchange, caller);
        } catch (ApiError e) {
            reply = Reply.error(e.status, e.code, e.getMessage());
            if (e.retryAfter > 0) {
                reply = reply.with("Retry-After", Integer.toString(e.retryAfter));
            }
        } catch (OperationException e) {
            reply = Reply.error(status(e.kind()), e.code(), e.getMessage());
        } catch (StoreException e) {
            reply = switch (e.reason()) {
                case INVALID_INPUT -> Reply.error(400, "invalid_input", e.getMessage());
                case NOT_FOUND -> Reply.error(404, "not_found", e.getMessage());
                default -> {
                    // the store's message may name its location: the log has it, the client learns to retry
                    LOG.log(System.Logger.Level.WARNING, "store unavailable answering " + exchange.getRequestMethod()
                            + " " + exchange.getRequestURI().getRawPath() + ": " + e.getMessage());
                    yield Reply.error(503, "store_unavailable", "the store is unavailable: try again later")
                            .with("Retry-After", Integer.toString(RETRY_AFTER));
                }
            };
        } catch (Exception | LinkageError e) {
            // a class that did not link must not leave the client waiting for an answer that never comes; the
            // client learns a reference, the log the details (which may name files, classes or SQL)
            String reference = UUID.randomUUID().toString().substring(0, 8);
            LOG.log(System.Logger.Level.ERROR, "internal error " + reference + " answering "
                    + exchange.getRequestMethod() + " " + exchange.getRequestURI().getRawPath(), e);
            reply = Reply.error(500, "internal_error", "internal error (reference " + reference
                    + "); the server's log has the details");
        }
        // logged before the client has the answer: an acknowledged change is on record first, and the log's order
        // is the order in which callers were answered
        log.answered(String.valueOf(exchange.getRemoteAddress().getAddress().getHostAddress()),
                exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(), caller[0], reply.status(),
                exchange.getRequestHeaders().getFirst(AssessmentResource.UPLOAD_ID),
                (System.nanoTime() - start) / 1_000_000);
        answer(exchange, reply);
    }

    private void answer(HttpExchange exchange, Reply reply) throws IOException {
        try (exchange) {
            // Read what is left of the request (bounded) before answering: closing a socket with unread data
            // resets the connection, and the client would lose the answer (e.g. a 413 or 401 before the body).
            drain(exchange);
            exchange.getResponseHeaders().set("Content-Type", reply.contentType());
            reply.headers().forEach(exchange.getResponseHeaders()::set);
            exchange.sendResponseHeaders(reply.status(), reply.body().length == 0 ? -1 : reply.body().length);
            if (reply.body().length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(reply.body());
                }
            }
        }
    }

    /** @return the status of a refused use case: 400, 404, 403 or 409 */
    static int status(OperationException.Kind kind) {
        return switch (kind) {
            case INVALID_INPUT -> 400;
            case NOT_FOUND -> 404;
            case FORBIDDEN -> 403;
            case CONFLICT -> 409;
        };
    }

    private void drain(HttpExchange exchange) {
        long limit = Math.max(DRAIN_BYTES, 2 * maxBody);
        byte[] chunk = new byte[64 * 1024];
        try {
            InputStream in = exchange.getRequestBody();
            long total = 0;
            int n;
            while (total <= limit && (n = in.read(chunk)) > 0) {
                total += n;
            }
            if (total > limit) {
                exchange.getResponseHeaders().set("Connection", "close");
            }
        } catch (IOException e) {
            // the client went away; the answer will fail too
        }
    }

    private Reply dispatch(HttpExchange exchange, Tokens.Token[] callerOut) throws Exception {
        String path = exchange.getRequestURI().getRawPath();
        String method = exchange.getRequestMethod();
        boolean pathKnown = false;
        for (Route r : routes) {
            Matcher m = r.pattern().matcher(path);
            if (!m.matches()) {
                continue;
            }
            pathKnown = true;
            if (!r.method().equals(method)) {
                continue;
            }
            List<String> params = new ArrayList<>();
            for (int i = 1; i <= m.groupCount(); i++) {
                params.add(URLDecoder.decode(m.group(i), StandardCharsets.UTF_8));
            }
            Map<String, String> headers = headers(exchange);
            Tokens.Token caller = null;
            if (r.roles() != null) {
                caller = auth.authenticate(headers.get("authorization"));
                callerOut[0] = caller;
                BearerAuth.authorize(caller, r.roles(), r.method(), r.template());
            }
            if (!method.equals("GET") && !method.equals("DELETE") && hasBody(headers) && !isJson(headers)) {
                throw new ApiError(415, "unsupported_media_type", "a request body must be JSON: Content-Type: "
                        + "application/json");
            }
            RequestBody body = new RequestBody(exchange.getRequestBody(), headers.get("content-length"),
                    headers.get("content-encoding"), maxBody);
            Request request = new Request(method, r.template(), params, query(exchange), headers, caller, body);
            if (r.roles() == null) {
                return r.handler().handle(request);
            }
            if (!method.equals("GET") && !method.equals("DELETE")) {
                receive(body);
            }
            if (!handlers.tryAcquire(handlerWait, TimeUnit.MILLISECONDS)) {
                throw new ApiError(503, "busy", "the server is busy: try again later", RETRY_AFTER);
            }
            try {
                return r.handler().handle(request);
            } finally {
                handlers.release();
            }
        }
        if (pathKnown) {
            throw new ApiError(405, "method_not_allowed", method + " is not allowed on " + path);
        }
        throw ApiError.notFound("no such endpoint: " + path);
    }

    /** @return whether the request says it has a body (a length above 0, or a transfer coding) */
    static boolean hasBody(Map<String, String> headers) {
        String length = headers.get("content-length");
        return headers.containsKey("transfer-encoding") || length != null && !length.trim().equals("0");
    }

    /** @return whether the request's media type is {@code application/json} (parameters such as a charset aside) */
    static boolean isJson(Map<String, String> headers) {
        String type = headers.get("content-type");
        if (type == null) {
            return false;
        }
        int semi = type.indexOf(';');
        return (semi < 0 ? type : type.substring(0, semi)).trim().equalsIgnoreCase("application/json");
    }

    /**
     * Receives a request's body before a handler is taken, so a client that sends it slowly holds one of the
     * receivers (bounded, then 503) and not a handler; the JDK server closes it when the request is not whole
     * within its time limit (408 then, should the answer still reach it).
     */
    private void receive(RequestBody body) throws InterruptedException {
        if (!receivers.tryAcquire(handlerWait, TimeUnit.MILLISECONDS)) {
            throw new ApiError(503, "busy", "the server is busy: try again later", RETRY_AFTER);
        }
        try {
            body.receive();
        } catch (IOException e) {
            throw new ApiError(408, "request_timeout", "the request body was not received whole: " + e.getMessage());
        } finally {
            receivers.release();
        }
    }

    /** @return the first value of every request header, by lower-case name */
    private static Map<String, String> headers(HttpExchange exchange) {
        Map<String, String> h = new HashMap<>();
        exchange.getRequestHeaders().forEach((name, values) -> {
            if (!values.isEmpty() && values.get(0) != null) {
                h.put(name.toLowerCase(Locale.ROOT), values.get(0));
            }
        });
        return h;
    }

    private static Map<String, String> query(HttpExchange exchange) {
        Map<String, String> q = new HashMap<>();
        String raw = exchange.getRequestURI().getRawQuery();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                q.put(k, v);
            }
        }
        return q;
    }
}
