package org.bulwark.store.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.bulwark.scoring.api.Assessment;
import org.bulwark.scoring.api.ControlException;
import org.bulwark.scoring.api.Device;
import org.bulwark.store.api.AssessmentDiff;
import org.bulwark.store.api.AssessmentStore;
import org.bulwark.store.api.AssessmentSummary;
import org.bulwark.store.api.FleetResults;
import org.bulwark.store.api.Remediation;
import org.bulwark.store.api.StoreException;
import org.bulwark.store.api.StoredResults;
import org.bulwark.store.api.StoredAssessment;
import org.bulwark.store.api.StoredException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.Designate;

/**
 * An {@link AssessmentStore} service for long-running runtimes (server, workbench), present while Configuration
 * Admin holds a configuration for PID {@value #PID} with a {@code url}. The database is opened on first use, not
 * in {@code @Activate}; a changed configuration re-creates the component on the new URL. Users must not close
 * the service: {@link #close()} does nothing, the component closes the store when it is deactivated.
 */
@Designate(ocd = StoreConfiguration.class)
@Component(service = AssessmentStore.class, configurationPid = ConfiguredStore.PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE)
public final class ConfiguredStore implements AssessmentStore {

    /** The configuration PID. */
    public static final String PID = "org.bulwark.store";

    private final String url;
    private JdbcStore store; // guarded by this

    @Activate
    public ConfiguredStore(StoreConfiguration configuration) {
        this.url = configuration.url();
    }

    private synchronized JdbcStore store() throws StoreException {
        if (store == null) {
            store = JdbcStore.open(url);
        }
        return store;
    }

    @Deactivate
    synchronized void deactivate() {
        if (store != null) {
            store.close();
            store = null;
        }
    }

    @Override
    public AssessmentSummary save(Assessment assessment, String reportJson) throws StoreException {
        return store().save(assessment, reportJson);
    }

    @Override
    public AssessmentSummary saveCompressed(Assessment assessment, byte[] reportGzip) throws StoreException {
        return store().saveCompressed(assessment, reportGzip);
    }

    @Override
    public List<AssessmentSummary> history(String deviceId, Instant since) throws StoreException {
        return store().history(deviceId, since);
    }

    @Override
    public FleetResults latestResults() throws StoreException {
        return store().latestResults();
    }

    @Override
    public List<StoredResults> assessmentsAfter(long afterId, java.util.Set<Long> ids, int limit)
            throws StoreException {
        return store().assessmentsAfter(afterId, ids, limit);
    }

    @Override
    public Optional<StoredAssessment> assessment(long id) throws StoreException {
        return store().assessment(id);
    }

    @Override
    public AssessmentDiff diff(long from, long to) throws StoreException {
        return store().diff(from, to);
    }

    @Override
    public List<Device> devices() throws StoreException {
        return store().devices();
    }

    @Override
    public Device setGroups(String deviceId, java.util.Set<String> groups) throws StoreException {
        return store().setGroups(deviceId, groups);
    }

    @Override
    public StoredException createException(ControlException exception) throws StoreException {
        return store().createException(exception);
    }

    @Override
    public List<StoredException> exceptions() throws StoreException {
        return store().exceptions();
    }

    @Override
    public List<ControlException> exceptionsInForce(Instant now) throws StoreException {
        return store().exceptionsInForce(now);
    }

    @Override
    public StoredException cancelException(String id, String by, Instant at) throws StoreException {
        return store().cancelException(id, by, at);
    }

    @Override
    public StoredException updateException(String id, StoredException.Update update, String by, Instant at)
            throws StoreException {
        return store().updateException(id, update, by, at);
    }

    @Override
    public Remediation createRemediation(Remediation.Request request, Instant now) throws StoreException {
        return store().createRemediation(request, now);
    }

    @Override
    public List<Remediation> remediations() throws StoreException {
        return store().remediations();
    }

    @Override
    public Remediation completeRemediation(long id, Instant at) throws StoreException {
        return store().completeRemediation(id, at);
    }

    @Override
    public Remediation updateRemediation(long id, Remediation.Update update, String by, Instant at)
            throws StoreException {
        return store().updateRemediation(id, update, by, at);
    }

    @Override
    public Remediation cancelRemediation(long id, String by, Instant at) throws StoreException {
        return store().cancelRemediation(id, by, at);
    }

    @Override
    public int schemaVersion() throws StoreException {
        return store().schemaVersion();
    }

    /** Does nothing: the service is shared; the component closes the store when deactivated. */
    @Override
    public void close() {
        // shared service
    }
}
