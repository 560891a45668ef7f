package org.bulwark.store.api;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.bulwark.scoring.api.Assessment;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The assessments of a store: stored whole, each in one transaction, and read back as a device's history, whole, as
 * the fleet's latest results, as the assessments stored after a point, or as the difference between two. Part of an
 * {@link AssessmentStore}.
 *
 * @since 1.3
 */
@ProviderType
public interface AssessmentHistory {

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
     * Stores an assessment as {@link #save(Assessment, String)} does, with its exposure score as computed when it
     * is stored ({@link AssessmentSummary#exposure()}).
     *
     * @param exposure the exposure score, 0 to 100; empty when none was computed
     * @throws StoreException INVALID_INPUT for an exposure outside 0 to 100
     * @since 1.7
     */
    AssessmentSummary save(Assessment assessment, String reportJson, Optional<Double> exposure)
            throws StoreException;

    /**
     * Stores an assessment as {@link #saveCompressed(Assessment, byte[])} does, with its exposure score.
     *
     * @param exposure the exposure score, 0 to 100; empty when none was computed
     * @throws StoreException INVALID_INPUT for an exposure outside 0 to 100, or a report that is not gzip
     * @since 1.7
     */
    AssessmentSummary saveCompressed(Assessment assessment, byte[] reportGzip, Optional<Double> exposure)
            throws StoreException;

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
    List<StoredResults> assessmentsAfter(long afterId, Set<Long> ids, int limit) throws StoreException;

    /** @return the assessment with {@code id}, whole, if stored */
    Optional<StoredAssessment> assessment(long id) throws StoreException;

    /**
     * Explains the score change from assessment {@code from} to {@code to}.
     *
     * @throws StoreException NOT_FOUND for an unknown id; INVALID_INPUT when they are of different devices
     */
    AssessmentDiff diff(long from, long to) throws StoreException;
}
