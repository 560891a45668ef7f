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
                    String id = String.format("load-%06d", i);
                    String body = template.replace(machineId, id).replace(hostname, "host-" + id);
                    HttpRequest request = HttpRequest.newBuilder(base.resolve("/api/assessments"))
                            .timeout(Duration.ofSeconds(120)).header("Authorization", "Bearer " + agent)
                            .header("Upload-Id", "load-" + i).header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(body)).build();
                    long t0 = System.nanoTime();
                    try {
                        HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
                        if (r.statusCode() != 201) {
                            failures.incrementAndGet();
                            System.err.println("upload " + i + ": HTTP " + r.statusCode() + " " + r.body());
                        }
                    } catch (Exception e) {
                        failures.incrementAndGet();
                        System.err.println("upload " + i + ": " + e);
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
        System.out.printf("uploads: %d in %.1f s = %.0f uploads/s from %d clients; latency p50 %.0f ms, p99 %.0f ms;"
                + " failures %d%n", n, seconds, n / seconds, c, pct(latencies, 50), pct(latencies, 99),
                failures.get());

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
