package org.bulwark.store.internal;

import java.sql.Connection;
import java.sql.Driver;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

import org.bulwark.collector.api.Category;
import org.bulwark.scoring.api.AssessedControl;
import org.bulwark.scoring.api.Assessment;
import org.bulwark.scoring.api.BenchmarkInfo;
import org.bulwark.scoring.api.CollectorRun;
import org.bulwark.scoring.api.ControlException;
import org.bulwark.scoring.api.ControlRef;
import org.bulwark.scoring.api.ControlScore;
import org.bulwark.scoring.api.Coverage;
import org.bulwark.scoring.api.Device;
import org.bulwark.scoring.api.DeviceResults;
import org.bulwark.scoring.api.Justification;
import org.bulwark.scoring.api.Points;
import org.bulwark.scoring.api.Recommendation;
import org.bulwark.scoring.api.ResultState;
import org.bulwark.store.api.AssessmentDiff;
import org.bulwark.store.api.AssessmentStore;
import org.bulwark.store.api.AssessmentSummary;
import org.bulwark.store.api.FleetResults;
import org.bulwark.store.api.Remediation;
import org.bulwark.store.api.StoreException;
import org.bulwark.store.api.StoreException.Reason;
import org.bulwark.store.api.StoredAssessment;
import org.bulwark.store.api.StoredException;
import org.bulwark.store.api.StoredResult;
import org.bulwark.store.api.StoredResults;

/**
 * The store on a small pool of JDBC connections (H2 or PostgreSQL) with auto-commit off: every public method is
 * one transaction on one connection, committed at its end or rolled back on any failure, so that uploads and
 * queries from several threads run side by side. A transaction that loses a race with another (two first
 * assessments of one device inserting it, a lock timeout, a deadlock or serialization failure) is rolled back and
 * run again, up to {@link #ATTEMPTS} times. Times are kept in UTC with microsecond precision (PostgreSQL's).
 */
final class JdbcStore implements AssessmentStore {

    private static final String SUMMARY_COLUMNS = "a.id, a.device_id, a.hostname, a.os, a.groups_list, a.started, "
            + "a.finished, a.complete, a.earned, a.possible, a.counted, a.passed, a.failed, a.errors, a.unknowns, "
            + "a.not_checked, a.not_applicable, a.informational";

    /** Connections kept open: enough for the server's request threads on a small machine. */
    static final int POOL_SIZE = Math.max(4, Math.min(16, 2 * Runtime.getRuntime().availableProcessors()));

    /** How often a transaction that lost a race is tried in all. */
    static final int ATTEMPTS = 5;

    private final Driver driver;
    private final String url;
    private final String where;
    private final int schemaVersion;
    /** Idle connections; at most {@link #POOL_SIZE} exist, {@code permits} counts those that may still be opened. */
    private final java.util.concurrent.BlockingDeque<Connection> idle = new java.util.concurrent.LinkedBlockingDeque<>();
    private final java.util.concurrent.Semaphore permits = new java.util.concurrent.Semaphore(POOL_SIZE);
    /** The connection of the transaction the calling thread runs. */
    private final ThreadLocal<Connection> current = new ThreadLocal<>();
    /** What to do once the calling thread's transaction has committed (caches of what it wrote). */
    private final ThreadLocal<List<Runnable>> committed = new ThreadLocal<>();
    private volatile boolean closed;

    private JdbcStore(Driver driver, String url, Connection first, String where, int schemaVersion) {
        this.driver = driver;
        this.url = url;
        this.where = where;
        this.schemaVersion = schemaVersion;
        permits.acquireUninterruptibly(); // the first connection is one of POOL_SIZE
        idle.add(first);
    }

    /** Opens {@code url} and migrates it (see {@link Migrations}). */
    static JdbcStore open(String url) throws StoreException {
        String where = redact(url);
        url = withCache(url);
        Driver driver = driver(url, where);
        Connection c = connect(driver, url, where);
        try {
            prepare(c);
            int version = Migrations.apply(c, where);
            return new JdbcStore(driver, url, c, where, version);
        } catch (SQLException | StoreException | RuntimeException e) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // reporting the first failure
            }
            if (e instanceof StoreException s) {
                throw s;
            }
            throw new StoreException(Reason.UNAVAILABLE, "cannot open the store at " + where + ": " + e.getMessage(), e);
        }
    }

    private static void prepare(Connection c) throws SQLException {
        c.setAutoCommit(false);
        c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
    }

    /**
     * @return {@code url} with an H2 page cache of an eighth of the heap (32 to 512 MiB) unless it sets one: H2's
     *         default of 16 MiB holds a small part of a fleet's result index, and every upload then reads pages
     *         back to insert its 300 rows. The cache fills only as pages are used.
     */
    static String withCache(String url) {
        if (url == null || !url.startsWith("jdbc:h2:")) {
            return url;
        }
        String upper = url.toUpperCase(java.util.Locale.ROOT);
        if (upper.contains(";CACHE_SIZE=")) {
            return url;
        }
        long kib = Math.max(32L * 1024, Math.min(512L * 1024, Runtime.getRuntime().maxMemory() / 8 / 1024));
        // and a statement cache per connection that holds every statement of a save (H2 keeps 8)
        return url + ";CACHE_SIZE=" + kib + (upper.contains(";QUERY_CACHE_SIZE=") ? "" : ";QUERY_CACHE_SIZE=64");
    }

    /** How long to wait for another process to close an embedded (H2) store. */
    static final long LOCK_WAIT_MS = 10_000;

    /** H2's "database may be already in use": another process has the file open. */
    private static final int H2_DATABASE_IN_USE = 90020;

    /**
     * Connects; an embedded store that another process has open (e.g. a scheduled {@code bulwark assess} saving)
     * is retried for up to {@link #LOCK_WAIT_MS}.
     */
    private static Connection connect(Driver driver, String url, String where) throws StoreException {
        long deadline = System.nanoTime() + LOCK_WAIT_MS * 1_000_000;
        while (true) {
            try {
                Connection c = driver.connect(url, new Properties());
                if (c == null) {
                    throw new StoreException(Reason.UNAVAILABLE, "the driver does not accept the URL " + where);
                }
                return c;
            } catch (SQLException e) {
                boolean inUse = e.getErrorCode() == H2_DATABASE_IN_USE;
                if (!inUse || System.nanoTime() > deadline) {
                    throw new StoreException(Reason.UNAVAILABLE, "cannot open the store at " + where + ": "
                            + (inUse ? "another process has had it open for " + LOCK_WAIT_MS / 1000
                                    + " s (an embedded store serves one process at a time; use PostgreSQL to "
                                    + "share one): " : "") + e.getMessage(), e);
                }
                try {
                    Thread.sleep(100);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw new StoreException(Reason.UNAVAILABLE, "interrupted while waiting for the store at " + where,
                            ie);
                }
            }
        }
    }

    private static Driver driver(String url, String where) throws StoreException {
        if (url == null || !url.startsWith("jdbc:")) {
            throw new StoreException(Reason.UNAVAILABLE, "not a JDBC URL: '" + where
                    + "' (expected jdbc:h2:… or jdbc:postgresql://host/database)");
        }
        if (url.startsWith("jdbc:h2:")) {
            return new org.h2.Driver();
        }
        if (url.startsWith("jdbc:postgresql:")) {
            return new org.postgresql.Driver();
        }
        throw new StoreException(Reason.UNAVAILABLE, "unsupported database '" + where
                + "': Bulwark stores in H2 (jdbc:h2:…) or PostgreSQL (jdbc:postgresql://…)");
    }

    /** @return {@code url} without its password, for messages */
    static String redact(String url) {
        return url == null ? "null" : url.replaceAll("(?i)(password=)[^&;]*", "$1***");
    }

    @FunctionalInterface
    private interface Work<T> {
        T run() throws SQLException, StoreException;
    }

    /** Runs {@code hook} if and when the calling thread's transaction commits. */
    private void afterCommit(Runnable hook) {
        committed.get().add(hook);
    }

    /** @return the connection of the calling thread's transaction */
    private Connection c() {
        Connection c = current.get();
        if (c == null) {
            throw new IllegalStateException("no transaction on this thread");
        }
        return c;
    }

    private <T> T tx(Work<T> work) throws StoreException {
        if (current.get() != null) {
            throw new IllegalStateException("transactions do not nest");
        }
        for (int attempt = 1;; attempt++) {
            Connection c = borrow();
            boolean healthy = true;
            current.set(c);
            List<Runnable> hooks = new ArrayList<>();
            committed.set(hooks);
            try {
                T result = work.run();
                c.commit();
                hooks.forEach(Runnable::run);
                return result;
            } catch (StoreException e) {
                Migrations.rollback(c);
                throw e;
            } catch (SQLException e) {
                Migrations.rollback(c);
                healthy = isOpen(c);
                if (healthy && attempt < ATTEMPTS && lostRace(e)) {
                    continue; // another transaction won: nothing of this one was kept; run it again
                }
                throw new StoreException(healthy ? Reason.FAILED : Reason.UNAVAILABLE, "store " + where + ": "
                        + e.getMessage() + " (nothing was written)", e);
            } catch (RuntimeException e) {
                Migrations.rollback(c);
                healthy = isOpen(c);
                throw new StoreException(Reason.FAILED, "store " + where + ": " + e.getMessage()
                        + " (nothing was written)", e);
            } catch (Error e) {
                // e.g. out of memory half-way: roll back, and retire the connection rather than trust its state
                Migrations.rollback(c);
                healthy = false;
                throw e;
            } finally {
                current.remove();
                committed.remove();
                giveBack(c, healthy);
            }
        }
    }

    /**
     * @return whether {@code e} says the transaction lost a race it may win when run again: a unique key another
     *         transaction inserted first (SQLSTATE 23505), a lock timeout (H2 HYT00), a deadlock or a
     *         serialization failure (40001, 40P01), or H2's concurrent update of a row (90131)
     */
    static boolean lostRace(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException s) {
                String state = s.getSQLState();
                if ("23505".equals(state) || "40001".equals(state) || "40P01".equals(state)
                        || "HYT00".equals(state) || s.getErrorCode() == 90131) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean isOpen(Connection c) {
        try {
            return !c.isClosed();
        } catch (SQLException e) {
            return false;
        }
    }

    /** @return an idle connection, or a new one while fewer than {@link #POOL_SIZE} exist; waits otherwise */
    private Connection borrow() throws StoreException {
        if (closed) {
            throw new StoreException(Reason.UNAVAILABLE, "the store at " + where + " is closed");
        }
        Connection c = idle.pollFirst();
        if (c != null) {
            return c;
        }
        // Wait in short steps: a permit released by a retired connection (a database restart) lets this thread
        // open a new one instead of waiting for an idle connection that may never come.
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(60);
        while (true) {
            if (closed) {
                throw new StoreException(Reason.UNAVAILABLE, "the store at " + where + " is closed");
            }
            if (permits.tryAcquire()) {
                try {
                    Connection fresh = connect(driver, url, where);
                    prepare(fresh);
                    return fresh;
                } catch (SQLException | StoreException | RuntimeException e) {
                    permits.release();
                    if (e instanceof StoreException s) {
                        throw s;
                    }
                    throw new StoreException(Reason.UNAVAILABLE, "cannot connect to the store at " + where + ": "
                            + e.getMessage(), e);
                }
            }
            try {
                c = idle.pollFirst(100, java.util.concurrent.TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StoreException(Reason.UNAVAILABLE, "interrupted while waiting for a connection to "
                        + where, e);
            }
            if (c != null) {
                return c;
            }
            if (System.nanoTime() > deadline) {
                throw new StoreException(Reason.UNAVAILABLE, "no connection to the store at " + where
                        + " became free within 60 s");
            }
        }
    }

    /** Returns a connection to the pool; a broken one, or any after {@link #close()}, is closed instead. */
    private void giveBack(Connection c, boolean healthy) {
        if (healthy && !closed) {
            idle.addFirst(c);
            if (!closed) {
                return;
            }
            if (!idle.remove(c)) {
                return; // close() took it
            }
        }
        closeQuietly(c);
        permits.release();
    }

    private static void closeQuietly(Connection c) {
        try {
            c.close();
        } catch (SQLException ignored) {
            // closing: nothing is pending (every transaction commits or rolls back)
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // Assessments

    @Override
    public AssessmentSummary save(Assessment a, String reportJson) throws StoreException {
        if (a == null || reportJson == null) {
            throw new StoreException(Reason.INVALID_INPUT, "an assessment and its JSON report are required");
        }
        byte[] gz;
        try {
            gz = gzip(reportJson); // outside the transaction: no connection is held while compressing
        } catch (SQLException e) {
            throw new StoreException(Reason.FAILED, e.getMessage(), e);
        }
        return insert(a, gz);
    }

    @Override
    public AssessmentSummary saveCompressed(Assessment a, byte[] reportGzip) throws StoreException {
        if (a == null || reportGzip == null) {
            throw new StoreException(Reason.INVALID_INPUT, "an assessment and its compressed report are required");
        }
        if (reportGzip.length < 18 || (reportGzip[0] & 0xff) != 0x1f || (reportGzip[1] & 0xff) != 0x8b) {
            throw new StoreException(Reason.INVALID_INPUT, "the compressed report is not gzip (it does not start "
                    + "with the gzip magic bytes 1f 8b)");
        }
        return insert(a, reportGzip);
    }

    private AssessmentSummary insert(Assessment a, byte[] reportGz) throws StoreException {
        return tx(() -> {
            Instant finished = micros(a.finished());
            Device d = a.device();
            upsertDevice(d, finished);
            long id;
            Coverage cov = a.score().coverage();
            Points points = a.score().points();
            try (PreparedStatement p = c().prepareStatement("INSERT INTO assessment (device_id, hostname, os, "
                    + "groups_list, started, finished, root, live, complete, earned, possible, counted, passed, "
                    + "failed, errors, unknowns, not_checked, not_applicable, informational, report_gz) VALUES "
                    + "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
                int i = 1;
                p.setString(i++, d.id());
                p.setString(i++, d.hostname());
                p.setString(i++, d.os());
                p.setString(i++, String.join("\n", new TreeSet<>(d.groups())));
                p.setObject(i++, utc(micros(a.started())));
                p.setObject(i++, utc(finished));
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
                p.executeUpdate();
                try (ResultSet keys = p.getGeneratedKeys()) {
                    if (!keys.next()) {
                        throw new SQLException("no id generated for the assessment");
                    }
                    id = keys.getLong(1);
                }
            }
            try (PreparedStatement p = c().prepareStatement(
                    "INSERT INTO assessment_category (assessment_id, category, earned, possible) VALUES (?, ?, ?, ?)")) {
                for (Category c : Category.values()) {
                    Points cp = a.score().categories().getOrDefault(c, new Points(0, 0));
                    p.setLong(1, id);
                    p.setString(2, c.name());
                    p.setDouble(3, cp.earned());
                    p.setDouble(4, cp.possible());
                    p.addBatch();
                }
                p.executeBatch();
            }
            try (PreparedStatement p = c().prepareStatement("INSERT INTO assessment_content (assessment_id, "
                    + "seq, benchmark_id, title, version, origin, sha256, controls) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
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
            try (PreparedStatement p = c().prepareStatement("INSERT INTO assessment_collector (assessment_id, "
                    + "seq, collector_id, category, bundle, outcome, duration_ms, observations, message) "
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
            Map<String, String> exceptionOf = new LinkedHashMap<>();
            for (Recommendation r : a.recommendations()) {
                for (Recommendation.DeviceEvidence de : r.evidence()) {
                    if (de.exception() != null && de.deviceId().equals(d.id())) {
                        exceptionOf.put(r.control().id(), de.exception().id());
                    }
                }
            }
            List<StoredResult> results = new ArrayList<>(a.controls().size());
            Map<String, ControlScore> scores = new java.util.HashMap<>();
            a.score().controls().forEach(cs -> scores.put(cs.controlId(), cs));
            Set<String> once = new java.util.HashSet<>();
            for (AssessedControl ac : a.controls()) {
                // checked here, after the first rows are written, so that the rollback undoes them
                require(once.add(ac.control().id()), "control '" + ac.control().id()
                        + "' appears twice in the assessment of " + d.id());
                ControlScore cs = scores.get(ac.control().id());
                boolean credit = ac.result().state().counted() && cs != null && cs.credit() > 0;
                results.add(new StoredResult(ac.control().id(), nn(ac.control().title()), ac.control().category(),
                        ac.control().weight(), ac.result().state(), ac.result().reason(), credit,
                        exceptionOf.get(ac.control().id())));
            }
            try (PreparedStatement p = c().prepareStatement(
                    "INSERT INTO assessment_results (assessment_id, results) VALUES (?, ?)")) {
                p.setLong(1, id);
                p.setBytes(2, ResultCodec.encode(results));
                p.executeUpdate();
            }
            afterCommit(() -> remember(id, results));
            recordControls(results, id);
            Set<String> seen = new java.util.HashSet<>();
            try (PreparedStatement p = c().prepareStatement("INSERT INTO assessment_exception (assessment_id, "
                    + "exception_id, control_id, scope, target, justification, author, created, expires, notes) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (ControlException e : a.exceptions()) {
                    if (!seen.add(e.id())) {
                        continue;
                    }
                    p.setLong(1, id);
                    p.setString(2, e.id());
                    bindException(p, 3, e);
                    p.addBatch();
                }
                p.executeBatch();
            }
            Set<String> controls = new LinkedHashSet<>();
            a.controls().forEach(ac -> controls.add(ac.control().id()));
            updateRemediations(controls, finished);
            // what summaries("a.id = ?") would read back, without reading it
            Map<Category, Points> categories = new EnumMap<>(Category.class);
            for (Category c : Category.values()) {
                categories.put(c, a.score().categories().getOrDefault(c, new Points(0, 0)));
            }
            List<String> content = new ArrayList<>();
            a.benchmarks().forEach(b -> content.add(b.id() + " " + nn(b.version())));
            return new AssessmentSummary(id, new Device(d.id(), d.hostname(), d.os(), new TreeSet<>(d.groups())),
                    micros(a.started()), finished, content, points, categories, cov, a.complete());
        });
    }

    private void upsertDevice(Device d, Instant seen) throws SQLException {
        Instant last = null;
        try (PreparedStatement p = c().prepareStatement("SELECT last_seen FROM device WHERE id = ?")) {
            p.setString(1, d.id());
            try (ResultSet r = p.executeQuery()) {
                if (r.next()) {
                    last = instant(r, 1);
                }
            }
        }
        if (last == null) {
            try (PreparedStatement p = c().prepareStatement(
                    "INSERT INTO device (id, hostname, os, first_seen, last_seen) VALUES (?, ?, ?, ?, ?)")) {
                p.setString(1, d.id());
                p.setString(2, d.hostname());
                p.setString(3, d.os());
                p.setObject(4, utc(seen));
                p.setObject(5, utc(seen));
                p.executeUpdate();
            }
        } else if (!seen.isBefore(last)) {
            try (PreparedStatement p = c().prepareStatement(
                    "UPDATE device SET hostname = ?, os = ?, last_seen = ? WHERE id = ?")) {
                p.setString(1, d.hostname());
                p.setString(2, d.os());
                p.setObject(3, utc(seen));
                p.setString(4, d.id());
                p.executeUpdate();
            }
        } else {
            return; // an older assessment stored late does not change what the device is now
        }
        if (!d.groups().isEmpty()) { // groups are kept by the store unless the device reports its own
            replaceGroups(d.id(), d.groups());
        }
    }

    private void replaceGroups(String deviceId, Set<String> groups) throws SQLException {
        try (PreparedStatement p = c().prepareStatement("DELETE FROM device_group WHERE device_id = ?")) {
            p.setString(1, deviceId);
            p.executeUpdate();
        }
        try (PreparedStatement p = c().prepareStatement(
                "INSERT INTO device_group (device_id, group_name) VALUES (?, ?)")) {
            for (String g : new TreeSet<>(groups)) {
                p.setString(1, deviceId);
                p.setString(2, g);
                p.addBatch();
            }
            p.executeBatch();
        }
    }

    @Override
    public Device setGroups(String deviceId, Set<String> groups) throws StoreException {
        return tx(() -> {
            require(deviceId != null && exists("SELECT 1 FROM device WHERE id = ?", deviceId), "unknown device '"
                    + deviceId + "': no stored assessment of a device with that id");
            for (String g : groups) {
                require(g != null && !g.isBlank(), "a group name must not be empty");
            }
            replaceGroups(deviceId, groups);
            return devicesById().get(deviceId);
        });
    }

    /** @return every device with its groups as the store keeps them */
    private Map<String, Device> devicesById() throws SQLException {
        Map<String, Set<String>> groups = new LinkedHashMap<>();
        try (Statement s = c().createStatement();
                ResultSet r = s.executeQuery("SELECT device_id, group_name FROM device_group")) {
            while (r.next()) {
                groups.computeIfAbsent(r.getString(1), k -> new TreeSet<>()).add(r.getString(2));
            }
        }
        Map<String, Device> out = new LinkedHashMap<>();
        try (Statement s = c().createStatement();
                ResultSet r = s.executeQuery("SELECT id, hostname, os FROM device ORDER BY id")) {
            while (r.next()) {
                out.put(r.getString(1), new Device(r.getString(1), r.getString(2), r.getString(3),
                        groups.getOrDefault(r.getString(1), Set.of())));
            }
        }
        return out;
    }

    @Override
    public List<AssessmentSummary> history(String deviceId, Instant since) throws StoreException {
        return tx(() -> {
            StringBuilder sql = new StringBuilder("1 = 1");
            List<Object> params = new ArrayList<>();
            if (deviceId != null) {
                sql.append(" AND a.device_id = ?");
                params.add(resolveDevice(deviceId));
            }
            if (since != null) {
                sql.append(" AND a.finished >= ?");
                params.add(utc(micros(since)));
            }
            return summaries(sql.toString(), params);
        });
    }

    /** @return the id of the device named by id or host name */
    private String resolveDevice(String name) throws SQLException, StoreException {
        List<String> ids = new ArrayList<>();
        try (PreparedStatement p = c().prepareStatement(
                "SELECT id FROM device WHERE id = ? UNION SELECT id FROM device WHERE hostname = ?")) {
            p.setString(1, name);
            p.setString(2, name);
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    ids.add(r.getString(1));
                }
            }
        }
        if (ids.contains(name)) {
            return name;
        }
        if (ids.size() == 1) {
            return ids.get(0);
        }
        if (ids.size() > 1) {
            throw new StoreException(Reason.INVALID_INPUT, "host name '" + name + "' names several devices ("
                    + String.join(", ", ids) + "): give the device id");
        }
        throw new StoreException(Reason.INVALID_INPUT, "unknown device '" + name + "': no stored assessment of a "
                + "device with that id or host name");
    }

    private List<AssessmentSummary> summaries(String condition, List<Object> params) throws SQLException {
        Map<Long, Object[]> rows = new LinkedHashMap<>();
        try (PreparedStatement p = c().prepareStatement(
                "SELECT " + SUMMARY_COLUMNS + " FROM assessment a WHERE " + condition + " ORDER BY a.id")) {
            bind(p, params);
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    String groups = r.getString(5);
                    Device device = new Device(r.getString(2), r.getString(3), r.getString(4),
                            groups.isEmpty() ? Set.of() : Set.of(groups.split("\n")));
                    Coverage coverage = new Coverage(r.getInt(11), r.getInt(12), r.getInt(13), r.getInt(14),
                            r.getInt(15), r.getInt(16), r.getInt(17), r.getInt(18));
                    rows.put(r.getLong(1), new Object[] { device, instant(r, 6), instant(r, 7), r.getBoolean(8),
                            new Points(r.getDouble(9), r.getDouble(10)), coverage });
                }
            }
        }
        Map<Long, Map<Category, Points>> categories = new LinkedHashMap<>();
        try (PreparedStatement p = c().prepareStatement("SELECT c.assessment_id, c.category, c.earned, "
                + "c.possible FROM assessment_category c JOIN assessment a ON a.id = c.assessment_id WHERE "
                + condition)) {
            bind(p, params);
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    categories.computeIfAbsent(r.getLong(1), k -> new EnumMap<>(Category.class))
                            .put(Category.valueOf(r.getString(2)), new Points(r.getDouble(3), r.getDouble(4)));
                }
            }
        }
        Map<Long, List<String>> content = new LinkedHashMap<>();
        try (PreparedStatement p = c().prepareStatement("SELECT c.assessment_id, c.benchmark_id, c.version "
                + "FROM assessment_content c JOIN assessment a ON a.id = c.assessment_id WHERE " + condition
                + " ORDER BY c.assessment_id, c.seq")) {
            bind(p, params);
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
                    categories.getOrDefault(e.getKey(), Map.of()), (Coverage) v[5], (Boolean) v[3]));
        }
        return out;
    }

    @Override
    public FleetResults latestResults() throws StoreException {
        return tx(() -> {
            List<String> ids = new ArrayList<>();
            try (Statement st = c().createStatement();
                    ResultSet r = st.executeQuery("SELECT MAX(id) FROM assessment GROUP BY device_id")) {
                while (r.next()) {
                    ids.add(Long.toString(r.getLong(1)));
                }
            }
            if (ids.isEmpty()) {
                return new FleetResults(List.of(), List.of());
            }
            // numbers only: a literal list lets both databases use the primary key of result
            String latest = "a.id IN (" + String.join(", ", ids) + ")";
            Map<Long, AssessmentSummary> summaries = new LinkedHashMap<>();
            for (AssessmentSummary s : summaries(latest, List.of())) {
                summaries.put(s.id(), s);
            }
            // by assessment id: the newest definition of a control wins
            java.util.TreeMap<Long, List<StoredResult>> byAssessment = resultsOf(ids);
            Map<Long, Map<String, ResultState>> states = new LinkedHashMap<>();
            Map<String, ControlRef> controls = new LinkedHashMap<>();
            for (Map.Entry<Long, List<StoredResult>> e : byAssessment.entrySet()) {
                Map<String, ResultState> m = new LinkedHashMap<>();
                for (StoredResult r : e.getValue()) {
                    m.put(r.controlId(), r.state());
                    controls.put(r.controlId(), new ControlRef(r.controlId(), r.title(), r.category(), r.weight()));
                }
                states.put(e.getKey(), m);
                long id = e.getKey();
                List<StoredResult> results = e.getValue();
                afterCommit(() -> remember(id, results)); // the latest ones are those recounts read
            }
            // the devices as the store keeps them now: their current groups decide group-scoped exceptions
            Map<String, Device> known = devicesById();
            List<DeviceResults> devices = new ArrayList<>();
            List<Long> assessmentIds = new ArrayList<>();
            for (AssessmentSummary s : summaries.values()) {
                devices.add(new DeviceResults(known.getOrDefault(s.device().id(), s.device()), s.finished(),
                        states.getOrDefault(s.id(), Map.of())));
                assessmentIds.add(s.id());
            }
            return new FleetResults(new ArrayList<>(controls.values()), devices, assessmentIds);
        });
    }

    /**
     * @param ids assessment ids, as decimal numbers
     * @return the results of those assessments, by id: decoded from their compact row, or for assessments stored
     *         before schema 4 read from their result rows
     */
    private java.util.TreeMap<Long, List<StoredResult>> resultsOf(List<String> ids) throws SQLException {
        java.util.TreeMap<Long, List<StoredResult>> byAssessment = new java.util.TreeMap<>();
        // numbers only: a literal list lets both databases use the primary key
        try (PreparedStatement p = c().prepareStatement("SELECT assessment_id, results FROM assessment_results "
                + "WHERE assessment_id IN (" + String.join(", ", ids) + ")")) {
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    byAssessment.put(r.getLong(1), ResultCodec.decode(r.getBytes(2), r.getLong(1)));
                }
            }
        }
        List<String> older = new ArrayList<>(); // stored before schema 4: one row per result
        for (String i : ids) {
            if (!byAssessment.containsKey(Long.parseLong(i))) {
                older.add(i);
            }
        }
        if (!older.isEmpty()) {
            try (PreparedStatement p = c().prepareStatement("SELECT r.assessment_id, r.control_id, r.title, "
                    + "r.category, r.weight, r.state FROM result r WHERE r.assessment_id IN ("
                    + String.join(", ", older) + ") ORDER BY r.assessment_id, r.seq")) {
                try (ResultSet r = p.executeQuery()) {
                    while (r.next()) {
                        byAssessment.computeIfAbsent(r.getLong(1), k -> new ArrayList<>()).add(new StoredResult(
                                r.getString(2), r.getString(3), Category.valueOf(r.getString(4)), r.getInt(5),
                                ResultState.valueOf(r.getString(6)), null, false, null));
                    }
                }
            }
        }
        return byAssessment;
    }

    @Override
    public List<StoredResults> assessmentsAfter(long afterId, Set<Long> ids, int limit) throws StoreException {
        if (ids == null || limit < 1) {
            throw new StoreException(Reason.INVALID_INPUT, "assessmentsAfter needs a set of ids (may be empty) and "
                    + "a limit of at least 1");
        }
        return tx(() -> {
            List<String> found = new ArrayList<>();
            StringBuilder where = new StringBuilder("id > ?");
            if (!ids.isEmpty()) {
                List<String> numbers = new ArrayList<>();
                ids.forEach(i -> numbers.add(Long.toString(i)));
                where.append(" OR id IN (").append(String.join(", ", numbers)).append(')');
            }
            try (PreparedStatement p = c().prepareStatement("SELECT id FROM assessment WHERE " + where
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
            java.util.TreeMap<Long, List<StoredResult>> results = resultsOf(found);
            Map<String, Device> known = devicesById();
            List<StoredResults> out = new ArrayList<>(found.size());
            for (AssessmentSummary s : summaries("a.id IN (" + String.join(", ", found) + ")", List.of())) {
                Map<String, ResultState> states = new LinkedHashMap<>();
                List<ControlRef> refs = new ArrayList<>();
                for (StoredResult r : results.getOrDefault(s.id(), List.of())) {
                    states.put(r.controlId(), r.state());
                    refs.add(new ControlRef(r.controlId(), r.title(), r.category(), r.weight()));
                }
                out.add(new StoredResults(s.id(), new DeviceResults(known.getOrDefault(s.device().id(), s.device()),
                        s.finished(), states), refs));
            }
            return out;
        });
    }

    @Override
    public Optional<StoredAssessment> assessment(long id) throws StoreException {
        return tx(() -> Optional.ofNullable(load(id)));
    }

    private StoredAssessment load(long id) throws SQLException {
        List<AssessmentSummary> found = summaries("a.id = ?", List.of(id));
        if (found.isEmpty()) {
            return null;
        }
        List<BenchmarkInfo> benchmarks = new ArrayList<>();
        try (PreparedStatement p = c().prepareStatement("SELECT benchmark_id, title, version, origin, sha256, "
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
        try (PreparedStatement p = c().prepareStatement(
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
        try (PreparedStatement p = c().prepareStatement("SELECT exception_id, control_id, scope, target, "
                + "justification, author, created, expires, notes FROM assessment_exception WHERE assessment_id = ? "
                + "ORDER BY exception_id")) {
            p.setLong(1, id);
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    exceptions.add(exception(r, 1));
                }
            }
        }
        String json;
        try (PreparedStatement p = c().prepareStatement("SELECT report_gz, report_json FROM assessment WHERE id = ?")) {
            p.setLong(1, id);
            try (ResultSet r = p.executeQuery()) {
                r.next();
                byte[] gz = r.getBytes(1);
                json = gz != null ? gunzip(gz, id) : r.getString(2); // schema 1 kept the text
            }
        }
        return new StoredAssessment(found.get(0), benchmarks, List.copyOf(collectors), results, exceptions, json);
    }

    @Override
    public AssessmentDiff diff(long from, long to) throws StoreException {
        return tx(() -> {
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
        });
    }

    @Override
    public List<Device> devices() throws StoreException {
        return tx(() -> new ArrayList<>(devicesById().values()));
    }

    // ---------------------------------------------------------------------------------------------------------
    // Exceptions

    @Override
    public StoredException createException(ControlException e) throws StoreException {
        if (e == null) {
            throw new StoreException(Reason.INVALID_INPUT, "an exception is required");
        }
        return tx(() -> {
            require(!e.id().isBlank(), "the exception id must not be empty");
            require(e.author() != null && !e.author().isBlank(), "exception " + e.id() + ": the author is required");
            require(e.expires() == null || e.expires().isAfter(e.created()), "exception " + e.id()
                    + ": it must expire after it is created (" + e.created() + ")");
            require(!exists("SELECT 1 FROM control_exception WHERE id = ?", e.id()), "exception id '" + e.id()
                    + "' is taken");
            require(knownControl(e.controlId()), "unknown control '" + e.controlId()
                    + "': no stored assessment has it (see `bulwark controls`)");
            if (e.scope() == ControlException.Scope.DEVICE) {
                require(exists("SELECT 1 FROM device WHERE id = ?", e.target()), "unknown device '" + e.target()
                        + "': no stored assessment of a device with that id (device exceptions name the machine id)");
            }
            if (e.scope() == ControlException.Scope.GROUP) {
                require(!e.target().isBlank(), "exception " + e.id() + ": the group name must not be empty");
            }
            ControlException stored = new ControlException(e.id(), e.controlId(), e.scope(),
                    e.scope() == ControlException.Scope.GLOBAL ? null : e.target(), e.justification(), e.author(),
                    micros(e.created()), e.expires() == null ? null : micros(e.expires()), e.notes());
            try (PreparedStatement p = c().prepareStatement("INSERT INTO control_exception (id, control_id, "
                    + "scope, target, justification, author, created, expires, notes) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                p.setString(1, stored.id());
                bindException(p, 2, stored);
                p.executeUpdate();
            }
            return new StoredException(stored, null, null);
        });
    }

    @Override
    public List<StoredException> exceptions() throws StoreException {
        return tx(() -> {
            List<StoredException> out = new ArrayList<>();
            try (Statement s = c().createStatement(); ResultSet r = s.executeQuery("SELECT " + EXCEPTION_COLUMNS
                    + " FROM control_exception ORDER BY created, id")) {
                while (r.next()) {
                    out.add(storedException(r));
                }
            }
            return out;
        });
    }

    @Override
    public List<ControlException> exceptionsInForce(Instant now) throws StoreException {
        List<ControlException> out = new ArrayList<>();
        for (StoredException e : exceptions()) {
            if (e.cancelled() == null || now.isBefore(e.cancelled())) {
                out.add(e.exception());
            }
        }
        return out;
    }

    @Override
    public StoredException cancelException(String id, String by, Instant at) throws StoreException {
        return tx(() -> {
            lock("control_exception", id);
            StoredException found = storedException(id);
            require(found.cancelled() == null, "exception '" + id + "' was already cancelled at " + found.cancelled()
                    + " by " + found.cancelledBy());
            require(by != null && !by.isBlank(), "who cancels the exception is required");
            Instant when = micros(at);
            try (PreparedStatement p = c().prepareStatement(
                    "UPDATE control_exception SET cancelled = ?, cancelled_by = ? WHERE id = ?")) {
                p.setObject(1, utc(when));
                p.setString(2, by);
                p.setString(3, id);
                p.executeUpdate();
            }
            return new StoredException(found.exception(), when, by, found.updated(), found.updatedBy());
        });
    }

    @Override
    public StoredException updateException(String id, StoredException.Update u, String by, Instant at)
            throws StoreException {
        return tx(() -> {
            lock("control_exception", id);
            StoredException found = storedException(id);
            ControlException e = found.exception();
            require(found.cancelled() == null, "exception '" + id + "' was cancelled at " + found.cancelled()
                    + " by " + found.cancelledBy() + "; a cancelled exception cannot be updated");
            require(u != null && !u.isEmpty(), "exception '" + id
                    + "': nothing to update (give a new expiry, no expiry, notes or a justification)");
            require(u.expires() == null || !u.noExpiry(), "exception '" + id
                    + "': give either a new expiry or no expiry, not both");
            require(u.expires() == null || u.expires().isAfter(e.created()), "exception '" + id
                    + "': it must expire after it is created (" + e.created() + ")");
            require(by != null && !by.isBlank(), "who updates the exception is required");
            Instant expires = u.noExpiry() ? null : u.expires() != null ? micros(u.expires()) : e.expires();
            String notes = u.notes() == null ? e.notes() : u.notes().isEmpty() ? null : u.notes();
            ControlException updated = new ControlException(e.id(), e.controlId(), e.scope(), e.target(),
                    u.justification() == null ? e.justification() : u.justification(), e.author(), e.created(),
                    expires, notes);
            Instant when = micros(at);
            try (PreparedStatement p = c().prepareStatement("UPDATE control_exception SET expires = ?, notes = ?, "
                    + "justification = ?, updated = ?, updated_by = ? WHERE id = ?")) {
                if (expires == null) {
                    p.setNull(1, Types.TIMESTAMP_WITH_TIMEZONE);
                } else {
                    p.setObject(1, utc(expires));
                }
                p.setString(2, notes);
                p.setString(3, updated.justification().name());
                p.setObject(4, utc(when));
                p.setString(5, by);
                p.setString(6, id);
                p.executeUpdate();
            }
            return new StoredException(updated, null, null, when, by);
        });
    }

    private static final String EXCEPTION_COLUMNS = "id, control_id, scope, target, justification, author, created, "
            + "expires, notes, cancelled, cancelled_by, updated, updated_by";

    private static StoredException storedException(ResultSet r) throws SQLException {
        return new StoredException(exception(r, 1), instant(r, 10), r.getString(11), instant(r, 12),
                r.getString(13));
    }

    /** @return the exception {@code id}; NOT_FOUND when there is none */
    private StoredException storedException(String id) throws SQLException, StoreException {
        try (PreparedStatement p = c().prepareStatement(
                "SELECT " + EXCEPTION_COLUMNS + " FROM control_exception WHERE id = ?")) {
            p.setString(1, id);
            try (ResultSet r = p.executeQuery()) {
                if (r.next()) {
                    return storedException(r);
                }
            }
        }
        throw new StoreException(Reason.NOT_FOUND, "no exception '" + id + "' (see `bulwark exception list`)");
    }

    // ---------------------------------------------------------------------------------------------------------
    // Remediation activities

    @Override
    public Remediation createRemediation(Remediation.Request q, Instant now) throws StoreException {
        if (q == null) {
            throw new StoreException(Reason.INVALID_INPUT, "a remediation request is required");
        }
        return tx(() -> {
            require(q.title() != null && !q.title().isBlank(), "the title is required");
            require(q.requester() != null && !q.requester().isBlank(), "the requester is required");
            require(q.controlId() != null && !q.controlId().isBlank(), "the control is required");
            require(q.scope() != null, "the scope (devices or group) is required");
            require(q.priority() != null, "the priority (high, medium or low) is required");
            String category = null;
            try (PreparedStatement p = c().prepareStatement("SELECT category FROM control WHERE id = ?")) {
                p.setString(1, q.controlId());
                try (ResultSet r = p.executeQuery()) {
                    if (r.next()) {
                        category = r.getString(1);
                    }
                }
            }
            require(category != null, "unknown control '" + q.controlId()
                    + "': no stored assessment has it (see `bulwark controls`)");
            LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
            require(q.due() == null || !q.due().isBefore(today), "the due date " + q.due()
                    + " is in the past (today is " + today + " UTC); leave it out for \"attention required\"");
            if (q.scope() == Remediation.Scope.DEVICES) {
                require(!q.devices().isEmpty(), "scope devices needs at least one device");
                for (String d : q.devices()) {
                    require(exists("SELECT 1 FROM device WHERE id = ?", d), "unknown device '" + d
                            + "': no stored assessment of a device with that id");
                }
            } else {
                require(q.group() != null && !q.group().isBlank(), "scope group needs a group name");
            }
            long id;
            try (PreparedStatement p = c().prepareStatement("INSERT INTO remediation (title, control_id, "
                    + "category, scope, group_name, priority, due, notes, requester, created, status, completion, "
                    + "completed, target_devices, fixed_devices) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, NULL, "
                    + "0, 0)", Statement.RETURN_GENERATED_KEYS)) {
                p.setString(1, q.title().strip());
                p.setString(2, q.controlId());
                p.setString(3, category);
                p.setString(4, q.scope().name());
                p.setString(5, q.scope() == Remediation.Scope.GROUP ? q.group() : null);
                p.setString(6, q.priority().name());
                if (q.due() == null) {
                    p.setNull(7, Types.DATE);
                } else {
                    p.setObject(7, q.due());
                }
                p.setString(8, q.notes());
                p.setString(9, q.requester());
                p.setObject(10, utc(micros(now)));
                p.setString(11, Remediation.Status.ACTIVE.name());
                p.executeUpdate();
                try (ResultSet keys = p.getGeneratedKeys()) {
                    keys.next();
                    id = keys.getLong(1);
                }
            }
            if (q.scope() == Remediation.Scope.DEVICES) {
                try (PreparedStatement p = c().prepareStatement(
                        "INSERT INTO remediation_device (remediation_id, device_id) VALUES (?, ?)")) {
                    for (String d : new TreeSet<>(q.devices())) {
                        p.setLong(1, id);
                        p.setString(2, d);
                        p.addBatch();
                    }
                    p.executeBatch();
                }
            }
            recount(id, false, null);
            return remediation(id);
        });
    }

    @Override
    public List<Remediation> remediations() throws StoreException {
        return tx(() -> {
            List<Long> ids = new ArrayList<>();
            try (Statement s = c().createStatement();
                    ResultSet r = s.executeQuery("SELECT id FROM remediation ORDER BY id")) {
                while (r.next()) {
                    ids.add(r.getLong(1));
                }
            }
            List<Remediation> out = new ArrayList<>();
            for (long id : ids) {
                out.add(remediation(id));
            }
            return out;
        });
    }

    @Override
    public Remediation completeRemediation(long id, Instant at) throws StoreException {
        return tx(() -> {
            lock("remediation", id);
            requireActive(existingRemediation(id), "completed");
            try (PreparedStatement p = c().prepareStatement(
                    "UPDATE remediation SET status = ?, completion = ?, completed = ? WHERE id = ?")) {
                p.setString(1, Remediation.Status.COMPLETED.name());
                p.setString(2, Remediation.Completion.MANUAL.name());
                p.setObject(3, utc(micros(at)));
                p.setLong(4, id);
                p.executeUpdate();
            }
            return remediation(id);
        });
    }

    @Override
    public Remediation updateRemediation(long id, Remediation.Update u, String by, Instant at) throws StoreException {
        return tx(() -> {
            lock("remediation", id);
            Remediation r = existingRemediation(id);
            requireActive(r, "updated");
            require(u != null && !u.isEmpty(), "remediation activity #" + id
                    + ": nothing to update (give a title, priority, due date or notes)");
            require(u.title() == null || !u.title().isBlank(), "the title must not be empty");
            LocalDate today = LocalDate.ofInstant(at, ZoneOffset.UTC);
            require(u.due() == null || !u.due().isBefore(today), "the due date " + u.due()
                    + " is in the past (today is " + today + " UTC)");
            require(by != null && !by.isBlank(), "who updates the activity is required");
            require(u.due() == null || !u.noDue(), "remediation activity #" + id
                    + ": give either a new due date or no due date, not both");
            LocalDate due = u.noDue() ? null : u.due() == null ? r.due() : u.due();
            try (PreparedStatement p = c().prepareStatement("UPDATE remediation SET title = ?, priority = ?, "
                    + "due = ?, notes = ?, updated = ?, updated_by = ? WHERE id = ?")) {
                p.setString(1, u.title() == null ? r.title() : u.title().strip());
                p.setString(2, (u.priority() == null ? r.priority() : u.priority()).name());
                if (due == null) {
                    p.setNull(3, Types.DATE);
                } else {
                    p.setObject(3, due);
                }
                p.setString(4, u.notes() == null ? r.notes() : u.notes().isEmpty() ? null : u.notes());
                p.setObject(5, utc(micros(at)));
                p.setString(6, by);
                p.setLong(7, id);
                p.executeUpdate();
            }
            return remediation(id);
        });
    }

    @Override
    public Remediation cancelRemediation(long id, String by, Instant at) throws StoreException {
        return tx(() -> {
            lock("remediation", id);
            requireActive(existingRemediation(id), "cancelled");
            require(by != null && !by.isBlank(), "who cancels the activity is required");
            try (PreparedStatement p = c().prepareStatement(
                    "UPDATE remediation SET status = ?, cancelled = ?, cancelled_by = ? WHERE id = ?")) {
                p.setString(1, Remediation.Status.CANCELLED.name());
                p.setObject(2, utc(micros(at)));
                p.setString(3, by);
                p.setLong(4, id);
                p.executeUpdate();
            }
            return remediation(id);
        });
    }

    private Remediation existingRemediation(long id) throws SQLException, StoreException {
        Remediation r = remediation(id);
        if (r == null) {
            throw new StoreException(Reason.NOT_FOUND, "no remediation activity #" + id
                    + " (see `bulwark remediation list`)");
        }
        return r;
    }

    /** INVALID_INPUT unless {@code r} is active: completed and cancelled activities are final. */
    private static void requireActive(Remediation r, String what) throws StoreException {
        if (r.status() == Remediation.Status.COMPLETED) {
            require(false, "remediation activity #" + r.id() + " is already completed (" + r.completion().name()
                    .toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + ", " + r.completed() + ")"
                    + ("completed".equals(what) ? "" : " and cannot be " + what));
        }
        if (r.status() == Remediation.Status.CANCELLED) {
            require(false, "remediation activity #" + r.id() + " was cancelled at " + r.cancelled() + " by "
                    + r.cancelledBy() + " and cannot be " + what);
        }
    }

    /** Recounts the active activities for {@code controls}; completes those every target now passes. */
    private void updateRemediations(Set<String> controls, Instant at) throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (PreparedStatement p = c().prepareStatement(
                "SELECT id, control_id FROM remediation WHERE status = ? ORDER BY id")) {
            p.setString(1, Remediation.Status.ACTIVE.name());
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    if (controls.contains(r.getString(2))) {
                        ids.add(r.getLong(1));
                    }
                }
            }
        }
        for (long id : ids) { // in id order: concurrent saves lock the same activities in the same order
            lock("remediation", id);
        }
        for (long id : ids) {
            recount(id, true, at);
        }
    }

    /**
     * Locks a row until the transaction ends ({@code SELECT … FOR UPDATE}, in H2 and PostgreSQL), so that the
     * status read next is the one the update applies to: a concurrent cancel, completion, update or recount of
     * the same row waits, and then reads what this one committed.
     */
    private void lock(String table, Object id) throws SQLException {
        try (PreparedStatement p = c().prepareStatement("SELECT id FROM " + table + " WHERE id = ? FOR UPDATE")) {
            p.setObject(1, id);
            try (ResultSet r = p.executeQuery()) {
                r.next(); // a missing row is reported by the caller's own read
            }
        }
    }

    /**
     * Counts an activity's target devices (its devices, or the devices now in its group) and those whose latest
     * stored assessment passes its control; with {@code confirm}, completes it when every target passes.
     */
    private void recount(long id, boolean confirm, Instant at) throws SQLException {
        String targets = "SELECT rd.device_id FROM remediation_device rd WHERE rd.remediation_id = ? "
                + "UNION SELECT g.device_id FROM device_group g JOIN remediation m ON m.group_name = g.group_name "
                + "WHERE m.id = ? AND m.scope = 'GROUP'";
        String control = null;
        try (PreparedStatement p = c().prepareStatement("SELECT control_id FROM remediation WHERE id = ?")) {
            p.setLong(1, id);
            try (ResultSet r = p.executeQuery()) {
                if (r.next()) {
                    control = r.getString(1);
                }
            }
        }
        List<Long> latest = new ArrayList<>();
        try (PreparedStatement p = c().prepareStatement("SELECT t.device_id, (SELECT MAX(a.id) FROM assessment a "
                + "WHERE a.device_id = t.device_id) FROM (" + targets + ") t")) {
            p.setLong(1, id);
            p.setLong(2, id);
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    long a = r.getLong(2);
                    latest.add(r.wasNull() ? null : a);
                }
            }
        }
        int target = latest.size();
        int fixed = 0;
        for (Long a : latest) {
            if (a != null && control != null && stateOf(a, control) == ResultState.PASS) {
                fixed++;
            }
        }
        boolean complete = confirm && target > 0 && fixed == target;
        try (PreparedStatement p = c().prepareStatement("UPDATE remediation SET target_devices = ?, "
                + "fixed_devices = ?" + (complete ? ", status = ?, completion = ?, completed = ?" : "")
                + " WHERE id = ? AND status = 'ACTIVE'")) {
            int i = 1;
            p.setInt(i++, target);
            p.setInt(i++, fixed);
            if (complete) {
                p.setString(i++, Remediation.Status.COMPLETED.name());
                p.setString(i++, Remediation.Completion.SYSTEM_CONFIRMATION.name());
                p.setObject(i++, utc(at));
            }
            p.setLong(i, id);
            p.executeUpdate();
        }
    }

    private Remediation remediation(long id) throws SQLException {
        List<String> devices = new ArrayList<>();
        try (PreparedStatement p = c().prepareStatement(
                "SELECT device_id FROM remediation_device WHERE remediation_id = ? ORDER BY device_id")) {
            p.setLong(1, id);
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    devices.add(r.getString(1));
                }
            }
        }
        try (PreparedStatement p = c().prepareStatement("SELECT title, control_id, category, scope, group_name, "
                + "priority, due, notes, requester, created, status, completion, completed, target_devices, "
                + "fixed_devices, cancelled, cancelled_by, updated, updated_by FROM remediation WHERE id = ?")) {
            p.setLong(1, id);
            try (ResultSet r = p.executeQuery()) {
                if (!r.next()) {
                    return null;
                }
                String completion = r.getString(12);
                return new Remediation(id, r.getString(1), r.getString(2), Category.valueOf(r.getString(3)),
                        Remediation.Scope.valueOf(r.getString(4)), devices, r.getString(5),
                        Remediation.Priority.valueOf(r.getString(6)), r.getObject(7, LocalDate.class), r.getString(8),
                        r.getString(9), instant(r, 10), Remediation.Status.valueOf(r.getString(11)),
                        completion == null ? null : Remediation.Completion.valueOf(completion), instant(r, 13),
                        r.getInt(14), r.getInt(15), instant(r, 16), r.getString(17), instant(r, 18),
                        r.getString(19));
            }
        }
    }

    // ---------------------------------------------------------------------------------------------------------

    @Override
    public int schemaVersion() {
        return schemaVersion;
    }

    /** Closes the idle connections; those in use are closed when their transaction ends. */
    @Override
    public void close() {
        closed = true;
        Connection c;
        while ((c = idle.pollFirst()) != null) {
            closeQuietly(c);
            permits.release();
        }
    }

    /** @return the results of assessment {@code id}: its compact row (schema 4) or its result rows (before) */
    private List<StoredResult> results(long id) throws SQLException {
        try (PreparedStatement p = c().prepareStatement(
                "SELECT results FROM assessment_results WHERE assessment_id = ?")) {
            p.setLong(1, id);
            try (ResultSet r = p.executeQuery()) {
                if (r.next()) {
                    return ResultCodec.decode(r.getBytes(1), id);
                }
            }
        }
        List<StoredResult> results = new ArrayList<>();
        try (PreparedStatement p = c().prepareStatement("SELECT control_id, title, category, weight, state, "
                + "reason, credit, exception_id FROM result WHERE assessment_id = ? ORDER BY seq")) {
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

    /** Every control id seen, numbered, for {@link #states}. */
    private final Map<String, Integer> controlNumbers = new java.util.concurrent.ConcurrentHashMap<>();
    private final java.util.concurrent.atomic.AtomicInteger nextControlNumber = new java.util.concurrent.atomic.AtomicInteger();

    /** Result states of recently read or stored assessments (immutable once stored), for recounts. */
    private final Map<Long, byte[]> states = java.util.Collections.synchronizedMap(
            new LinkedHashMap<>(1024, 0.75f, true) {
                private static final long serialVersionUID = 1L;

                @Override
                protected boolean removeEldestEntry(Map.Entry<Long, byte[]> eldest) {
                    return size() > STATE_CACHE;
                }
            });

    /** Assessments whose states {@link #states} keeps: a fleet's latest ones, at about 300 bytes each. */
    static final int STATE_CACHE = 50_000;

    /** Keeps the states of assessment {@code id} for recounts (a byte per known control). */
    private void remember(long id, List<StoredResult> results) {
        int[] numbers = new int[results.size()];
        int max = -1;
        for (int i = 0; i < numbers.length; i++) {
            numbers[i] = controlNumbers.computeIfAbsent(results.get(i).controlId(),
                    k -> nextControlNumber.getAndIncrement());
            max = Math.max(max, numbers[i]);
        }
        byte[] b = new byte[max + 1];
        for (int i = 0; i < numbers.length; i++) {
            b[numbers[i]] = (byte) (results.get(i).state().ordinal() + 1);
        }
        states.put(id, b);
    }

    /** @return the state of {@code control} in assessment {@code id}, or {@code null} when it has none */
    private ResultState stateOf(long id, String control) throws SQLException {
        byte[] b = states.get(id);
        if (b == null) {
            remember(id, results(id));
            b = states.get(id);
        }
        Integer n = controlNumbers.get(control);
        if (b == null || n == null || n >= b.length || b[n] == 0) {
            return null;
        }
        return ResultState.values()[b[n] - 1];
    }

    /** Control categories as the control table has them, to write only what changes. */
    private final Map<String, Category> recordedControls = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * Records the controls of assessment {@code id} in the control table (new ones, and those whose category
     * changed); the cache of what is recorded is updated when the transaction commits.
     */
    private void recordControls(List<StoredResult> results, long id) throws SQLException {
        List<StoredResult> changed = new ArrayList<>();
        for (StoredResult r : results) {
            if (recordedControls.get(r.controlId()) != r.category()) {
                changed.add(r);
            }
        }
        if (changed.isEmpty()) {
            return;
        }
        try (PreparedStatement update = c().prepareStatement(
                "UPDATE control SET category = ?, assessment_id = ? WHERE id = ? AND assessment_id <= ?");
                PreparedStatement insert = c().prepareStatement("INSERT INTO control (id, category, assessment_id) "
                        + "SELECT ?, ?, ? WHERE NOT EXISTS (SELECT 1 FROM control WHERE id = ?)")) {
            for (StoredResult r : changed) {
                update.setString(1, r.category().name());
                update.setLong(2, id);
                update.setString(3, r.controlId());
                update.setLong(4, id);
                if (update.executeUpdate() == 0) {
                    insert.setString(1, r.controlId());
                    insert.setString(2, r.category().name());
                    insert.setLong(3, id);
                    insert.setString(4, r.controlId());
                    insert.executeUpdate();
                }
            }
        }
        afterCommit(() -> changed.forEach(r -> recordedControls.put(r.controlId(), r.category())));
    }

    private boolean knownControl(String controlId) throws SQLException {
        return exists("SELECT 1 FROM control WHERE id = ?", controlId);
    }

    private boolean exists(String sql, String param) throws SQLException {
        try (PreparedStatement p = c().prepareStatement(sql)) {
            p.setString(1, param);
            try (ResultSet r = p.executeQuery()) {
                return r.next();
            }
        }
    }

    private static void require(boolean ok, String message) throws StoreException {
        if (!ok) {
            throw new StoreException(Reason.INVALID_INPUT, message + "; nothing was written");
        }
    }

    private static void bindException(PreparedStatement p, int from, ControlException e) throws SQLException {
        int i = from;
        p.setString(i++, e.controlId());
        p.setString(i++, e.scope().name());
        p.setString(i++, e.target());
        p.setString(i++, e.justification().name());
        p.setString(i++, e.author());
        p.setObject(i++, utc(micros(e.created())));
        if (e.expires() == null) {
            p.setNull(i++, Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            p.setObject(i++, utc(micros(e.expires())));
        }
        p.setString(i, e.notes());
    }

    private static ControlException exception(ResultSet r, int from) throws SQLException {
        int i = from;
        return new ControlException(r.getString(i), r.getString(i + 1), ControlException.Scope.valueOf(r.getString(i + 2)),
                r.getString(i + 3), Justification.valueOf(r.getString(i + 4)), r.getString(i + 5), instant(r, i + 6),
                instant(r, i + 7), r.getString(i + 8));
    }

    private static void bind(PreparedStatement p, List<Object> params) throws SQLException {
        for (int i = 0; i < params.size(); i++) {
            p.setObject(i + 1, params.get(i));
        }
    }

    /** Compresses a report for storing: the fastest level, since an upload waits for it. */
    static byte[] gzip(String text) throws SQLException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(text.length() / 8 + 64);
        try (java.util.zip.GZIPOutputStream z = new java.util.zip.GZIPOutputStream(out, 64 * 1024) {
            {
                def.setLevel(java.util.zip.Deflater.BEST_SPEED);
            }
        }) {
            z.write(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } catch (java.io.IOException e) {
            throw new SQLException("cannot compress the report: " + e.getMessage(), e);
        }
        return out.toByteArray();
    }

    static String gunzip(byte[] gz, long id) throws SQLException {
        try (java.util.zip.GZIPInputStream z = new java.util.zip.GZIPInputStream(
                new java.io.ByteArrayInputStream(gz), 64 * 1024)) {
            return new String(z.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new SQLException("the stored report of assessment " + id + " is damaged: " + e.getMessage(), e);
        }
    }

    static Instant micros(Instant t) {
        return t.truncatedTo(ChronoUnit.MICROS);
    }

    private static OffsetDateTime utc(Instant t) {
        return OffsetDateTime.ofInstant(t, ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet r, int column) throws SQLException {
        OffsetDateTime t = r.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    private static String nn(String s) {
        return s == null ? "" : s;
    }
}
