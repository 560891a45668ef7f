import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPOutputStream;

/**
 * The load generator of releng/load-server.sh (run with `java LoadServer.java …`; JDK only). Uploads N copies of a
 * template report, each as its own device, from C concurrent clients, then queries the score and the
 * recommendations Q times each, and reports throughput, latencies and how many assessments the server holds.
 * Loopback only; every request has a timeout; the whole run is bounded by the script's `timeout`.
 *
 * Arguments: BASE_URL AGENT_TOKEN ADMIN_TOKEN TEMPLATE.json N C Q
 */
public class LoadServer {

    public static void main(String[] args) throws Exception {
        URI base = URI.create(args[0]);
        if (!base.getHost().equals("127.0.0.1") && !base.getHost().equals("localhost")) {
            throw new IllegalArgumentException("loopback only: " + base);
        }
        String agent = args[1];
        String admin = args[2];
        String template = Files.readString(Path.of(args[3]));
        int n = Integer.parseInt(args[4]);
        int c = Integer.parseInt(args[5]);
        int q = Integer.parseInt(args[6]);
        Matcher device = Pattern.compile("\"device\"\\s*:\\s*\\{\\s*\"id\"\\s*:\\s*\"([^\"]+)\"\\s*,"
                + "\\s*\"hostname\"\\s*:\\s*\"([^\"]+)\"").matcher(template);
        if (!device.find()) {
            throw new IllegalArgumentException("no device id and hostname in " + args[3]);
        }
        String machineId = device.group(1);
        String hostname = device.group(2);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
                .executor(Executors.newFixedThreadPool(4)).build();

        boolean gzip = !"0".equals(System.getenv("BULWARK_LOAD_GZIP"));
        Bodies bodies = new Bodies(template, machineId, hostname, gzip);

        // Baseline, same run: the same bodies POSTed to an endpoint that only drains them (405): what the HTTP
        // stack and the loopback carry at most, before any parsing, scoring or storing.
        int nb = Math.min(n, 2000);
        Phase baseline = run(base, c, nb, i -> new Request("/api/openapi.json", bodies.body(i),
                "Content-Type", "application/json", gzip ? "Content-Encoding" : "X-Load", gzip ? "gzip" : "plain"),
                405);
        System.out.printf("baseline (bodies drained, not stored): %d in %.1f s = %.0f requests/s; p50 %.0f ms, "
                + "p99 %.0f ms%n", nb, baseline.seconds, nb / baseline.seconds, pct(baseline.latencies, 50),
                pct(baseline.latencies, 99));

        Phase uploads = run(base, c, n, i -> new Request("/api/assessments", bodies.body(i),
                "Authorization", "Bearer " + agent, "Upload-Id", "load-" + i, "Content-Type", "application/json",
                gzip ? "Content-Encoding" : "X-Load", gzip ? "gzip" : "plain"), 201);
        double seconds = uploads.seconds;
        System.out.printf("uploads: %d in %.1f s = %.0f uploads/s from %d clients (%.2f of the baseline's rate; "
                + "bodies %s, %d bytes each as sent); latency p50 %.0f ms, p99 %.0f ms; failures %d%n", n, seconds,
                n / seconds, c, (n / seconds) / (nb / baseline.seconds), gzip ? "gzip" : "plain",
                bodies.body(0).length, pct(uploads.latencies, 50), pct(uploads.latencies, 99),
                uploads.failures.get());
        AtomicInteger failures = uploads.failures;

        for (String path : List.of("/api/configurationScore", "/api/recommendations",
                "/api/recommendations?category=network&orderBy=title%20asc&$top=20")) {
            List<Long> times = new ArrayList<>();
            String last = "";
            for (int i = 0; i < q; i++) {
                long t0 = System.nanoTime();
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(base.resolve(path))
                        .timeout(Duration.ofSeconds(120)).header("Authorization", "Bearer " + admin).build(),
                        HttpResponse.BodyHandlers.ofString());
                times.add(System.nanoTime() - t0);
                if (r.statusCode() != 200) {
                    throw new IllegalStateException(path + ": HTTP " + r.statusCode() + " " + r.body());
                }
                last = r.body();
            }
            System.out.printf("GET %s: %d queries, p50 %.0f ms, p99 %.0f ms (%s)%n", path, q, pct(times, 50),
                    pct(times, 99), last.length() > 100 ? last.substring(0, 100) + "…" : last);
        }
        HttpResponse<String> history = http.send(HttpRequest.newBuilder(base.resolve(
                "/api/configurationScore/history?$top=0")).timeout(Duration.ofSeconds(120))
                .header("Authorization", "Bearer " + admin).build(), HttpResponse.BodyHandlers.ofString());
        int stored = Integer.parseInt(field(history.body(), "count"));
        System.out.printf("stored assessments: %d (expected %d): %s%n", stored, n, stored == n ? "OK" : "MISMATCH");
        System.exit(stored == n && failures.get() == 0 ? 0 : 1);
    }

    /** A phase's measurements. */
    record Phase(double seconds, List<Long> latencies, AtomicInteger failures) {
    }

    /** A POST: path, body and header names and values, alternating. */
    record Request(String path, byte[] body, String... headers) {
    }

    interface RequestFor {
        Request build(int i);
    }

    /**
     * Sends requests 0…n-1 from c concurrent clients, each on its own keep-alive connection; a status other than
     * {@code expected} is a failure.
     */
    static Phase run(URI base, int c, int n, RequestFor request, int expected) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(c);
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger failures = new AtomicInteger();
        AtomicInteger next = new AtomicInteger();
        long start = System.nanoTime();
        List<Future<?>> clients = new ArrayList<>();
        for (int k = 0; k < c; k++) {
            clients.add(pool.submit(() -> {
                try (Wire wire = new Wire(base)) {
                    int i;
                    while ((i = next.getAndIncrement()) < n) {
                        Request r = request.build(i);
                        long t0 = System.nanoTime();
                        try {
                            Wire.Answer answer = wire.post(r);
                            if (answer.status() != expected) {
                                failures.incrementAndGet();
                                System.err.println(r.path() + " " + i + ": HTTP " + answer.status() + " "
                                        + answer.body());
                            }
                        } catch (IOException e) {
                            failures.incrementAndGet();
                            System.err.println(r.path() + " " + i + ": " + e);
                        }
                        latencies.add(System.nanoTime() - t0);
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : clients) {
            f.get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        pool.awaitTermination(10, TimeUnit.SECONDS);
        return new Phase(seconds, latencies, failures);
    }

    /**
     * One keep-alive HTTP/1.1 connection, written and read directly: the JDK's HttpClient costs the client about
     * 1.4 ms of CPU a request, which on a 2-core machine shared with the server would be measured as the server's
     * slowness. Reads answers with a Content-Length or chunked; reconnects (and sends again, which an upload with
     * an Upload-Id allows) when the server closed the connection between two requests.
     */
    static final class Wire implements AutoCloseable {
        record Answer(int status, String body) {
        }

        private final URI base;
        private java.net.Socket socket;
        private java.io.InputStream in;
        private java.io.OutputStream out;

        Wire(URI base) {
            this.base = base;
        }

        Answer post(Request r) throws IOException {
            StringBuilder head = new StringBuilder(256).append("POST ").append(r.path()).append(" HTTP/1.1\r\n")
                    .append("Host: ").append(base.getHost()).append(':').append(base.getPort()).append("\r\n")
                    .append("Content-Length: ").append(r.body().length).append("\r\n");
            for (int h = 0; h + 1 < r.headers().length; h += 2) {
                head.append(r.headers()[h]).append(": ").append(r.headers()[h + 1]).append("\r\n");
            }
            byte[] headBytes = head.append("\r\n").toString().getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            boolean fresh = socket == null;
            try {
                return exchange(headBytes, r.body());
            } catch (IOException e) {
                close();
                if (fresh) {
                    throw e;
                }
                return exchange(headBytes, r.body()); // a kept-alive connection the server had closed: once more
            }
        }

        private Answer exchange(byte[] head, byte[] body) throws IOException {
            if (socket == null) {
                socket = new java.net.Socket();
                socket.setTcpNoDelay(true);
                socket.connect(new java.net.InetSocketAddress(base.getHost(), base.getPort()), 10_000);
                socket.setSoTimeout(120_000);
                in = new java.io.BufferedInputStream(socket.getInputStream(), 16 * 1024);
                out = socket.getOutputStream();
            }
            byte[] request = java.util.Arrays.copyOf(head, head.length + body.length);
            System.arraycopy(body, 0, request, head.length, body.length);
            out.write(request);
            out.flush();
            String status = line();
            if (status == null) {
                throw new java.io.EOFException("connection closed before an answer");
            }
            String[] parts = status.split(" ", 3);
            if (parts.length < 2 || !parts[0].startsWith("HTTP/1.")) {
                throw new IOException("not an HTTP answer: " + status);
            }
            int code = Integer.parseInt(parts[1]);
            long length = -1;
            boolean chunked = false;
            boolean closing = parts[0].equals("HTTP/1.0");
            String h;
            while ((h = line()) != null && !h.isEmpty()) {
                int colon = h.indexOf(':');
                String name = h.substring(0, Math.max(0, colon)).trim().toLowerCase(java.util.Locale.ROOT);
                String value = h.substring(colon + 1).trim();
                switch (name) {
                    case "content-length" -> length = Long.parseLong(value);
                    case "transfer-encoding" -> chunked = value.toLowerCase(java.util.Locale.ROOT).contains("chunked");
                    case "connection" -> closing = value.equalsIgnoreCase("close");
                    default -> { }
                }
            }
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            if (chunked) {
                long size;
                while ((size = Long.parseLong(line().split(";", 2)[0].trim(), 16)) > 0) {
                    answer.write(in.readNBytes((int) size));
                    line();
                }
                while ((h = line()) != null && !h.isEmpty()) {
                    // trailers
                }
            } else if (length >= 0) {
                answer.write(in.readNBytes((int) length));
            } else {
                answer.write(in.readAllBytes());
                closing = true;
            }
            if (closing) {
                close();
            }
            return new Answer(code, answer.toString(java.nio.charset.StandardCharsets.UTF_8));
        }

        /** @return the next line without its CRLF, or {@code null} at the end of the stream */
        private String line() throws IOException {
            StringBuilder b = new StringBuilder();
            int ch;
            while ((ch = in.read()) >= 0) {
                if (ch == '\n') {
                    int end = b.length();
                    return b.substring(0, end > 0 && b.charAt(end - 1) == '\r' ? end - 1 : end);
                }
                b.append((char) ch);
            }
            return b.length() == 0 ? null : b.toString();
        }

        @Override
        public void close() {
            if (socket != null) {
                try {
                    socket.close();
                } catch (IOException e) {
                    // closing anyway
                }
                socket = null;
            }
        }
    }

    /**
     * Upload bodies: the template with device {@code i}'s id and host name. Compressed, a body is a series of gzip
     * members (RFC 1952 allows several; a gzip reader reads them as one stream): the template's fixed parts are
     * compressed once, so making 10,000 bodies costs the client next to nothing.
     */
    static final class Bodies {
        private final List<Object> parts = new ArrayList<>(); // byte[] fixed part, or Boolean: true id, false host
        private final String machineId;
        private final String hostname;
        private final boolean gzip;

        Bodies(String template, String machineId, String hostname, boolean gzip) throws IOException {
            this.machineId = machineId;
            this.hostname = hostname;
            this.gzip = gzip;
            int from = 0;
            while (true) {
                int a = template.indexOf(machineId, from);
                int b = template.indexOf(hostname, from);
                int at = a < 0 ? b : b < 0 ? a : Math.min(a, b);
                if (at < 0) {
                    break;
                }
                boolean id = at == a && (b < 0 || a <= b) && (a != b || machineId.length() >= hostname.length());
                parts.add(encode(template.substring(from, at)));
                parts.add(id);
                from = at + (id ? machineId : hostname).length();
            }
            parts.add(encode(template.substring(from)));
        }

        private byte[] encode(String text) throws IOException {
            byte[] bytes = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            if (!gzip) {
                return bytes;
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (GZIPOutputStream z = new GZIPOutputStream(out)) {
                z.write(bytes);
            }
            return out.toByteArray();
        }

        byte[] body(int i) {
            try {
                String id = String.format("load-%06d", i);
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                for (Object p : parts) {
                    out.write(p instanceof byte[] b ? b : encode((Boolean) p ? id : "host-" + id));
                }
                return out.toByteArray();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** The first string or number value of {@code name} in {@code json}. */
    static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + Pattern.quote(name) + "\"\\s*:\\s*(\"([^\"]*)\"|(-?\\d+))").matcher(json);
        if (!m.find()) {
            throw new IllegalArgumentException("no field " + name);
        }
        return m.group(2) != null ? m.group(2) : m.group(3);
    }

    static double pct(List<Long> nanos, int p) {
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        int i = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, i))) / 1e6;
    }
}
