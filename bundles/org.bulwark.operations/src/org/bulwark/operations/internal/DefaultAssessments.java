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
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.bulwark.operations.api.AssessOrder;
import org.bulwark.operations.api.AssessOutcome;
import org.bulwark.operations.api.Assessments;
import org.bulwark.operations.api.OperationException;
import org.bulwark.operations.api.ReportSink;
import org.bulwark.operations.api.StoreOpener;
import org.bulwark.report.api.ReportFormat;
import org.bulwark.report.api.ReportWriter;
import org.bulwark.scoring.api.Assessment;
import org.bulwark.scoring.api.AssessmentListener;
import org.bulwark.scoring.api.AssessmentRequest;
import org.bulwark.scoring.api.AssessmentService;
import org.bulwark.scoring.api.ControlException;
import org.bulwark.scoring.api.Device;
import org.bulwark.store.api.AssessmentStore;
import org.bulwark.store.api.AssessmentSummary;
import org.bulwark.store.api.StoreException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/**
 * The {@link Assessments} service. The store is opened twice, briefly, on a thread of its own: before the
 * collection to read the exceptions in force and the device groups, after the report to save the assessment. A
 * caller interrupted meanwhile stops waiting only when the store work is done, so an interrupt never closes the
 * store's file channels under it.
 */
@Component(service = Assessments.class)
public final class DefaultAssessments implements Assessments {

    private final AssessmentService assessments;
    private final ReportWriter writer;
    private final ExecutorService storeThreads;

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
        (sink == null ? ReportSink.NONE : sink).write(assessment);
        if (store == null) {
            return new AssessOutcome(assessment, null, null, warnings);
        }
        try {
            return new AssessOutcome(assessment, save(store, assessment), null, warnings);
        } catch (StoreException e) {
            return new AssessOutcome(assessment, null, e, warnings);
        }
    }

    @Override
    public AssessmentSummary store(StoreOpener store, Assessment assessment) throws StoreException {
        return save(store, assessment);
    }

    private AssessmentSummary save(StoreOpener store, Assessment assessment) throws StoreException {
        ByteArrayOutputStream json = new ByteArrayOutputStream();
        try {
            writer.write(assessment, ReportFormat.JSON, json, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // into memory: does not happen
        }
        String report = json.toString(StandardCharsets.UTF_8);
        return onStoreThread(() -> {
            try (AssessmentStore db = store.open()) {
                return db.save(assessment, report);
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
