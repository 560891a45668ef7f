package org.bulwark.operations.api;

import java.time.Instant;
import java.util.List;

import org.bulwark.store.api.AssessmentStore;
import org.bulwark.store.api.Remediation;
import org.bulwark.store.api.StoreException;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Remediation activities: created, updated, completed, cancelled and listed the same way by every front end.
 * Every method checks its input before it writes: an {@link OperationException} means nothing was written.
 * Thread-safe.
 */
@ProviderType
public interface RemediationOperations {

    /** The longest title. */
    int MAX_TITLE = 200;
    /** The longest control id, device id, group, requester and "by". */
    int MAX_NAME = 200;
    /** The longest notes. */
    int MAX_NOTES = 4000;
    /** The most devices one activity targets. */
    int MAX_DEVICES = 10_000;

    /**
     * Creates an activity requested {@code now} by {@code requester}. Checked: a title, the control, the scope
     * with at least one device (and no group) or a group (and no devices), a due date not before today (UTC), the
     * requester and the lengths; the store then checks that the control and the devices are known.
     *
     * @throws OperationException INVALID_INPUT naming the field; nothing written
     */
    Remediation create(AssessmentStore store, ActivityDraft draft, String requester, Instant now)
            throws OperationException, StoreException;

    /**
     * Updates an active activity's title, priority, due date or notes; what the update leaves {@code null} stays.
     *
     * @throws OperationException INVALID_INPUT for an empty update, a blank or too long title, a due date before
     *                            today (UTC), both a due date and none, a missing {@code by}; NOT_FOUND for an
     *                            unknown id; CONFLICT when it is completed or cancelled
     */
    Remediation update(AssessmentStore store, long id, Remediation.Update update, String by, Instant now)
            throws OperationException, StoreException;

    /**
     * Marks an active activity completed by hand.
     *
     * @throws OperationException NOT_FOUND for an unknown id; CONFLICT when it is completed or cancelled
     */
    Remediation complete(AssessmentStore store, long id, Instant now) throws OperationException, StoreException;

    /**
     * Cancels an active activity.
     *
     * @throws OperationException NOT_FOUND for an unknown id; CONFLICT when it is completed or cancelled;
     *                            INVALID_INPUT for a missing {@code by}
     */
    Remediation cancel(AssessmentStore store, long id, String by, Instant now)
            throws OperationException, StoreException;

    /** @return every activity, by id; only those of {@code status} unless it is {@code null} */
    List<Remediation> list(AssessmentStore store, Remediation.Status status) throws StoreException;
}
