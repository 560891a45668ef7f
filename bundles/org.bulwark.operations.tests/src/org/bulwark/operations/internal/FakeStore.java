package org.bulwark.operations.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.bulwark.collector.api.Category;
import org.bulwark.scoring.api.Assessment;
import org.bulwark.scoring.api.ControlException;
import org.bulwark.scoring.api.Device;
import org.bulwark.store.api.AssessmentDiff;
import org.bulwark.store.api.AssessmentStore;
import org.bulwark.store.api.AssessmentSummary;
import org.bulwark.store.api.FleetResults;
import org.bulwark.store.api.Remediation;
import org.bulwark.store.api.StoreException;
import org.bulwark.store.api.StoredAssessment;
import org.bulwark.store.api.StoredException;
import org.bulwark.store.api.StoredResults;

/**
 * A store in memory for the operations' checks: exceptions and activities as given, control {@code c1} and device
 * {@code d1} known; it records what was written, and refuses an unknown control as the real store does.
 */
final class FakeStore implements AssessmentStore {

    final List<StoredException> exceptions = new ArrayList<>();
    final List<Remediation> remediations = new ArrayList<>();
    final List<String> writes = new ArrayList<>();

    @Override
    public StoredException createException(ControlException e) throws StoreException {
        if (!e.controlId().equals("c1")) {
            throw new StoreException(StoreException.Reason.INVALID_INPUT, "unknown control '" + e.controlId()
                    + "': no stored assessment has it; nothing was written");
        }
        StoredException s = new StoredException(e, null, null);
        exceptions.add(s);
        writes.add("create " + e.id());
        return s;
    }

    @Override
    public List<StoredException> exceptions() {
        return List.copyOf(exceptions);
    }

    @Override
    public StoredException cancelException(String id, String by, Instant at) {
        writes.add("cancel " + id + " by " + by);
        return replace(id, new StoredException(find(id).exception(), at, by));
    }

    @Override
    public StoredException updateException(String id, StoredException.Update update, String by, Instant at) {
        writes.add("update " + id + " by " + by);
        StoredException s = find(id);
        return replace(id, new StoredException(s.exception(), null, null, at, by));
    }

    private StoredException find(String id) {
        return exceptions.stream().filter(e -> e.exception().id().equals(id)).findFirst().orElseThrow();
    }

    private StoredException replace(String id, StoredException s) {
        exceptions.replaceAll(e -> e.exception().id().equals(id) ? s : e);
        return s;
    }

    @Override
    public Remediation createRemediation(Remediation.Request q, Instant now) {
        Remediation r = new Remediation(remediations.size() + 1, q.title(), q.controlId(), Category.NETWORK,
                q.scope(), q.devices(), q.group(), q.priority(), q.due(), q.notes(), q.requester(), now,
                Remediation.Status.ACTIVE, null, null, q.devices().size(), 0);
        remediations.add(r);
        writes.add("create #" + r.id() + " " + q.priority());
        return r;
    }

    @Override
    public List<Remediation> remediations() {
        return List.copyOf(remediations);
    }

    @Override
    public Remediation completeRemediation(long id, Instant at) {
        writes.add("complete #" + id);
        return remediations.get((int) id - 1);
    }

    @Override
    public Remediation updateRemediation(long id, Remediation.Update update, String by, Instant at) {
        writes.add("update #" + id + " by " + by);
        return remediations.get((int) id - 1);
    }

    @Override
    public Remediation cancelRemediation(long id, String by, Instant at) {
        writes.add("cancel #" + id + " by " + by);
        return remediations.get((int) id - 1);
    }

    // ------------------------------------------------------------------ not used by the operations under test

    @Override
    public AssessmentSummary save(Assessment assessment, String reportJson) {
        throw new UnsupportedOperationException();
    }

    @Override
    public AssessmentSummary saveCompressed(Assessment assessment, byte[] reportGzip) {
        throw new UnsupportedOperationException();
    }

    @Override
    public AssessmentSummary save(Assessment assessment, String reportJson, Optional<Double> exposure) {
        throw new UnsupportedOperationException();
    }

    @Override
    public AssessmentSummary saveCompressed(Assessment assessment, byte[] reportGzip, Optional<Double> exposure) {
        throw new UnsupportedOperationException();
    }

    @Override
    public List<AssessmentSummary> history(String deviceId, Instant since) {
        throw new UnsupportedOperationException();
    }

    @Override
    public FleetResults latestResults() {
        throw new UnsupportedOperationException();
    }

    @Override
    public List<StoredResults> assessmentsAfter(long afterId, Set<Long> ids, int limit) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Optional<StoredAssessment> assessment(long id) {
        throw new UnsupportedOperationException();
    }

    @Override
    public AssessmentDiff diff(long from, long to) {
        throw new UnsupportedOperationException();
    }

    @Override
    public List<Device> devices() {
        return List.of(new Device("d1", "host1", "Debian", Set.of()));
    }

    @Override
    public Optional<Device> device(String id) {
        return devices().stream().filter(d -> d.id().equals(id)).findFirst();
    }

    @Override
    public Device setGroups(String deviceId, Set<String> groups) {
        throw new UnsupportedOperationException();
    }

    @Override
    public List<ControlException> exceptionsInForce(Instant now) {
        throw new UnsupportedOperationException();
    }

    @Override
    public List<org.bulwark.store.api.StoredInventory> software(String deviceId) {
        throw new UnsupportedOperationException();
    }

    @Override
    public List<org.bulwark.store.api.SoftwareSummary> softwareSummary(
            java.util.function.Predicate<String> devices) {
        throw new UnsupportedOperationException();
    }

    @Override
    public List<org.bulwark.store.api.StoredFeed> feeds() {
        throw new UnsupportedOperationException();
    }

    @Override
    public org.bulwark.store.api.StoredFeed putFeed(org.bulwark.store.api.StoredFeed feed,
            java.nio.file.Path content) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Optional<org.bulwark.store.api.StoredFeed> copyFeed(String kind, java.nio.file.Path target) {
        throw new UnsupportedOperationException();
    }

    @Override
    public int schemaVersion() {
        return 4;
    }

    @Override
    public void close() {
        // nothing to close
    }
}
