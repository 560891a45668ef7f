package org.bulwark.store.api;

import java.time.Instant;
import java.util.List;

import org.bulwark.scoring.api.ControlException;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The exceptions of a store: created, updated and cancelled, never deleted. Part of an {@link AssessmentStore}.
 *
 * @since 1.3
 */
@ProviderType
public interface ExceptionStore {

    /**
     * Creates an exception.
     *
     * @throws StoreException INVALID_INPUT when its id is taken, its control is in no stored assessment (a
     *                        {@code software:} target: no stored device has software of that source package; a
     *                        {@code cve:} target: it is no vulnerability id), a DEVICE target is no stored device,
     *                        or it expires before it is created
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
}
