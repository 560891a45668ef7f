package org.bulwark.store.internal;

import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

import org.bulwark.scoring.api.Assessment;
import org.bulwark.scoring.api.ControlException;
import org.bulwark.scoring.api.Device;
import org.bulwark.store.api.DevicePlatform;
import org.bulwark.store.api.AssessmentDiff;
import org.bulwark.store.api.AssessmentStore;
import org.bulwark.store.api.AssessmentSummary;
import org.bulwark.store.api.FleetResults;
import org.bulwark.store.api.Remediation;
import org.bulwark.store.api.SoftwareSummary;
import org.bulwark.store.api.StoreException;
import org.bulwark.store.api.StoredInventory;
import org.bulwark.store.api.StoreException.Reason;
import org.bulwark.store.api.StoredAssessment;
import org.bulwark.store.api.StoredException;
import org.bulwark.store.api.StoredFeed;
import org.bulwark.store.api.StoredResults;

/**
 * The store (H2 or PostgreSQL): a facade over a {@link ConnectionPool}, {@link Transactions} and one class per
 * aggregate ({@link Assessments} and {@link AssessmentWriter}, {@link Devices}, {@link Exceptions},
 * {@link Remediations}). Every method is one transaction; a write returns once it is durable. Thread-safe.
 */
final class JdbcStore implements AssessmentStore {

    private final ConnectionPool pool;
    private final FileThreads threads;
    private final Transactions tx;
    private final int schemaVersion;
    private final Devices devices;
    private final Assessments assessments;
    private final AssessmentWriter writer;
    private final Inventories inventories;
    private final Feeds feeds;
    private final Exceptions exceptions;
    private final Remediations remediations;

    private JdbcStore(ConnectionPool pool, FileThreads threads, Durability durability, int schemaVersion) {
        this.pool = pool;
        this.threads = threads;
        this.tx = new Transactions(pool, durability, threads);
        this.schemaVersion = schemaVersion;
        ResultStateCache states = new ResultStateCache();
        Controls controls = new Controls(tx);
        this.devices = new Devices(tx);
        this.assessments = new Assessments(tx, devices, states);
        this.exceptions = new Exceptions(tx, devices, controls);
        this.remediations = new Remediations(tx, devices, controls, states, assessments::results);
        this.inventories = new Inventories(tx, devices);
        this.feeds = new Feeds(tx);
        this.writer = new AssessmentWriter(tx, devices, controls, remediations, states, inventories);
    }

    /**
     * Opens {@code url} and migrates it (see {@link Migrations}); an H2 file on {@link FileThreads}, as every
     * transaction and the close.
     */
    static JdbcStore open(String url) throws StoreException {
        String where = StoreUrl.redact(url);
        FileThreads threads = StoreUrl.h2File(url) ? FileThreads.forFile(where) : FileThreads.inline();
        try {
            return threads.call(() -> open(url, where, threads));
        } catch (StoreException | RuntimeException | Error e) {
            threads.close();
            throw e;
        }
    }

    private static JdbcStore open(String url, String where, FileThreads threads) throws StoreException {
        int size = ConnectionPool.configuredSize();
        Driver driver = StoreUrl.driver(url, where);
        String tuned = StoreUrl.withSettings(url);
        Connection c = ConnectionPool.connect(driver, tuned, where);
        try {
            int version = Migrations.apply(c, where);
            Durability durability = StoreUrl.h2File(url) ? new H2Durability() : Durability.commit();
            durability.committed(c); // the migrations, and a check that this user may sync the file
            return new JdbcStore(new ConnectionPool(driver, tuned, where, size, c), threads, durability, version);
        } catch (SQLException | StoreException | RuntimeException e) {
            ConnectionPool.closeQuietly(c);
            if (e instanceof StoreException s) {
                throw s;
            }
            throw new StoreException(Reason.UNAVAILABLE, "cannot open the store at " + where + ": " + e.getMessage(), e);
        }
    }

    // Assessments

    @Override
    public AssessmentSummary save(Assessment a, String reportJson) throws StoreException {
        return save(a, reportJson, Optional.empty());
    }

    @Override
    public AssessmentSummary save(Assessment a, String reportJson, Optional<Double> exposure) throws StoreException {
        checkExposure(exposure);
        if (a == null || reportJson == null) {
            throw new StoreException(Reason.INVALID_INPUT, "an assessment and its JSON report are required");
        }
        AssessmentLimits.check(a); // before any connection is taken: bad input, not a failed statement
        byte[] gz;
        try {
            gz = Reports.gzip(reportJson); // outside the transaction: no connection is held while compressing
        } catch (SQLException e) {
            throw new StoreException(Reason.FAILED, e.getMessage(), e);
        }
        return tx.write(() -> writer.insert(a, gz, exposure));
    }

    @Override
    public AssessmentSummary saveCompressed(Assessment a, byte[] reportGzip) throws StoreException {
        return saveCompressed(a, reportGzip, Optional.empty());
    }

    @Override
    public AssessmentSummary saveCompressed(Assessment a, byte[] reportGzip, Optional<Double> exposure)
            throws StoreException {
        checkExposure(exposure);
        if (a == null || reportGzip == null) {
            throw new StoreException(Reason.INVALID_INPUT, "an assessment and its compressed report are required");
        }
        if (!Reports.looksLikeGzip(reportGzip)) {
            throw new StoreException(Reason.INVALID_INPUT, "the compressed report is not gzip (it does not start "
                    + "with the gzip magic bytes 1f 8b)");
        }
        AssessmentLimits.check(a);
        return tx.write(() -> writer.insert(a, reportGzip, exposure));
    }

    private static void checkExposure(Optional<Double> exposure) throws StoreException {
        if (exposure == null || exposure.isPresent() && !(exposure.get() >= 0 && exposure.get() <= 100)) {
            throw new StoreException(Reason.INVALID_INPUT, "an exposure score is 0 to 100 or none, not " + exposure);
        }
    }

    @Override
    public List<AssessmentSummary> history(String deviceId, Instant since) throws StoreException {
        return tx.read(() -> assessments.history(deviceId, since));
    }

    @Override
    public FleetResults latestResults() throws StoreException {
        return tx.read(assessments::latestResults);
    }

    @Override
    public List<StoredResults> assessmentsAfter(long afterId, Set<Long> ids, int limit) throws StoreException {
        if (ids == null || limit < 1) {
            throw new StoreException(Reason.INVALID_INPUT, "assessmentsAfter needs a set of ids (may be empty) and "
                    + "a limit of at least 1");
        }
        return tx.read(() -> assessments.after(afterId, ids, limit));
    }

    @Override
    public Optional<StoredAssessment> assessment(long id) throws StoreException {
        return tx.read(() -> Optional.ofNullable(assessments.load(id)));
    }

    @Override
    public AssessmentDiff diff(long from, long to) throws StoreException {
        return tx.read(() -> assessments.diff(from, to));
    }

    // Devices

    @Override
    public List<Device> devices() throws StoreException {
        return tx.read(() -> new ArrayList<>(devices.byId().values()));
    }

    @Override
    public Optional<Device> device(String id) throws StoreException {
        return tx.read(() -> devices.byId(id));
    }

    @Override
    public Map<String, DevicePlatform> platforms() throws StoreException {
        return tx.read(devices::platforms);
    }

    @Override
    public Device setGroups(String deviceId, Set<String> groups) throws StoreException {
        return tx.write(() -> devices.setGroups(deviceId, groups));
    }

    // Exceptions

    @Override
    public StoredException createException(ControlException e) throws StoreException {
        if (e == null) {
            throw new StoreException(Reason.INVALID_INPUT, "an exception is required");
        }
        return tx.write(() -> exceptions.create(e));
    }

    @Override
    public List<StoredException> exceptions() throws StoreException {
        return tx.read(exceptions::all);
    }

    @Override
    public List<ControlException> exceptionsInForce(Instant now) throws StoreException {
        return Exceptions.inForce(exceptions(), now);
    }

    @Override
    public StoredException cancelException(String id, String by, Instant at) throws StoreException {
        return tx.write(() -> exceptions.cancel(id, by, at));
    }

    @Override
    public StoredException updateException(String id, StoredException.Update u, String by, Instant at)
            throws StoreException {
        return tx.write(() -> exceptions.update(id, u, by, at));
    }

    // Remediation activities

    @Override
    public Remediation createRemediation(Remediation.Request q, Instant now) throws StoreException {
        if (q == null) {
            throw new StoreException(Reason.INVALID_INPUT, "a remediation request is required");
        }
        return tx.write(() -> remediations.create(q, now));
    }

    @Override
    public List<Remediation> remediations() throws StoreException {
        return tx.read(remediations::all);
    }

    @Override
    public Remediation completeRemediation(long id, Instant at) throws StoreException {
        return tx.write(() -> remediations.complete(id, at));
    }

    @Override
    public Remediation updateRemediation(long id, Remediation.Update u, String by, Instant at) throws StoreException {
        return tx.write(() -> remediations.update(id, u, by, at));
    }

    @Override
    public Remediation cancelRemediation(long id, String by, Instant at) throws StoreException {
        return tx.write(() -> remediations.cancel(id, by, at));
    }

    @Override
    public List<StoredInventory> software(String deviceId) throws StoreException {
        if (deviceId == null) {
            throw new StoreException(Reason.INVALID_INPUT, "a device id or host name is required");
        }
        return tx.read(() -> inventories.of(deviceId));
    }

    @Override
    public List<SoftwareSummary> softwareSummary(Predicate<String> devices) throws StoreException {
        if (devices == null) {
            throw new StoreException(Reason.INVALID_INPUT, "a device filter is required");
        }
        return tx.read(() -> inventories.summary(devices));
    }

    @Override
    public List<StoredFeed> feeds() throws StoreException {
        return tx.read(feeds::all);
    }

    @Override
    public StoredFeed putFeed(StoredFeed feed, Path content) throws StoreException {
        if (feed == null || content == null) {
            throw new StoreException(Reason.INVALID_INPUT, "a feed and its content file are required");
        }
        return tx.write(() -> feeds.put(feed, content));
    }

    @Override
    public Optional<StoredFeed> copyFeed(String kind, Path target) throws StoreException {
        if (kind == null || target == null) {
            throw new StoreException(Reason.INVALID_INPUT, "a feed kind and a target file are required");
        }
        return tx.read(() -> feeds.copy(kind, target));
    }

    @Override
    public int schemaVersion() {
        return schemaVersion;
    }

    /** Closes the idle connections; those in use are closed when their transaction ends. */
    @Override
    public void close() {
        try {
            threads.call(() -> {
                pool.close(); // the last connection of an H2 file closes the database, which writes the file
                return null;
            });
        } catch (StoreException e) {
            pool.close(); // closed before: nothing is left to close
        } finally {
            threads.close();
        }
    }
}
