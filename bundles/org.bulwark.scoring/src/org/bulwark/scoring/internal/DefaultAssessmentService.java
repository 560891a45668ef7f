package org.bulwark.scoring.internal;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.bulwark.benchmark.api.Benchmark;
import org.bulwark.benchmark.api.BenchmarkException;
import org.bulwark.benchmark.api.BenchmarkRegistry;
import org.bulwark.benchmark.api.Control;
import org.bulwark.collector.api.AssessmentContext;
import org.bulwark.collector.api.Collector;
import org.bulwark.collector.api.Observation;
import org.bulwark.collector.api.PlatformFacts;
import org.bulwark.collector.api.PlatformProbe;
import org.bulwark.collector.api.ProbedTarget;
import org.bulwark.scoring.api.AssessedControl;
import org.bulwark.scoring.api.Assessment;
import org.bulwark.scoring.api.AssessmentListener;
import org.bulwark.scoring.api.AssessmentRequest;
import org.bulwark.scoring.api.AssessmentService;
import org.bulwark.scoring.api.BenchmarkInfo;
import org.bulwark.scoring.api.CollectorRun;
import org.bulwark.scoring.api.ControlRef;
import org.bulwark.scoring.api.ControlResult;
import org.bulwark.scoring.api.Device;
import org.bulwark.scoring.api.DeviceResults;
import org.bulwark.scoring.api.FleetScore;
import org.bulwark.scoring.api.Recommendation;
import org.bulwark.scoring.api.ResultState;
import org.bulwark.scoring.api.ScoringService;
import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * The {@link AssessmentService}. Collectors are tracked as a whiteboard: a dynamic, multiple, greedy
 * reference whose bind/unbind methods update a copy-on-write list; each assessment takes one snapshot of it,
 * so a collector that comes or goes during an assessment affects the next one only. Platform probes are
 * tracked the same way ({@link PlatformProbes}): the first that recognises the root describes the target.
 */
@Component(service = AssessmentService.class)
public final class DefaultAssessmentService implements AssessmentService {

    /** A registered collector and the bundle that registered it. */
    record Tracked(Collector collector, String bundle, long serviceId) {
    }

    private final ScoringService scoring;
    private final BenchmarkRegistry registry;
    private final List<Tracked> collectors = new CopyOnWriteArrayList<>();
    private final PlatformProbes probes = new PlatformProbes();
    private final ExecutorService executor;
    private final Evaluator evaluator = new Evaluator();

    @Activate
    public DefaultAssessmentService(@Reference ScoringService scoring, @Reference BenchmarkRegistry registry) {
        this.scoring = scoring;
        this.registry = registry;
        AtomicInteger n = new AtomicInteger();
        ThreadFactory threads = r -> {
            Thread t = new Thread(r, "bulwark-collector-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        // Cached: one thread per running collector; a hung collector keeps its (daemon) thread, never the caller.
        this.executor = Executors.newCachedThreadPool(threads);
    }

    @Deactivate
    void deactivate() {
        executor.shutdownNow();
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addCollector(ServiceReference<Collector> reference, Collector collector) {
        Bundle b = reference.getBundle();
        String bundle = b == null ? "?" : b.getSymbolicName() + " " + b.getVersion();
        Object id = reference.getProperty("service.id");
        collectors.add(new Tracked(collector, bundle, id instanceof Long l ? l : -1));
    }

    void removeCollector(ServiceReference<Collector> reference, Collector collector) {
        collectors.removeIf(t -> t.collector() == collector);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addProbe(ServiceReference<PlatformProbe> reference, PlatformProbe probe) {
        probes.add(probe, reference.getProperty("service.ranking"), reference.getProperty("service.id"));
    }

    void removeProbe(ServiceReference<PlatformProbe> reference, PlatformProbe probe) {
        probes.remove(probe);
    }

    @Override
    public List<CollectorRun> collectors() {
        List<CollectorRun> out = new ArrayList<>();
        for (Tracked t : collectors) {
            out.add(new CollectorRun(safeId(t), safeCategory(t), t.bundle(), CollectorRun.Outcome.SKIPPED,
                    Duration.ZERO, 0, null));
        }
        out.sort(Comparator.comparing(CollectorRun::collectorId));
        return out;
    }

    @Override
    public Assessment assess(AssessmentRequest request, AssessmentListener listener) throws InterruptedException {
        Instant started = Instant.now();
        Path root = request.root().toAbsolutePath().normalize();
        ProbedTarget target = probes.probe(root);
        boolean live = target.live();
        PlatformFacts platform = target.platform();

        List<String> problems = new ArrayList<>(target.problems());
        List<Benchmark> benchmarks;
        if (request.benchmarks().isEmpty()) {
            benchmarks = registry.benchmarks();
            for (BenchmarkException e : registry.problems()) {
                problems.add(e.getMessage());
            }
        } else {
            benchmarks = request.benchmarks();
        }
        Map<String, Control> controls = new LinkedHashMap<>();
        Map<String, String> benchmarkOf = new HashMap<>();
        for (Benchmark b : benchmarks) {
            for (Control c : b.controls()) {
                if (!request.categories().isEmpty() && !request.categories().contains(c.category())) {
                    continue;
                }
                if (controls.putIfAbsent(c.id(), c) == null) {
                    benchmarkOf.put(c.id(), b.id());
                } else {
                    problems.add(b.origin() + ": control id '" + c.id() + "' is defined twice; the first is used");
                }
            }
        }
        Set<String> keys = new LinkedHashSet<>();
        Map<String, String> otherPlatform = new HashMap<>();
        for (Control c : controls.values()) {
            PlatformScope.notApplicable(c, platform).ifPresentOrElse(why -> otherPlatform.put(c.id(), why),
                    () -> keys.addAll(c.keys()));
        }

        // One snapshot of the whiteboard for the whole assessment.
        List<Tracked> snapshot = List.copyOf(collectors);
        List<Tracked> needed = new ArrayList<>();
        List<CollectorRun> runs = new ArrayList<>();
        for (Tracked t : snapshot) {
            Set<String> provides = safeProvides(t);
            if (keys.stream().anyMatch(k -> provides.stream().anyMatch(p -> Collector.covers(p, k)))) {
                needed.add(t);
            } else {
                runs.add(new CollectorRun(safeId(t), safeCategory(t), t.bundle(), CollectorRun.Outcome.SKIPPED,
                        Duration.ZERO, 0, null));
            }
        }
        Facts facts = collect(needed, root, live, platform, request.collectorTimeout(), listener, runs);

        Device device = new Device(platform.machineId(), platform.hostname(), platform.osName(),
                request.groupsOf(platform.machineId()));
        List<AssessedControl> assessed = new ArrayList<>();
        Map<String, ControlResult> results = new LinkedHashMap<>();
        Map<String, ResultState> states = new HashMap<>();
        List<ControlRef> refs = new ArrayList<>();
        for (Control c : controls.values()) {
            String why = otherPlatform.get(c.id());
            ControlResult r = why != null ? new ControlResult(c.id(), ResultState.NOT_APPLICABLE, why, List.of())
                    : evaluator.evaluate(c, facts::get);
            assessed.add(new AssessedControl(c, benchmarkOf.get(c.id()), r));
            results.put(c.id(), r);
            states.put(c.id(), r.state());
            refs.add(new ControlRef(c.id(), c.title(), c.category(), c.weight()));
        }
        Instant finished = Instant.now();
        FleetScore score = scoring.score(refs, List.of(new DeviceResults(device, finished, states)),
                request.exceptions(), finished);
        List<Recommendation> recommendations = Recommendations.build(controls, score, Map.of(device.id(), results),
                Map.of(device.id(), device), request.exceptions());
        List<BenchmarkInfo> infos = new ArrayList<>();
        for (Benchmark b : benchmarks) {
            infos.add(new BenchmarkInfo(b.id(), b.title(), b.version(), b.origin(), b.sha256(), b.controls().size()));
        }
        runs.sort(Comparator.comparing(CollectorRun::collectorId));
        return new Assessment(device, platform, request.root().toString(), live, started, finished, infos, runs,
                assessed, score, recommendations, request.exceptions(), problems);
    }

    /** Runs the collectors in parallel, each until the deadline; returns what is known of every key. */
    private Facts collect(List<Tracked> needed, Path root, boolean live, PlatformFacts platform,
            Duration timeout, AssessmentListener listener, List<CollectorRun> runs) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        AtomicBoolean cancelled = new AtomicBoolean();
        AssessmentContext context = new Context(root, live, platform, deadline, cancelled);
        listener.started(needed.size());
        AtomicInteger done = new AtomicInteger();
        Map<Tracked, Future<List<Observation>>> futures = new LinkedHashMap<>();
        Map<Tracked, Instant> starts = new HashMap<>();
        for (Tracked t : needed) {
            starts.put(t, Instant.now());
            futures.put(t, executor.submit(() -> t.collector().collect(context)));
        }
        Facts facts = new Facts();
        try {
            for (Map.Entry<Tracked, Future<List<Observation>>> e : futures.entrySet()) {
                Tracked t = e.getKey();
                Set<String> provides = safeProvides(t);
                String failure = null;
                List<Observation> observations = null;
                CollectorRun.Outcome outcome;
                long waitNanos = Math.max(0, Duration.between(Instant.now(), deadline).toNanos());
                try {
                    observations = e.getValue().get(waitNanos, TimeUnit.NANOSECONDS);
                    failure = CollectorRunner.validate(observations, provides);
                    outcome = failure == null ? CollectorRun.Outcome.OK : CollectorRun.Outcome.MALFORMED;
                } catch (TimeoutException x) {
                    e.getValue().cancel(true);
                    outcome = CollectorRun.Outcome.TIMED_OUT;
                    failure = "did not finish within its deadline of " + human(timeout);
                } catch (ExecutionException x) {
                    Throwable cause = x.getCause() == null ? x : x.getCause();
                    outcome = CollectorRun.Outcome.FAILED;
                    failure = "failed: " + describe(cause);
                } catch (CancellationException x) {
                    outcome = CollectorRun.Outcome.FAILED;
                    failure = "was cancelled";
                }
                String id = safeId(t);
                Duration took = outcome == CollectorRun.Outcome.TIMED_OUT ? timeout
                        : CollectorRunner.since(starts.get(t));
                int count = observations == null ? 0 : observations.size();
                if (failure == null) {
                    observations.forEach(facts::observe);
                    facts.owner(id, provides, null);
                } else {
                    facts.owner(id, provides, "collector " + id + " " + failure);
                }
                CollectorRun run = new CollectorRun(id, safeCategory(t), t.bundle(), outcome, took, count, failure);
                runs.add(run);
                listener.collectorFinished(run, done.incrementAndGet(), needed.size());
            }
        } finally {
            cancelled.set(true);
            futures.values().forEach(f -> f.cancel(true));
        }
        return facts;
    }

    /**
     * What an assessment knows of every key: the observations of the collectors that succeeded; for a key
     * without one, the first collector that owns it says why (it failed, or did not report the key); a key
     * that no collector owns is NOT_CHECKED. Confined to one assessment.
     */
    static final class Facts {
        private final Map<String, Fact> observed = new HashMap<>();
        private final List<Map.Entry<Set<String>, String>> owners = new ArrayList<>();
        private final List<String> ownerIds = new ArrayList<>();

        void observe(Observation o) {
            observed.putIfAbsent(o.key(), Fact.of(o));
        }

        void owner(String id, Set<String> provides, String failure) {
            owners.add(Map.entry(provides, failure == null ? "" : failure));
            ownerIds.add(id);
        }

        Fact get(String key) {
            Fact f = observed.get(key);
            if (f != null) {
                return f;
            }
            for (int i = 0; i < owners.size(); i++) {
                Map.Entry<Set<String>, String> o = owners.get(i);
                if (o.getKey().stream().anyMatch(p -> Collector.covers(p, key))) {
                    return Fact.failed(o.getValue().isEmpty()
                            ? "collector " + ownerIds.get(i) + " did not report " + key : o.getValue());
                }
            }
            return Fact.notProvided(key);
        }
    }

    static String describe(Throwable t) {
        String m = t.getMessage();
        return t.getClass().getSimpleName() + (m == null || m.isBlank() ? "" : ": " + m);
    }

    static String human(Duration d) {
        long ms = d.toMillis();
        return ms % 1000 == 0 ? (ms / 1000) + " s" : ms + " ms";
    }

    private static String safeId(Tracked t) {
        try {
            String id = t.collector().id();
            return id == null || id.isBlank() ? t.collector().getClass().getName() : id;
        } catch (RuntimeException e) {
            return t.collector().getClass().getName();
        }
    }

    private static org.bulwark.collector.api.Category safeCategory(Tracked t) {
        try {
            return t.collector().category();
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static Set<String> safeProvides(Tracked t) {
        try {
            Set<String> p = t.collector().provides();
            return p == null ? Set.of() : Set.copyOf(p);
        } catch (RuntimeException e) {
            return Set.of();
        }
    }

    /** The context handed to collectors. */
    private record Context(Path root, boolean live, PlatformFacts platform, Instant deadline, AtomicBoolean cancel)
            implements AssessmentContext {
        @Override
        public boolean isCancelled() {
            return cancel.get() || Instant.now().isAfter(deadline);
        }
    }
}
