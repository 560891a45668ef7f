package org.bulwark.store.api;

import java.time.Instant;
import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The remediation activities of a store: created, recounted as assessments are stored, updated, completed or
 * cancelled. Part of an {@link AssessmentStore}.
 *
 * @since 1.3
 */
@ProviderType
public interface RemediationStore {

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
}
