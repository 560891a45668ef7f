package org.bulwark.store.internal;

import static org.bulwark.store.internal.Fixtures.r;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.bulwark.collector.api.Category;
import org.bulwark.scoring.api.Assessment;
import org.bulwark.scoring.api.ResultState;

/**
 * Run in a separate JVM by {@link CrashTest}: with {@code URL hold MILLIS}, keeps the store open that long;
 * with {@code URL ids THREADS}, saves small assessments from that many threads until it is killed, printing
 * {@code ID n} once the save of assessment n returned; with {@code URL PREVIOUS BIG}, stores {@code previous}
 * small assessments of device "small" (each committed), prints {@code STORING BIG}, stores one huge assessment of
 * device "big" and prints {@code SAVED} — unless it is killed first.
 */
public final class CrashWriter {

    static final int SMALL_RESULTS = 20;

    private CrashWriter() {
    }

    public static void main(String[] args) throws Exception {
        String url = args[0];
        if (args[1].equals("hold")) { // keep the store open for a while, as a long-running process would
            try (JdbcStore store = JdbcStore.open(url)) {
                System.out.println("HOLDING");
                System.out.flush();
                Thread.sleep(Long.parseLong(args[2]));
            }
            return;
        }
        if (args[1].equals("ids")) {
            saveUntilKilled(url, Integer.parseInt(args[2]));
            return;
        }
        int previous = Integer.parseInt(args[1]);
        int big = Integer.parseInt(args[2]);
        try (JdbcStore store = JdbcStore.open(url)) {
            for (int i = 0; i < previous; i++) {
                store.save(small(i), "{\"n\": " + i + "}");
            }
            System.out.println("PREVIOUS STORED");
            System.out.flush();
            List<Fixtures.R> results = new ArrayList<>(big);
            for (int i = 0; i < big; i++) {
                results.add(r("big." + i, Category.values()[i % 5], 1 + i % 10,
                        i % 3 == 0 ? ResultState.FAIL : ResultState.PASS));
            }
            Assessment huge = Fixtures.assessment(Fixtures.device("big"), Instant.parse("2026-11-26T00:00:00Z"),
                    results, List.of());
            // random text: the store compresses reports, and this one must still be a large write
            java.util.Random random = new java.util.Random(42);
            StringBuilder evidence = new StringBuilder(big * 200);
            for (int i = 0; i < big * 200; i++) {
                evidence.append((char) ('a' + random.nextInt(26)));
            }
            String json = "{\"evidence\": \"" + evidence + "\"}";
            System.out.println("STORING BIG");
            System.out.flush();
            store.save(huge, json);
            System.out.println("SAVED");
            System.out.flush();
        }
    }

    /** Saves from {@code threads} threads, each on its own device, printing every id a save returned. */
    private static void saveUntilKilled(String url, int threads) throws Exception {
        try (JdbcStore store = JdbcStore.open(url)) {
            System.out.println("OPEN");
            System.out.flush();
            List<Thread> writers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                Thread w = new Thread(() -> {
                    try {
                        for (int i = 0;; i++) {
                            long id = store.save(Fixtures.assessment(Fixtures.device("writer-" + thread),
                                    Instant.parse("2026-11-01T00:00:00Z").plusSeconds(i), List.of(r("s.0",
                                            Category.OPERATING_SYSTEM, 5,
                                            i % 2 == 0 ? ResultState.PASS : ResultState.FAIL)), List.of()),
                                    "{\"thread\": " + thread + ", \"i\": " + i + "}").id();
                            synchronized (System.out) {
                                System.out.println("ID " + id);
                                System.out.flush();
                            }
                        }
                    } catch (Exception e) {
                        e.printStackTrace();
                        System.exit(3);
                    }
                });
                writers.add(w);
                w.start();
            }
            for (Thread w : writers) {
                w.join();
            }
        }
    }

    /** Small assessment {@code i}: results s.0 … s.19, the first {@code i} of them FAIL. */
    static Assessment small(int i) {
        List<Fixtures.R> results = new ArrayList<>();
        for (int k = 0; k < SMALL_RESULTS; k++) {
            results.add(r("s." + k, Category.OPERATING_SYSTEM, 5, k < i ? ResultState.FAIL : ResultState.PASS));
        }
        return Fixtures.assessment(Fixtures.device("small"), Instant.parse("2026-11-01T00:00:00Z").plusSeconds(i * 60L),
                results, List.of());
    }
}
