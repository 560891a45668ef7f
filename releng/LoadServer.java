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
        Phase baseline = run(http, c, nb, i -> HttpRequest.newBuilder(base.resolve("/api/openapi.json"))
                .timeout(Duration.ofSeconds(120)).header("Content-Type", "application/json")
                .headers(gzip ? new String[] { "Content-Encoding", "gzip" } : new String[] { "X-Load", "plain" })
                .POST(HttpRequest.BodyPublishers.ofByteArray(bodies.body(i))).build(), 405);
        System.out.printf("baseline (bodies drained, not stored): %d in %.1f s = %.0f requests/s; p50 %.0f ms, "
                + "p99 %.0f ms%n", nb, baseline.seconds, nb / baseline.seconds, pct(baseline.latencies, 50),
                pct(baseline.latencies, 99));

        Phase uploads = run(http, c, n, i -> HttpRequest.newBuilder(base.resolve("/api/assessments"))
                .timeout(Duration.ofSeconds(120)).header("Authorization", "Bearer " + agent)
                .header("Upload-Id", "load-" + i).header("Content-Type", "application/json")
                .headers(gzip ? new String[] { "Content-Encoding", "gzip" } : new String[] { "X-Load", "plain" })
                .POST(HttpRequest.BodyPublishers.ofByteArray(bodies.body(i))).build(), 201);
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

    interface RequestFor {
        HttpRequest build(int i);
    }

    /** Sends requests 0…n-1 from c concurrent clients; a status other than {@code expected} is a failure. */
    static Phase run(HttpClient http, int c, int n, RequestFor request, int expected) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(c);
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger failures = new AtomicInteger();
        AtomicInteger next = new AtomicInteger();
        long start = System.nanoTime();
        List<Future<?>> clients = new ArrayList<>();
        for (int k = 0; k < c; k++) {
            clients.add(pool.submit(() -> {
                int i;
                while ((i = next.getAndIncrement()) < n) {
                    HttpRequest r = request.build(i);
                    long t0 = System.nanoTime();
                    try {
                        HttpResponse<String> answer = http.send(r, HttpResponse.BodyHandlers.ofString());
                        if (answer.statusCode() != expected) {
                            failures.incrementAndGet();
                            System.err.println(r.uri().getPath() + " " + i + ": HTTP " + answer.statusCode() + " "
                                    + answer.body());
                        }
                    } catch (Exception e) {
                        failures.incrementAndGet();
                        System.err.println(r.uri().getPath() + " " + i + ": " + e);
                    }
                    latencies.add(System.nanoTime() - t0);
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
