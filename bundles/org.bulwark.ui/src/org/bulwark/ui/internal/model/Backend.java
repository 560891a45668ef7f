package org.bulwark.ui.internal.model;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bulwark.benchmark.api.Benchmark;
import org.bulwark.benchmark.api.BenchmarkRegistry;
import org.bulwark.benchmark.api.Control;
import org.bulwark.report.api.ReportFormat;
import org.bulwark.report.api.ReportWriter;
import org.bulwark.scoring.api.Assessment;
import org.bulwark.scoring.api.AssessmentListener;
import org.bulwark.scoring.api.AssessmentRequest;
import org.bulwark.scoring.api.AssessmentService;
import org.bulwark.scoring.api.ControlException;
import org.bulwark.scoring.api.ControlScore;
import org.bulwark.scoring.api.DeviceResults;
import org.bulwark.scoring.api.FleetScore;
import org.bulwark.scoring.api.Recommendation;
import org.bulwark.scoring.api.ResultState;
import org.bulwark.scoring.api.ScoringService;
import org.bulwark.store.api.AssessmentStore;
import org.bulwark.store.api.AssessmentStoreFactory;
import org.bulwark.store.api.FleetResults;
import org.bulwark.store.api.Remediation;
import org.bulwark.store.api.StoreException;
import org.bulwark.store.api.StoredException;

/**
 * The workbench's access to the headless services: the same assessment, scoring, store and report services the
 * command line uses. Every method may block (collection, database): call it from a Job, never the UI thread.
 * The store is opened per call, as the command line does, because an embedded database is locked while open.
 */
public final class Backend {

    /**
     * The services the backend uses, looked up at each use: in the workbench they are tracked OSGi services that
     * may come and go (a collector plug-in, a store restart), in tests they are whatever the test registers.
     */
    public interface Services {
        AssessmentService assessments();

        ScoringService scoring();

        AssessmentStoreFactory stores();

        ReportWriter writer();

        BenchmarkRegistry registry();
    }

    private final Services services;
    private final DataLocation location;
    private volatile Assessment last;

    public Backend(Services services, DataLocation location) {
        this.services = services;
        this.location = location;
    }

    private static <T> T need(T service, String name) {
        if (service == null) {
            throw new IllegalStateException("the " + name + " service is not available; is its bundle installed "
                    + "and started? (see the log, or restart the workbench)");
        }
        return service;
    }

    public DataLocation location() {
        return location;
    }

    private AssessmentStore open() throws StoreException {
        return need(services.stores(), "assessment store").open(location.jdbcUrl());
    }

    /** @return the scores and recommendations of every device's latest stored assessment */
    public Snapshot load() {
        Instant now = Instant.now();
        Map<String, Control> controls = new HashMap<>();
        for (Benchmark b : need(services.registry(), "benchmark content").benchmarks()) {
            for (Control c : b.controls()) {
                controls.putIfAbsent(c.id(), c);
            }
        }
        try (AssessmentStore db = open()) {
            FleetResults fleet = db.latestResults();
            List<ControlException> exceptions = db.exceptionsInForce(now);
            List<Remediation> activities = db.remediations();
            List<StoredException> stored = db.exceptions();
            if (fleet.devices().isEmpty()) {
                return new Snapshot(now, null, List.of(), List.of(), db.devices(), controls, Map.of(), List.of(),
                        activities, stored, null);
            }
            FleetScore score = need(services.scoring(), "scoring").score(fleet.controls(), fleet.devices(), exceptions, now);
            List<Row> rows = new ArrayList<>();
            List<String> notAssessed = new ArrayList<>();
            for (ControlScore cs : score.controls()) {
                for (DeviceResults d : fleet.devices()) {
                    ResultState s = d.states().get(cs.controlId());
                    if (s == ResultState.ERROR || s == ResultState.UNKNOWN) {
                        notAssessed.add(cs.controlId() + ": " + s + (fleet.devices().size() > 1
                                ? " on " + d.device().hostname() : ""));
                    }
                }
                if (cs.exposed() == 0 && cs.excepted() == 0) {
                    continue;
                }
                List<String> exposed = new ArrayList<>();
                for (DeviceResults d : fleet.devices()) {
                    ResultState s = d.states().get(cs.controlId());
                    if (s == null || !s.counted() || s == ResultState.PASS) {
                        continue;
                    }
                    boolean credit = exceptions.stream().anyMatch(e -> e.controlId().equals(cs.controlId())
                            && e.activeAt(now) && e.covers(d.device()) && e.justification().givesCredit());
                    if (!credit) {
                        exposed.add(d.device().id());
                    }
                }
                Control control = controls.get(cs.controlId());
                Row.Status status = exposed.isEmpty() ? Row.Status.EXCEPTION
                        : cs.excepted() > 0 ? Row.Status.PARTIAL_EXCEPTION : Row.Status.ACTIVE;
                String title = control != null ? control.title() : fleet.controls().stream()
                        .filter(c -> c.id().equals(cs.controlId())).map(c -> c.title()).findFirst()
                        .orElse(cs.controlId());
                rows.add(new Row(cs.controlId(), title, cs.category(), exposed, cs.impact(), cs.weight(), status,
                        control == null ? "—" : control.remediation().type().label()));
            }
            Map<String, List<Recommendation.DeviceEvidence>> evidence = new LinkedHashMap<>();
            Assessment a = last;
            if (a != null) {
                for (Recommendation r : a.recommendations()) {
                    evidence.put(r.control().id(), r.evidence());
                }
            }
            return new Snapshot(now, score, rows, db.history(null, null), db.devices(), controls, evidence,
                    notAssessed, activities, stored, null);
        } catch (StoreException e) {
            return Snapshot.empty("The store at " + location.describe() + " could not be read: " + e.getMessage()
                    + ". Check --data / BULWARK_DB, or run `bulwark assess` once.");
        }
    }

    /**
     * @return {@code s} with the evidence of every device's latest stored report for the controls it has no
     *         evidence of yet (evidence of an assessment run in this session wins)
     */
    public Snapshot withStoredEvidence(Snapshot s) {
        if (s.score() == null || s.rows().isEmpty()) {
            return s;
        }
        Map<String, Row> rows = new HashMap<>();
        s.rows().forEach(r -> rows.put(r.controlId(), r));
        try (AssessmentStore db = open()) {
            Map<String, List<Recommendation.DeviceEvidence>> evidence = new HashMap<>(StoredEvidence.read(db, rows));
            evidence.putAll(s.evidence());
            return new Snapshot(s.at(), s.score(), s.rows(), s.history(), s.devices(), s.controls(), evidence,
                    s.notAssessed(), s.activities(), s.exceptions(), s.problem());
        } catch (StoreException e) {
            return s;
        }
    }

    /**
     * Assesses this machine with the installed content and the exceptions in force, and stores the result.
     *
     * @throws InterruptedException when cancelled
     * @throws StoreException       when the store cannot be read or written
     */
    public Assessment reassess(AssessmentListener listener) throws InterruptedException, StoreException,
            IOException {
        return store(assess(listener));
    }

    /**
     * Assesses this machine with the installed content and the exceptions in force; stores nothing.
     *
     * @throws InterruptedException when the calling thread is interrupted (cancelled) while the collectors run
     */
    public Assessment assess(AssessmentListener listener) throws InterruptedException, StoreException {
        return assess(exceptionsInForce(), listener);
    }

    /** @return the stored exceptions in force now, which an assessment applies */
    public List<ControlException> exceptionsInForce() throws StoreException {
        try (AssessmentStore db = open()) {
            return db.exceptionsInForce(Instant.now());
        }
    }

    /**
     * Assesses this machine with the installed content and {@code exceptions}; reads and stores nothing, so an
     * interrupt (a cancel) while it runs reaches only the collectors, never the store's file channels.
     *
     * @throws InterruptedException when the calling thread is interrupted (cancelled) while the collectors run
     */
    public Assessment assess(List<ControlException> exceptions, AssessmentListener listener)
            throws InterruptedException {
        return need(services.assessments(), "assessment").assess(new AssessmentRequest(location.root(), null, null,
                null, exceptions), listener);
    }

    /** Stores {@code assessment} with its JSON report; its evidence is shown from now on. */
    public Assessment store(Assessment assessment) throws StoreException, IOException {
        ByteArrayOutputStream json = new ByteArrayOutputStream();
        need(services.writer(), "report").write(assessment, ReportFormat.JSON, json, null);
        try (AssessmentStore db = open()) {
            db.save(assessment, json.toString(StandardCharsets.UTF_8));
        }
        last = assessment;
        return assessment;
    }

    public Remediation submit(Remediation.Request request) throws StoreException {
        try (AssessmentStore db = open()) {
            return db.createRemediation(request, Instant.now());
        }
    }

    public Remediation complete(long id) throws StoreException {
        try (AssessmentStore db = open()) {
            return db.completeRemediation(id, Instant.now());
        }
    }

    /**
     * Updates active activity {@code id}: the fields {@code update} names change, the others stay (see
     * {@link ActivityEdit}); {@code by} and now are kept as who updated it and when.
     *
     * @throws StoreException INVALID_INPUT when it is no longer active or the update is wrong (nothing is written),
     *                        NOT_FOUND when it is gone
     */
    public Remediation update(long id, Remediation.Update update, String by) throws StoreException {
        try (AssessmentStore db = open()) {
            return db.updateRemediation(id, update, by, Instant.now());
        }
    }

    public Remediation cancel(long id, String by) throws StoreException {
        try (AssessmentStore db = open()) {
            return db.cancelRemediation(id, by, Instant.now());
        }
    }

    public StoredException except(ControlException exception) throws StoreException {
        try (AssessmentStore db = open()) {
            return db.createException(exception);
        }
    }

    /**
     * Updates exception {@code id}: the fields {@code update} names change, the others stay (see
     * {@link ExceptionEdit}); {@code by} and now are kept as who updated it and when. The score follows from the
     * next load.
     *
     * @throws StoreException INVALID_INPUT when it is cancelled or the update is wrong (nothing is written),
     *                        NOT_FOUND when it is gone
     */
    public StoredException updateException(String id, StoredException.Update update, String by)
            throws StoreException {
        try (AssessmentStore db = open()) {
            return db.updateException(id, update, by, Instant.now());
        }
    }

    /**
     * Cancels exception {@code id} now, by {@code by}: it stops counting and stays listed as cancelled.
     *
     * @throws StoreException INVALID_INPUT when it is already cancelled, NOT_FOUND when it is gone
     */
    public StoredException cancelException(String id, String by) throws StoreException {
        try (AssessmentStore db = open()) {
            return db.cancelException(id, by, Instant.now());
        }
    }

    /** Writes every remediation activity to {@code file} as CSV (replaced atomically); returns how many. */
    public int exportActivities(Path file) throws StoreException, IOException {
        List<Remediation> all;
        try (AssessmentStore db = open()) {
            all = db.remediations();
        }
        List<List<String>> rows = new ArrayList<>();
        for (Remediation r : all) {
            rows.add(r.csvRow());
        }
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        need(services.writer(), "report").writeCsv(Remediation.CSV_COLUMNS, rows, buffer);
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, ".bulwark-", ".csv");
        Files.write(tmp, buffer.toByteArray());
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return all.size();
    }
}
