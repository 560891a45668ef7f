package org.bulwark.store.internal;

import static org.bulwark.store.internal.Sql.micros;
import static org.bulwark.store.internal.Sql.nn;
import static org.bulwark.store.internal.Sql.require;
import static org.bulwark.store.internal.Sql.setTime;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.bulwark.collector.api.Category;
import org.bulwark.scoring.api.AssessedControl;
import org.bulwark.scoring.api.Assessment;
import org.bulwark.scoring.api.BenchmarkInfo;
import org.bulwark.scoring.api.CollectorRun;
import org.bulwark.scoring.api.ControlException;
import org.bulwark.scoring.api.ControlScore;
import org.bulwark.scoring.api.Coverage;
import org.bulwark.scoring.api.Device;
import org.bulwark.scoring.api.Points;
import org.bulwark.scoring.api.Recommendation;
import org.bulwark.store.api.DevicePlatform;
import org.bulwark.store.api.AssessmentSummary;
import org.bulwark.store.api.StoreException;
import org.bulwark.store.api.StoredResult;

/**
 * Stores an assessment whole, in the caller's transaction: the device, the assessment row with its scores and
 * compressed report, its category scores, content, collectors, results (one {@link ResultCodec} value), the
 * controls it has, the exceptions applied, the device's software inventories, and the recount of the activities for its controls.
 */
final class AssessmentWriter {

    private final Transactions tx;
    private final Devices devices;
    private final Controls controls;
    private final Remediations remediations;
    private final ResultStateCache states;
    private final Inventories inventories;

    AssessmentWriter(Transactions tx, Devices devices, Controls controls, Remediations remediations,
            ResultStateCache states, Inventories inventories) {
        this.tx = tx;
        this.inventories = inventories;
        this.devices = devices;
        this.controls = controls;
        this.remediations = remediations;
        this.states = states;
    }

    /** @return the summary {@code summaries("a.id = ?")} would read back, without reading it */
    AssessmentSummary insert(Assessment a, byte[] reportGz, Optional<Double> exposure)
            throws SQLException, StoreException {
        Connection c = tx.connection();
        Instant finished = micros(a.finished());
        Device d = a.device();
        devices.upsert(d, DevicePlatform.of(a.platform()), finished);
        long id = insertAssessment(c, a, reportGz, exposure);
        try (PreparedStatement p = c.prepareStatement(
                "INSERT INTO assessment_category (assessment_id, category, earned, possible) VALUES (?, ?, ?, ?)")) {
            for (Category cat : Category.values()) {
                Points cp = a.score().categories().getOrDefault(cat, new Points(0, 0));
                p.setLong(1, id);
                p.setString(2, cat.name());
                p.setDouble(3, cp.earned());
                p.setDouble(4, cp.possible());
                p.addBatch();
            }
            p.executeBatch();
        }
        try (PreparedStatement p = c.prepareStatement("INSERT INTO assessment_content (assessment_id, seq, "
                + "benchmark_id, title, version, origin, sha256, controls) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            int pos = 0;
            for (BenchmarkInfo b : a.benchmarks()) {
                p.setLong(1, id);
                p.setInt(2, pos++);
                p.setString(3, b.id());
                p.setString(4, nn(b.title()));
                p.setString(5, nn(b.version()));
                p.setString(6, nn(b.origin()));
                p.setString(7, nn(b.sha256()));
                p.setInt(8, b.controls());
                p.addBatch();
            }
            p.executeBatch();
        }
        try (PreparedStatement p = c.prepareStatement("INSERT INTO assessment_collector (assessment_id, seq, "
                + "collector_id, category, bundle, outcome, duration_ms, observations, message) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            int pos = 0;
            for (CollectorRun r : a.collectors()) {
                p.setLong(1, id);
                p.setInt(2, pos++);
                p.setString(3, r.collectorId());
                p.setString(4, r.category() == null ? "" : r.category().name());
                p.setString(5, nn(r.bundle()));
                p.setString(6, r.outcome().name());
                p.setLong(7, r.duration() == null ? 0 : r.duration().toMillis());
                p.setInt(8, r.observations());
                p.setString(9, r.message());
                p.addBatch();
            }
            p.executeBatch();
        }
        List<StoredResult> results = results(a);
        try (PreparedStatement p = c.prepareStatement(
                "INSERT INTO assessment_results (assessment_id, results) VALUES (?, ?)")) {
            p.setLong(1, id);
            p.setBytes(2, ResultCodec.encode(results));
            p.executeUpdate();
        }
        tx.afterCommit(() -> states.remember(id, results));
        controls.record(results, id);
        Set<String> seen = new HashSet<>();
        try (PreparedStatement p = c.prepareStatement("INSERT INTO assessment_exception (assessment_id, "
                + "exception_id, control_id, scope, target, justification, author, created, expires, notes) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (ControlException e : a.exceptions()) {
                if (!seen.add(e.id())) {
                    continue;
                }
                p.setLong(1, id);
                p.setString(2, e.id());
                Exceptions.bind(p, 3, e);
                p.addBatch();
            }
            p.executeBatch();
        }
        inventories.record(d.id(), id, finished, a.platform(), a.software());
        Set<String> assessed = new LinkedHashSet<>();
        a.controls().forEach(ac -> assessed.add(ac.control().id()));
        remediations.recountFor(assessed, finished);
        Map<Category, Points> categories = new EnumMap<>(Category.class);
        for (Category cat : Category.values()) {
            categories.put(cat, a.score().categories().getOrDefault(cat, new Points(0, 0)));
        }
        List<String> content = new ArrayList<>();
        a.benchmarks().forEach(b -> content.add(b.id() + " " + nn(b.version())));
        return new AssessmentSummary(id, new Device(d.id(), d.hostname(), d.os(), new TreeSet<>(d.groups())),
                micros(a.started()), finished, content, a.score().points(), categories, a.score().coverage(),
                a.complete(), exposure);
    }

    /** @return the id of the new assessment row */
    private static long insertAssessment(Connection c, Assessment a, byte[] reportGz, Optional<Double> exposure)
            throws SQLException {
        Device d = a.device();
        Coverage cov = a.score().coverage();
        Points points = a.score().points();
        try (PreparedStatement p = c.prepareStatement("INSERT INTO assessment (device_id, hostname, os, "
                + "groups_list, started, finished, root, live, complete, earned, possible, counted, passed, "
                + "failed, errors, unknowns, not_checked, not_applicable, informational, report_gz, exposure_score) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                Statement.RETURN_GENERATED_KEYS)) {
            int i = 1;
            p.setString(i++, d.id());
            p.setString(i++, d.hostname());
            p.setString(i++, d.os());
            p.setString(i++, String.join("\n", new TreeSet<>(d.groups())));
            setTime(p, i++, a.started());
            setTime(p, i++, a.finished());
            p.setString(i++, a.root() == null ? "" : a.root());
            p.setBoolean(i++, a.live());
            p.setBoolean(i++, a.complete());
            p.setDouble(i++, points.earned());
            p.setDouble(i++, points.possible());
            for (int n : new int[] { cov.counted(), cov.passed(), cov.failed(), cov.errors(), cov.unknown(),
                    cov.notChecked(), cov.notApplicable(), cov.informational() }) {
                p.setInt(i++, n);
            }
            p.setBytes(i++, reportGz);
            if (exposure.isPresent()) {
                p.setDouble(i++, exposure.get());
            } else {
                p.setNull(i++, Types.DOUBLE);
            }
            p.executeUpdate();
            try (ResultSet keys = p.getGeneratedKeys()) {
                if (!keys.next()) {
                    throw new SQLException("no id generated for the assessment");
                }
                return keys.getLong(1);
            }
        }
    }

    /**
     * @return the assessment's results as stored: credit from its score, the exception that covers each
     * @throws StoreException INVALID_INPUT when a control appears twice (checked after the first rows are
     *                        written, so that the rollback undoes them)
     */
    private static List<StoredResult> results(Assessment a) throws StoreException {
        Device d = a.device();
        Map<String, String> exceptionOf = new LinkedHashMap<>();
        for (Recommendation r : a.recommendations()) {
            for (Recommendation.DeviceEvidence de : r.evidence()) {
                if (de.exception() != null && de.deviceId().equals(d.id())) {
                    exceptionOf.put(r.control().id(), de.exception().id());
                }
            }
        }
        Map<String, ControlScore> scores = new HashMap<>();
        a.score().controls().forEach(cs -> scores.put(cs.controlId(), cs));
        List<StoredResult> results = new ArrayList<>(a.controls().size());
        Set<String> once = new HashSet<>();
        for (AssessedControl ac : a.controls()) {
            require(once.add(ac.control().id()), "control '" + ac.control().id()
                    + "' appears twice in the assessment of " + d.id());
            ControlScore cs = scores.get(ac.control().id());
            boolean credit = ac.result().state().counted() && cs != null && cs.credit() > 0;
            results.add(new StoredResult(ac.control().id(), nn(ac.control().title()), ac.control().category(),
                    ac.control().weight(), ac.result().state(), ac.result().reason(), credit,
                    exceptionOf.get(ac.control().id())));
        }
        return results;
    }
}
