package org.bulwark.operations.api;

import java.io.IOException;

import org.bulwark.scoring.api.Assessment;
import org.bulwark.scoring.api.AssessmentListener;
import org.bulwark.store.api.AssessmentHistory;
import org.bulwark.store.api.AssessmentSummary;
import org.bulwark.store.api.StoreException;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Assess-and-store, the main use case, once for every front end. A thread-safe service; assessments may run
 * concurrently.
 * <p>
 * Store work runs on a thread of the service, never on the caller's: an interrupt of the caller (a cancel)
 * reaches the collectors, never the store's file channels.
 */
@ProviderType
public interface Assessments {

    /**
     * Assesses and stores:
     * <ol>
     * <li>with a store: opens it briefly, reads the exceptions in force and every device's groups, and closes it
     * (an embedded H2 file is locked while open, and collection takes minutes); a store that cannot be read adds a
     * warning ({@code stored exceptions could not be read: …}) and the assessment goes on without them;</li>
     * <li>assesses with the order's content, categories and timeout, its exceptions and the stored ones (a
     * stored one with the id of one of the order's is not added again);</li>
     * <li>calls {@code sink} with the assessment: the caller writes its report;</li>
     * <li>with a store: writes the JSON report and saves the assessment with it; a failure is given in the
     * outcome, never thrown.</li>
     * </ol>
     *
     * @param store    the store, or {@code null} to store nothing and apply only the order's exceptions
     * @param listener follows the collection
     * @throws InterruptedException when the calling thread is interrupted before the report is written; nothing
     *                              was written or stored
     * @throws IOException          what {@code sink} threw; nothing was stored
     * @throws OperationException   INVALID_INPUT when the root is no directory or the timeout is not positive
     */
    AssessOutcome assess(AssessOrder order, StoreOpener store, ReportSink sink, AssessmentListener listener)
            throws InterruptedException, IOException, OperationException;

    /**
     * Stores an assessment made earlier with its JSON report (a workbench's re-assessment); the store is opened
     * and closed on a thread of the service.
     *
     * @return the stored assessment's summary
     */
    AssessmentSummary store(StoreOpener store, Assessment assessment) throws StoreException;

    /**
     * A page of device {@code deviceId}'s change timeline, as every front end shows it: its history paired into
     * consecutive assessments, newest pair first, and the store's diff of each pair of the page only.
     *
     * @param skip  how many of the newest pairs to pass over, at least 0
     * @param limit how many pairs at most, at least 0
     * @since 1.4
     */
    Changes changes(AssessmentHistory store, String deviceId, long skip, int limit) throws StoreException;
}
