package org.bulwark.store.api;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.bulwark.scoring.api.Assessment;
import org.bulwark.scoring.api.ControlException;
import org.bulwark.scoring.api.Device;
import org.osgi.annotation.versioning.ProviderType;

/**
 * An open store. Every write is one transaction: it is done whole or not at all (a crash, a failure or bad input
 * leaves the store as it was). Thread-safe; close it when done.
 */
@ProviderType
public interface AssessmentStore extends AutoCloseable {

    /**
     * Stores an assessment whole: the device, times, content versions and hashes, collector bundles, every result,
     * the applied exceptions, the scores and the full JSON report with the evidence. In the same transaction,
     * the target and fixed device counts of the control's active remediation activities are updated, and those
     * whose every targeted device now passes are completed by system confirmation.
     *
     * @param reportJson the assessment's JSON report (as {@code ReportWriter} writes it)
     * @return the stored assessment's summary, with its id
     */
    AssessmentSummary save(Assessment assessment, String reportJson) throws StoreException;

    /**
     * Stores an assessment as {@link #save(Assessment, String)} does, with its report already gzip-compressed, for
     * example as an agent uploaded it: the report is kept as given, not compressed again.
     *
     * @param reportGzip the JSON report (UTF-8) as one or more gzip members; the caller has read it whole, the
     *                   store checks only that it starts as gzip does
     * @return the stored assessment's summary, with its id
     * @throws StoreException INVALID_INPUT when {@code reportGzip} does not start with the gzip magic bytes
     * @since 1.2
     */
    AssessmentSummary saveCompressed(Assessment assessment, byte[] reportGzip) throws StoreException;

    /**
     * @param deviceId only this device (id or host name), or {@code null} for all
     * @param since    only assessments finished at or after this time, or {@code null}
     * @return summaries in storing order
     * @throws StoreException INVALID_INPUT when {@code deviceId} names no stored device
     */
    List<AssessmentSummary> history(String deviceId, Instant since) throws StoreException;

    /** @return every device's latest stored results (by storing order), for fleet scoring */
    FleetResults latestResults() throws StoreException;

    /**
     * Assessments stored since a point, for a process that holds the fleet in memory while other processes store
     * into the same database: those with an id above {@code afterId}, and those whose id is one of {@code ids} (ids
     * below it that had not been committed when last asked: ids are taken when a transaction inserts, and
     * transactions commit in any order).
     *
     * @param afterId the highest id already seen
     * @param ids     ids at or below {@code afterId} to look for again; may be empty
     * @param limit   at most this many (the lowest ids first); at least 1
     * @return the assessments found, by id
     * @since 1.2
     */
    List<StoredResults> assessmentsAfter(long afterId, java.util.Set<Long> ids, int limit) throws StoreException;

    /** @return the assessment with {@code id}, whole, if stored */
    Optional<StoredAssessment> assessment(long id) throws StoreException;

    /**
     * Explains the score change from assessment {@code from} to {@code to}.
     *
     * @throws StoreException NOT_FOUND for an unknown id; INVALID_INPUT when they are of different devices
     */
    AssessmentDiff diff(long from, long to) throws StoreException;

    /** @return every device with its latest known host name, OS and groups, by id */
    List<Device> devices() throws StoreException;

    /**
     * Sets the groups a device belongs to (for group-scoped exceptions and remediation activities). Groups are kept
     * by the store: an assessment changes them only when its device reports groups of its own.
     *
     * @param groups the group names; empty to remove the device from every group
     * @return the device with its new groups
     * @throws StoreException INVALID_INPUT for an unknown device or an empty group name
     */
    Device setGroups(String deviceId, java.util.Set<String> groups) throws StoreException;

    /**
     * Creates an exception.
     *
     * @throws StoreException INVALID_INPUT when its id is taken, its control is in no stored assessment, a DEVICE
     *                        target is no stored device, or it expires before it is created
     */
    StoredException createException(ControlException exception) throws StoreException;

    /** @return every exception, cancelled and expired ones included, by creation time then id */
    List<StoredException> exceptions() throws StoreException;

    /** @return the exceptions to apply at {@code now}: not cancelled by then (scoring checks their expiry) */
    List<ControlException> exceptionsInForce(Instant now) throws StoreException;

    /**
     * Cancels an exception: it stops counting from {@code at}.
     *
     * @throws StoreException NOT_FOUND for an unknown id; INVALID_INPUT when it is already cancelled
     */
    StoredException cancelException(String id, String by, Instant at) throws StoreException;

    /**
     * Updates an exception's expiry, notes or justification; the fleet score follows from the next computation
     * (assessments stored before keep the exception as it was applied to them).
     *
     * @param by who updates it
     * @param at when; kept as the exception's {@code updated} time
     * @return the exception as updated
     * @throws StoreException NOT_FOUND for an unknown id; INVALID_INPUT when it is cancelled, the update is empty,
     *                        names both a new expiry and no expiry, sets an expiry not after its creation, or
     *                        {@code by} is missing
     */
    StoredException updateException(String id, StoredException.Update update, String by, Instant at)
            throws StoreException;

    /**
     * Creates a remediation activity; its target and fixed counts are computed from the latest assessments.
     *
     * @param now the creation time; the due date may not be before its day (UTC)
     * @throws StoreException INVALID_INPUT for an unknown control or device, a due date in the past, a missing
     *                        title or requester
     */
    Remediation createRemediation(Remediation.Request request, Instant now) throws StoreException;

    /** @return every activity, by id */
    List<Remediation> remediations() throws StoreException;

    /**
     * Marks an activity completed by hand.
     *
     * @throws StoreException NOT_FOUND for an unknown id; INVALID_INPUT when it is already completed or cancelled
     */
    Remediation completeRemediation(long id, Instant at) throws StoreException;

    /**
     * Updates an active activity's title, priority, due date or notes.
     *
     * @param by who updates it
     * @param at when; the new due date may not be before its day (UTC)
     * @return the activity as updated
     * @throws StoreException NOT_FOUND for an unknown id; INVALID_INPUT when it is completed or cancelled, the
     *                        update is empty, the title blank, the due date in the past, or {@code by} is missing
     */
    Remediation updateRemediation(long id, Remediation.Update update, String by, Instant at) throws StoreException;

    /**
     * Cancels an active activity: it is no longer asked for, recounted or completed by system confirmation.
     *
     * @throws StoreException NOT_FOUND for an unknown id; INVALID_INPUT when it is completed or already cancelled,
     *                        or {@code by} is missing
     */
    Remediation cancelRemediation(long id, String by, Instant at) throws StoreException;

    /** @return the schema version of the open database */
    int schemaVersion() throws StoreException;

    /** Closes the store's connections. */
    @Override
    void close();
}
