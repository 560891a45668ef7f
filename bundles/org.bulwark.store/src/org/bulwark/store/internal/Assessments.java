package org.bulwark.store.internal;

import static org.bulwark.store.internal.Sql.instant;
import static org.bulwark.store.internal.Sql.micros;
import static org.bulwark.store.internal.Sql.utc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import org.bulwark.collector.api.Category;
import org.bulwark.scoring.api.BenchmarkInfo;
import org.bulwark.scoring.api.ControlException;
import org.bulwark.scoring.api.ControlRef;
import org.bulwark.scoring.api.Coverage;
import org.bulwark.scoring.api.Device;
import org.bulwark.scoring.api.DeviceResults;
import org.bulwark.scoring.api.Points;
import org.bulwark.scoring.api.ResultState;
import org.bulwark.store.api.AssessmentDiff;
import org.bulwark.store.api.AssessmentSummary;
import org.bulwark.store.api.FleetResults;
import org.bulwark.store.api.StoreException;
import org.bulwark.store.api.StoreException.Reason;
import org.bulwark.store.api.StoredAssessment;
import org.bulwark.store.api.StoredResult;
import org.bulwark.store.api.StoredResults;

/**
 * Reads stored assessments, in the caller's transaction: summaries (history), whole assessments, diffs, every
 * device's latest results and the assessments stored after a point. Results are read whole: decoded from their
 * compact row (schema 4) or, for assessments stored before, from their result rows.
 */
final class Assessments {

    private static final String SUMMARY_COLUMNS = "a.id, a.device_id, a.hostname, a.os, a.groups_list, a.started, "
            + "a.finished, a.complete, a.earned, a.possible, a.counted, a.passed, a.failed, a.errors, a.unknowns, "
            + "a.not_checked, a.not_applicable, a.informational, a.exposure_score";

    private final Transactions tx;
    private final Devices devices;
    private final ResultStateCache states;

    Assessments(Transactions tx, Devices devices, ResultStateCache states) {
        this.tx = tx;
        this.devices = devices;
        this.states = states;
    }

    /** @see org.bulwark.store.api.AssessmentHistory#history */
    List<AssessmentSummary> history(String deviceId, Instant since) throws SQLException, StoreException {
        StringBuilder sql = new StringBuilder("1 = 1");
        List<Object> params = new ArrayList<>();
        if (deviceId != null) {
            sql.append(" AND a.device_id = ?");
            params.add(devices.resolve(deviceId));
        }
        if (since != null) {
            sql.append(" AND a.finished >= ?");
            params.add(utc(micros(since)));
        }
        return summaries(sql.toString(), params);
    }

    @SuppressWarnings("unchecked") // the row's exposure, an Optional<Double> put there above
    private List<AssessmentSummary> summaries(String condition, List<Object> params) throws SQLException {
        Connection c = tx.connection();
        Map<Long, Object[]> rows = new LinkedHashMap<>();
        try (PreparedStatement p = c.prepareStatement(
                "SELECT " + SUMMARY_COLUMNS + " FROM assessment a WHERE " + condition + " ORDER BY a.id")) {
            Sql.bind(p, params);
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    String groups = r.getString(5);
                    Device device = new Device(r.getString(2), r.getString(3), r.getString(4),
                            groups.isEmpty() ? Set.of() : Set.of(groups.split("\n")));
                    Coverage coverage = new Coverage(r.getInt(11), r.getInt(12), r.getInt(13), r.getInt(14),
                            r.getInt(15), r.getInt(16), r.getInt(17), r.getInt(18));
                    double score = r.getDouble(19);
                    Optional<Double> exposure = r.wasNull() ? Optional.empty() : Optional.of(score);
                    rows.put(r.getLong(1), new Object[] { device, instant(r, 6), instant(r, 7), r.getBoolean(8),
                            new Points(r.getDouble(9), r.getDouble(10)), coverage,
                            exposure });
                }
            }
        }
        Map<Long, Map<Category, Points>> categories = new LinkedHashMap<>();
        try (PreparedStatement p = c.prepareStatement("SELECT c.assessment_id, c.category, c.earned, c.possible "
                + "FROM assessment_category c JOIN assessment a ON a.id = c.assessment_id WHERE " + condition)) {
            Sql.bind(p, params);
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    categories.computeIfAbsent(r.getLong(1), k -> new EnumMap<>(Category.class))
                            .put(Category.valueOf(r.getString(2)), new Points(r.getDouble(3), r.getDouble(4)));
                }
            }
        }
        Map<Long, List<String>> content = new LinkedHashMap<>();
        try (PreparedStatement p = c.prepareStatement("SELECT c.assessment_id, c.benchmark_id, c.version "
                + "FROM assessment_content c JOIN assessment a ON a.id = c.assessment_id WHERE " + condition
                + " ORDER BY c.assessment_id, c.seq")) {
            Sql.bind(p, params);
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    content.computeIfAbsent(r.getLong(1), k -> new ArrayList<>())
                            .add(r.getString(2) + " " + r.getString(3));
                }
            }
        }
        List<AssessmentSummary> out = new ArrayList<>(rows.size());
        for (Map.Entry<Long, Object[]> e : rows.entrySet()) {
            Object[] v = e.getValue();
            out.add(new AssessmentSummary(e.getKey(), (Device) v[0], (Instant) v[1], (Instant) v[2],
                    content.getOrDefault(e.getKey(), List.of()), (Points) v[4],
                    categories.getOrDefault(e.getKey(), Map.of()), (Coverage) v[5], (Boolean) v[3],
                    (Optional<Double>) v[6]));
        }
        return out;
    }

    /** @see org.bulwark.store.api.AssessmentHistory#latestResults */
    FleetResults latestResults() throws SQLException {
        List<String> ids = new ArrayList<>();
        try (Statement st = tx.connection().createStatement();
                ResultSet r = st.executeQuery("SELECT MAX(id) FROM assessment GROUP BY device_id")) {
            while (r.next()) {
                ids.add(Long.toString(r.getLong(1)));
            }
        }
        if (ids.isEmpty()) {
            return new FleetResults(List.of(), List.of());
        }
        Map<Long, AssessmentSummary> summaries = new LinkedHashMap<>();
        // numbers only: a literal list lets both databases use the primary key
        for (AssessmentSummary s : summaries("a.id IN (" + String.join(", ", ids) + ")", List.of())) {
            summaries.put(s.id(), s);
        }
        // by assessment id: the newest definition of a control wins
        TreeMap<Long, List<StoredResult>> byAssessment = resultsOf(ids);
        Map<Long, Map<String, ResultState>> resultStates = new LinkedHashMap<>();
        Map<String, ControlRef> controls = new LinkedHashMap<>();
        for (Map.Entry<Long, List<StoredResult>> e : byAssessment.entrySet()) {
            Map<String, ResultState> m = new LinkedHashMap<>();
            for (StoredResult r : e.getValue()) {
                m.put(r.controlId(), r.state());
                controls.put(r.controlId(), new ControlRef(r.controlId(), r.title(), r.category(), r.weight()));
            }
            resultStates.put(e.getKey(), m);
            long id = e.getKey();
            List<StoredResult> results = e.getValue();
            tx.afterCommit(() -> states.remember(id, results)); // the latest ones are those recounts read
        }
        // the devices as the store keeps them now: their current groups decide group-scoped exceptions
        Map<String, Device> known = devices.byId();
        List<DeviceResults> fleet = new ArrayList<>();
        List<Long> assessmentIds = new ArrayList<>();
        for (AssessmentSummary s : summaries.values()) {
            fleet.add(new DeviceResults(known.getOrDefault(s.device().id(), s.device()), s.finished(),
                    resultStates.getOrDefault(s.id(), Map.of())));
            assessmentIds.add(s.id());
        }
        return new FleetResults(new ArrayList<>(controls.values()), fleet, assessmentIds);
    }

    /**
     * @param ids assessment ids, as decimal numbers
     * @return the results of those assessments, by id
     */
    private TreeMap<Long, List<StoredResult>> resultsOf(List<String> ids) throws SQLException {
        TreeMap<Long, List<StoredResult>> byAssessment = new TreeMap<>();
        try (PreparedStatement p = tx.connection().prepareStatement("SELECT assessment_id, results FROM "
                + "assessment_results WHERE assessment_id IN (" + String.join(", ", ids) + ")");
                ResultSet r = p.executeQuery()) {
            while (r.next()) {
                byAssessment.put(r.getLong(1), ResultCodec.decode(r.getBytes(2), r.getLong(1)));
            }
        }
        List<String> older = new ArrayList<>(); // stored before schema 4: one row per result
        for (String i : ids) {
            if (!byAssessment.containsKey(Long.parseLong(i))) {
                older.add(i);
            }
        }
        if (!older.isEmpty()) {
            try (PreparedStatement p = tx.connection().prepareStatement("SELECT r.assessment_id, r.control_id, "
                    + "r.title, r.category, r.weight, r.state FROM result r WHERE r.assessment_id IN ("
                    + String.join(", ", older) + ") ORDER BY r.assessment_id, r.seq");
                    ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    byAssessment.computeIfAbsent(r.getLong(1), k -> new ArrayList<>()).add(new StoredResult(
                            r.getString(2), r.getString(3), Category.valueOf(r.getString(4)), r.getInt(5),
                            ResultState.valueOf(r.getString(6)), null, false, null));
                }
            }
        }
        return byAssessment;
    }

    /** @see org.bulwark.store.api.AssessmentHistory#assessmentsAfter */
    List<StoredResults> after(long afterId, Set<Long> ids, int limit) throws SQLException {
        List<String> found = new ArrayList<>();
        StringBuilder where = new StringBuilder("id > ?");
        if (!ids.isEmpty()) {
            List<String> numbers = new ArrayList<>();
            ids.forEach(i -> numbers.add(Long.toString(i)));
            where.append(" OR id IN (").append(String.join(", ", numbers)).append(')');
        }
        try (PreparedStatement p = tx.connection().prepareStatement("SELECT id FROM assessment WHERE " + where
                + " ORDER BY id")) {
            p.setLong(1, afterId);
            p.setMaxRows(limit);
            try (ResultSet r = p.executeQuery()) {
                while (r.next() && found.size() < limit) {
                    found.add(Long.toString(r.getLong(1)));
                }
            }
        }
        if (found.isEmpty()) {
            return List.of();
        }
        TreeMap<Long, List<StoredResult>> results = resultsOf(found);
        Map<String, Device> known = devices.byId();
        List<StoredResults> out = new ArrayList<>(found.size());
        for (AssessmentSummary s : summaries("a.id IN (" + String.join(", ", found) + ")", List.of())) {
            Map<String, ResultState> resultStates = new LinkedHashMap<>();
            List<ControlRef> refs = new ArrayList<>();
            for (StoredResult r : results.getOrDefault(s.id(), List.of())) {
                resultStates.put(r.controlId(), r.state());
                refs.add(new ControlRef(r.controlId(), r.title(), r.category(), r.weight()));
            }
            out.add(new StoredResults(s.id(), new DeviceResults(known.getOrDefault(s.device().id(), s.device()),
                    s.finished(), resultStates), refs));
        }
        return out;
    }

    /** @return assessment {@code id} whole, or {@code null} */
    StoredAssessment load(long id) throws SQLException {
        List<AssessmentSummary> found = summaries("a.id = ?", List.of(id));
        if (found.isEmpty()) {
            return null;
        }
        Connection c = tx.connection();
        List<BenchmarkInfo> benchmarks = new ArrayList<>();
        try (PreparedStatement p = c.prepareStatement("SELECT benchmark_id, title, version, origin, sha256, "
                + "controls FROM assessment_content WHERE assessment_id = ? ORDER BY seq")) {
            p.setLong(1, id);
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    benchmarks.add(new BenchmarkInfo(r.getString(1), r.getString(2), r.getString(3), r.getString(4),
                            r.getString(5), r.getInt(6)));
                }
            }
        }
        Set<String> collectors = new LinkedHashSet<>();
        try (PreparedStatement p = c.prepareStatement(
                "SELECT bundle FROM assessment_collector WHERE assessment_id = ? ORDER BY seq")) {
            p.setLong(1, id);
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    if (!r.getString(1).isEmpty()) {
                        collectors.add(r.getString(1));
                    }
                }
            }
        }
        List<StoredResult> results = results(id);
        List<ControlException> exceptions = new ArrayList<>();
        try (PreparedStatement p = c.prepareStatement("SELECT exception_id, control_id, scope, target, "
                + "justification, author, created, expires, notes FROM assessment_exception WHERE assessment_id = ? "
                + "ORDER BY exception_id")) {
            p.setLong(1, id);
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    exceptions.add(Exceptions.read(r, 1));
                }
            }
        }
        String json;
        try (PreparedStatement p = c.prepareStatement("SELECT report_gz, report_json FROM assessment WHERE id = ?")) {
            p.setLong(1, id);
            try (ResultSet r = p.executeQuery()) {
                r.next();
                byte[] gz = r.getBytes(1);
                json = gz != null ? Reports.gunzip(gz, id) : r.getString(2); // schema 1 kept the text
            }
        }
        return new StoredAssessment(found.get(0), benchmarks, List.copyOf(collectors), results, exceptions, json);
    }

    /** @see org.bulwark.store.api.AssessmentHistory#diff */
    AssessmentDiff diff(long from, long to) throws SQLException, StoreException {
        StoredAssessment a = load(from);
        StoredAssessment b = load(to);
        if (a == null || b == null) {
            throw new StoreException(Reason.NOT_FOUND, "no stored assessment #" + (a == null ? from : to)
                    + " (see `bulwark history`)");
        }
        if (!a.summary().device().id().equals(b.summary().device().id())) {
            throw new StoreException(Reason.INVALID_INPUT, "assessments #" + from + " and #" + to
                    + " are of different devices (" + a.summary().device().hostname() + ", "
                    + b.summary().device().hostname() + "): diff compares one device over time");
        }
        return Diffs.diff(a, b);
    }

    /** @return the results of assessment {@code id}: its compact row (schema 4) or its result rows (before) */
    List<StoredResult> results(long id) throws SQLException {
        try (PreparedStatement p = tx.connection().prepareStatement(
                "SELECT results FROM assessment_results WHERE assessment_id = ?")) {
            p.setLong(1, id);
            try (ResultSet r = p.executeQuery()) {
                if (r.next()) {
                    return ResultCodec.decode(r.getBytes(1), id);
                }
            }
        }
        List<StoredResult> results = new ArrayList<>();
        try (PreparedStatement p = tx.connection().prepareStatement("SELECT control_id, title, category, weight, "
                + "state, reason, credit, exception_id FROM result WHERE assessment_id = ? ORDER BY seq")) {
            p.setLong(1, id);
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    results.add(new StoredResult(r.getString(1), r.getString(2), Category.valueOf(r.getString(3)),
                            r.getInt(4), ResultState.valueOf(r.getString(5)), r.getString(6), r.getBoolean(7),
                            r.getString(8)));
                }
            }
        }
        return results;
    }
}
