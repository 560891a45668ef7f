package org.bulwark.operations.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.bulwark.operations.api.AssessOrder;
import org.bulwark.operations.api.AssessOutcome;
import org.bulwark.operations.api.Assessments;
import org.bulwark.operations.api.Changes;
import org.bulwark.operations.api.OperationException;
import org.bulwark.operations.api.ReportSink;
import org.bulwark.operations.api.StoreOpener;
import org.bulwark.operations.api.VulnerabilityOperations;
import org.bulwark.report.api.ReportFormat;
import org.bulwark.report.api.ReportWriter;
import org.bulwark.report.api.ReportedExposure;
import org.bulwark.scoring.api.Assessment;
import org.bulwark.scoring.api.AssessmentListener;
import org.bulwark.scoring.api.AssessmentRequest;
import org.bulwark.scoring.api.AssessmentService;
import org.bulwark.scoring.api.ControlException;
import org.bulwark.scoring.api.Device;
import org.bulwark.store.api.AssessmentDiff;
import org.bulwark.store.api.AssessmentHistory;
import org.bulwark.store.api.AssessmentStore;
import org.bulwark.store.api.AssessmentSummary;
import org.bulwark.store.api.StoreException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * The {@link Assessments} service. The store is opened three times, briefly, on a thread of its own: before the
 * collection to read the exceptions in force and the device groups, after it to match the device's software
 * against the stored feeds (its exposure, which the report shows), and after the report to save the assessment. A
 * caller interrupted meanwhile stops waiting only when the store work is done, so an interrupt never closes the
 * store's file channels under it.
 */
@Component(service = Assessments.class)
public final class DefaultAssessments implements Assessments {

    private final AssessmentService assessments;
    private final ReportWriter writer;
    private final ExecutorService storeThreads;

    /** Optional: without it (no matcher installed) reports have no exposure. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile VulnerabilityOperations vulnerabilities;

    @Activate
    public DefaultAssessments(@Reference AssessmentService assessments, @Reference ReportWriter writer) {
        this.assessments = assessments;
        this.writer = writer;
        AtomicInteger n = new AtomicInteger();
        this.storeThreads = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "bulwark-store-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    @Deactivate
    void deactivate() {
        storeThreads.shutdown();
    }

    /** What the store says before an assessment. */
    private record Stored(List<ControlException> exceptions, Map<String, Set<String>> groups) {
    }

    @Override
    public AssessOutcome assess(AssessOrder order, StoreOpener store, ReportSink sink, AssessmentListener listener)
            throws InterruptedException, IOException, OperationException {
        if (!Files.isDirectory(order.root())) {
            throw new OperationException(OperationException.Kind.INVALID_INPUT, "root",
                    "root " + order.root() + " is not a directory");
        }
        if (order.timeout().isNegative() || order.timeout().isZero()) {
            throw new OperationException(OperationException.Kind.INVALID_INPUT, "timeout",
                    "timeout must be positive");
        }
        List<String> warnings = new ArrayList<>();
        List<ControlException> exceptions = new ArrayList<>(order.exceptions());
        Map<String, Set<String>> groups = new HashMap<>();
        boolean readable = store != null;
        if (store != null) {
            try {
                Stored stored = onStoreThread(() -> {
                    try (AssessmentStore db = store.open()) {
                        Map<String, Set<String>> g = new HashMap<>();
                        for (Device d : db.devices()) {
                            g.put(d.id(), d.groups());
                        }
                        return new Stored(db.exceptionsInForce(Instant.now()), g);
                    }
                });
                Set<String> ids = new HashSet<>();
                exceptions.forEach(e -> ids.add(e.id()));
                for (ControlException e : stored.exceptions()) {
                    if (ids.add(e.id())) {
                        exceptions.add(e);
                    }
                }
                groups.putAll(stored.groups());
            } catch (StoreException e) {
                readable = false; // one warning: the exposure is not tried on a store that just failed
                warnings.add("stored exceptions could not be read: " + e.getMessage());
            }
        }
        if (Thread.interrupted()) {
            throw new InterruptedException("cancelled before the collection");
        }
        Assessment assessment = assessments.assess(new AssessmentRequest(order.root(), order.categories(),
                order.content(), order.timeout(), exceptions, groups),
                listener == null ? AssessmentListener.NONE : listener);
        if (Thread.interrupted()) {
            throw new InterruptedException("cancelled after the collection");
        }
        ReportedExposure exposure = readable ? exposure(store, assessment, warnings) : null;
        (sink == null ? ReportSink.NONE : sink).write(assessment, exposure);
        if (store == null) {
            return new AssessOutcome(assessment, null, null, warnings);
        }
        try {
            return new AssessOutcome(assessment, save(store, assessment, exposure), null, warnings);
        } catch (StoreException e) {
            return new AssessOutcome(assessment, null, e, warnings);
        }
    }

    @Override
    public AssessmentSummary store(StoreOpener store, Assessment assessment) throws StoreException {
        return save(store, assessment, exposure(store, assessment, new ArrayList<>()));
    }

    @Override
    public Changes changes(AssessmentHistory store, String deviceId, long skip, int limit) throws StoreException {
        if (skip < 0 || limit < 0) {
            throw new IllegalArgumentException("skip and limit must be at least 0");
        }
        List<AssessmentSummary> history = store.history(deviceId, null);
        long pairs = Math.max(0, history.size() - 1);
        List<AssessmentDiff> diffs = new ArrayList<>();
        // pair i (0 = newest) is history[n-2-i] → history[n-1-i]
        for (long i = skip; i < pairs && diffs.size() < limit; i++) {
            int to = (int) (history.size() - 1 - i);
            diffs.add(store.diff(history.get(to - 1).id(), history.get(to).id()));
        }
        return new Changes(pairs, diffs);
    }

    /**
     * @return the assessment's exposure against the store's feeds, or {@code null} when the vulnerability service
     *         is not there or the feeds cannot be read (then with a warning: the report goes on without it)
     */
    private ReportedExposure exposure(StoreOpener store, Assessment assessment, List<String> warnings) {
        VulnerabilityOperations v = vulnerabilities;
        if (v == null) {
            return null;
        }
        String problem;
        try {
            Matched m = onStoreThread(() -> {
                try (AssessmentStore db = store.open()) {
                    return new Matched(ReportedExposures.of(v.exposure(db, assessment, Instant.now())), null);
                } catch (OperationException e) {
                    return new Matched(null, e.getMessage());
                }
            });
            if (m.exposure() != null) {
                return m.exposure();
            }
            problem = m.problem();
        } catch (StoreException e) {
            problem = e.getMessage();
        }
        warnings.add("the exposure could not be computed: " + problem);
        return null;
    }

    /** An exposure, or why a stored feed could not be read. */
    private record Matched(ReportedExposure exposure, String problem) {
    }

    private AssessmentSummary save(StoreOpener store, Assessment assessment, ReportedExposure exposure)
            throws StoreException {
        ByteArrayOutputStream json = new ByteArrayOutputStream();
        try {
            writer.write(assessment, ReportFormat.JSON, json, null, exposure);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // into memory: does not happen
        }
        String report = json.toString(StandardCharsets.UTF_8);
        return onStoreThread(() -> {
            try (AssessmentStore db = store.open()) {
                return db.save(assessment, report, exposure == null ? Optional.empty() : exposure.score());
            }
        });
    }

    /** Store work that may throw. */
    @FunctionalInterface
    interface StoreWork<T> {
        T run() throws StoreException;
    }

    /**
     * Runs {@code work} on a store thread and waits for it to finish, even when the caller is interrupted
     * meanwhile; the caller's interrupt status is set again afterwards.
     */
    <T> T onStoreThread(StoreWork<T> work) throws StoreException {
        Future<T> result = storeThreads.submit(work::run);
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return result.get();
                } catch (InterruptedException e) {
                    interrupted = true;
                } catch (ExecutionException e) {
                    Throwable cause = e.getCause();
                    if (cause instanceof StoreException s) {
                        throw s;
                    }
                    if (cause instanceof RuntimeException r) {
                        throw r;
                    }
                    if (cause instanceof Error x) {
                        throw x;
                    }
                    throw new IllegalStateException(cause);
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
