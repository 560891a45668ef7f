package org.bulwark.store.api;

import org.osgi.annotation.versioning.ProviderType;

/**
 * An open store: its assessments, devices, exceptions and remediation activities. Every write is one transaction:
 * it is done whole or not at all (a crash, a failure or bad input leaves the store as it was), and it returns
 * once it is durable. Thread-safe; close it when done. Since 1.3 its methods are grouped in the narrower
 * interfaces it extends, which a caller that needs one part may take instead.
 */
@ProviderType
public interface AssessmentStore
        extends AssessmentHistory, DeviceRegistry, ExceptionStore, RemediationStore, SoftwareInventories,
        FeedStore, AutoCloseable {

    /** @return the schema version of the open database */
    int schemaVersion() throws StoreException;

    /** Closes the store's connections. */
    @Override
    void close();
}
