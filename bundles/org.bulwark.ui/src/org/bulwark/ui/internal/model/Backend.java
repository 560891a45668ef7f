package org.bulwark.ui.internal.model;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bulwark.benchmark.api.Benchmark;
import org.bulwark.benchmark.api.BenchmarkRegistry;
import org.bulwark.benchmark.api.Control;
import org.bulwark.operations.api.ActivityDraft;
import org.bulwark.operations.api.AssessOrder;
import org.bulwark.operations.api.AssessOutcome;
import org.bulwark.operations.api.Assessments;
import org.bulwark.operations.api.Changes;
import org.bulwark.operations.api.EntityCsv;
import org.bulwark.operations.api.ExceptionDraft;
import org.bulwark.operations.api.ExceptionOperations;
import org.bulwark.operations.api.FileOutput;
import org.bulwark.operations.api.Location;
import org.bulwark.operations.api.Locations;
import org.bulwark.operations.api.OperationException;
import org.bulwark.operations.api.RecommendationRow;
import org.bulwark.operations.api.RecommendationRows;
import org.bulwark.operations.api.RemediationOperations;
import org.bulwark.operations.api.ReportSink;
import org.bulwark.operations.api.VulnerabilityOperations;
import org.bulwark.scoring.api.Assessment;
import org.bulwark.scoring.api.AssessmentListener;
import org.bulwark.scoring.api.ControlException;
import org.bulwark.scoring.api.ControlScore;
import org.bulwark.scoring.api.DeviceResults;
import org.bulwark.scoring.api.FleetScore;
import org.bulwark.scoring.api.Recommendation;
import org.bulwark.scoring.api.ResultState;
import org.bulwark.scoring.api.ScoringService;
import org.bulwark.store.api.AssessmentStore;
import org.bulwark.store.api.FleetResults;
import org.bulwark.store.api.Remediation;
import org.bulwark.store.api.StoreException;
import org.bulwark.store.api.StoredException;

/**
 * The workbench's adapter to the operations layer, the use cases the command line and the fleet server run too:
 * {@link Assessments} re-assesses and stores, {@link ExceptionOperations} and {@link RemediationOperations} check
 * and make every change (and give exceptions their ids), {@link RecommendationRows} makes the recommendations and
 * their status, {@link EntityCsv} and {@link FileOutput} write the export, {@link Locations} says where the data
 * lives. Every method may block (collection, database): call it from a Job, never the UI thread. The store is
 * opened per call, as the command line does, because an embedded database is locked while open.
 */
public final class Backend {

    /**
     * The services the backend uses, looked up at each use: in the workbench they are tracked OSGi services that
     * may come and go (a collector plug-in, a store restart), in tests they are whatever the test registers.
     */
    public interface Services {
        Locations locations();

        Assessments assessments();

        ExceptionOperations exceptions();

        RemediationOperations remediations();

        RecommendationRows rows();

        EntityCsv csv();

        FileOutput files();

        ScoringService scoring();

        BenchmarkRegistry registry();

        VulnerabilityOperations vulnerabilities();
    }

    private final Services services;
    private final Location given;
    private final Path root;
    private volatile Location resolved;
    private volatile Assessment last;

    /**
     * @param location where the data lives, or {@code null} for where {@link Locations} says (no flags: the
     *                 environment, then the system properties; the {@code bulwark} script passes
     *                 {@code -Dbulwark.data})
     * @param root     the filesystem to assess, normally {@code /}
     */
    public Backend(Services services, Location location, Path root) {
        this.services = services;
        this.given = location;
        this.root = root;
    }

    private static <T> T need(T service, String name) {
        if (service == null) {
            throw new IllegalStateException("the " + name + " service is not available; is its bundle installed "
                    + "and started? (see the log, or restart the workbench)");
        }
        return service;
    }

    /** @return where the data lives */
    public Location location() {
        Location l = given != null ? given : resolved;
        if (l == null) {
            l = need(services.locations(), "locations").resolve(null, null);
            resolved = l;
        }
        return l;
    }

    /** @return the store, opened; the caller closes it */
    public AssessmentStore open() throws StoreException {
        return need(services.locations(), "locations").opener(location()).open();
    }

    /** @return the scores and recommendations of every device's latest stored assessment */
    public Snapshot load() {
        Instant now = Instant.now();
        List<Benchmark> content = need(services.registry(), "benchmark content").benchmarks();
        Map<String, Control> controls = new HashMap<>();
        for (Benchmark b : content) {
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
            FleetScore score = need(services.scoring(), "scoring").score(fleet.controls(), fleet.devices(),
                    exceptions, now);
            List<Row> rows = new ArrayList<>();
            for (RecommendationRow r : need(services.rows(), "recommendation rows").rows(score, fleet.devices(),
                    exceptions, fleet.controls(), content)) {
                rows.add(new Row(r));
            }
            Map<String, List<Recommendation.DeviceEvidence>> evidence = new LinkedHashMap<>();
            Assessment a = last;
            if (a != null) {
                for (Recommendation r : a.recommendations()) {
                    evidence.put(r.control().id(), r.evidence());
                }
            }
            return new Snapshot(now, score, rows, db.history(null, null), db.devices(), controls, evidence,
                    notAssessed(score, fleet), activities, stored, null);
        } catch (StoreException e) {
            return Snapshot.empty("The store at " + location().describe() + " could not be read: " + e.getMessage()
                    + ". Check --data / BULWARK_DB, or run `bulwark assess` once.");
        }
    }

    /** @return the counted controls without a decision (error, unknown), "control-id: STATE[ on host]" */
    private static List<String> notAssessed(FleetScore score, FleetResults fleet) {
        List<String> notAssessed = new ArrayList<>();
        for (ControlScore cs : score.controls()) {
            for (DeviceResults d : fleet.devices()) {
                ResultState s = d.states().get(cs.controlId());
                if (s == ResultState.ERROR || s == ResultState.UNKNOWN) {
                    notAssessed.add(cs.controlId() + ": " + s + (fleet.devices().size() > 1
                            ? " on " + d.device().hostname() : ""));
                }
            }
        }
        return notAssessed;
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
     * The change timeline of device {@code deviceId}, as the fleet server's {@code /api/machines/{id}/changes} pages
     * it: its stored history paired into consecutive assessments, newest pair first, and the store's diff of each
     * of the newest {@code limit} pairs (only those are computed).
     */
    public Timeline timeline(long request, String deviceId, int limit) {
        try (AssessmentStore db = open()) {
            Changes c = need(services.assessments(), "assessment").changes(db, deviceId, 0, limit);
            return new Timeline(request, deviceId, c.diffs(), (int) c.pairs(), null);
        } catch (RuntimeException e) { // a service that is not there
            return new Timeline(request, deviceId, List.of(), 0, "The change timeline could not be read: "
                    + e.getMessage());
        } catch (StoreException e) {
            return new Timeline(request, deviceId, List.of(), 0, "The store at " + location().describe()
                    + " could not be read: " + e.getMessage());
        }
    }

    /**
     * @return the exposure of every stored device with an inventory, and of the fleet, at {@code now}
     *         ({@link VulnerabilityOperations#exposure}), or why it could not be computed
     */
    public Exposure exposure(long request, Instant now) {
        try (AssessmentStore db = open()) {
            return new Exposure(request, need(services.vulnerabilities(), "vulnerability").exposure(db, d -> true,
                    now), null);
        } catch (StoreException e) {
            return new Exposure(request, null, "The store at " + location().describe() + " could not be read: "
                    + e.getMessage());
        } catch (OperationException | RuntimeException e) { // a feed without its reader, a service not there
            return new Exposure(request, null, "The exposure could not be computed: " + e.getMessage());
        }
    }

    /**
     * Assesses this machine with the installed content and the stored exceptions in force, and stores it
     * ({@link Assessments}: the store is read and written on a thread of the service, so an interrupt of the
     * caller, a cancel, reaches only the collectors). Its evidence is shown from now on when it was stored.
     *
     * @return the assessment, and what became of storing it
     * @throws InterruptedException when cancelled before it was stored; nothing was stored
     */
    public AssessOutcome reassess(AssessmentListener listener) throws InterruptedException, IOException,
            OperationException {
        AssessOutcome outcome = need(services.assessments(), "assessments").assess(AssessOrder.of(root),
                need(services.locations(), "locations").opener(location()), ReportSink.NONE, listener);
        if (outcome.stored() != null) {
            last = outcome.assessment();
        }
        return outcome;
    }

    /** Creates the activity {@code draft} asks for, requested now by {@code requester}. */
    public Remediation submit(ActivityDraft draft, String requester) throws OperationException, StoreException {
        try (AssessmentStore db = open()) {
            return need(services.remediations(), "remediation").create(db, draft, requester, Instant.now());
        }
    }

    /** Marks active activity {@code id} completed by hand, now. */
    public Remediation complete(long id) throws OperationException, StoreException {
        try (AssessmentStore db = open()) {
            return need(services.remediations(), "remediation").complete(db, id, Instant.now());
        }
    }

    /**
     * Updates active activity {@code id}: the fields {@code update} names change, the others stay (see
     * {@link ActivityEdit}); {@code by} and now are kept as who updated it and when.
     *
     * @throws OperationException INVALID_INPUT when the update is wrong, CONFLICT when it is no longer active,
     *                            NOT_FOUND when it is gone; nothing is written
     */
    public Remediation update(long id, Remediation.Update update, String by) throws OperationException,
            StoreException {
        try (AssessmentStore db = open()) {
            return need(services.remediations(), "remediation").update(db, id, update, by, Instant.now());
        }
    }

    /** Cancels active activity {@code id} now, by {@code by}. */
    public Remediation cancel(long id, String by) throws OperationException, StoreException {
        try (AssessmentStore db = open()) {
            return need(services.remediations(), "remediation").cancel(db, id, by, Instant.now());
        }
    }

    /** Creates the exception {@code draft} asks for (its id given by {@link ExceptionOperations}), by {@code author}. */
    public StoredException except(ExceptionDraft draft, String author) throws OperationException, StoreException {
        try (AssessmentStore db = open()) {
            return need(services.exceptions(), "exception").create(db, draft, author, Instant.now());
        }
    }

    /**
     * Updates exception {@code id}: the fields {@code update} names change, the others stay (see
     * {@link ExceptionEdit}); {@code by} and now are kept as who updated it and when. The score follows from the
     * next load.
     *
     * @throws OperationException INVALID_INPUT when the update is wrong, CONFLICT when it is cancelled, NOT_FOUND
     *                            when it is gone; nothing is written
     */
    public StoredException updateException(String id, StoredException.Update update, String by)
            throws OperationException, StoreException {
        try (AssessmentStore db = open()) {
            return need(services.exceptions(), "exception").update(db, id, update, by, Instant.now());
        }
    }

    /**
     * Cancels exception {@code id} now, by {@code by}: it stops counting and stays listed as cancelled.
     *
     * @throws OperationException CONFLICT when it is already cancelled, NOT_FOUND when it is gone
     */
    public StoredException cancelException(String id, String by) throws OperationException, StoreException {
        try (AssessmentStore db = open()) {
            return need(services.exceptions(), "exception").cancel(db, id, by, Instant.now());
        }
    }

    /** Writes every remediation activity to {@code file} as CSV (replaced atomically); returns how many. */
    public int exportActivities(Path file) throws StoreException, IOException {
        List<Remediation> all;
        try (AssessmentStore db = open()) {
            all = need(services.remediations(), "remediation").list(db, null);
        }
        need(services.files(), "file output").replace(file, need(services.csv(), "CSV").activities(all));
        return all.size();
    }
}
