package org.bulwark.operations.api;

import java.time.Instant;
import java.util.List;

import org.bulwark.store.api.AssessmentStore;
import org.bulwark.store.api.StoreException;
import org.bulwark.store.api.StoredException;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Exceptions: created, updated, cancelled and listed the same way by every front end. Every method checks its
 * input before it writes: an {@link OperationException} means nothing was written. The store is a parameter
 * (a server keeps one open; the command line and the workbench open one per call). Thread-safe.
 */
@ProviderType
public interface ExceptionOperations {

    /** What an exception id may hold (a regular expression). */
    String ID_PATTERN = "[A-Za-z0-9._-]+";
    /** The longest exception id. */
    int MAX_ID = 64;
    /** The longest control id, target, author and "by". */
    int MAX_NAME = 200;
    /** The longest notes. */
    int MAX_NOTES = 4000;

    /** @return a new exception id: {@code ex-} and 8 random hexadecimal digits (the only generator) */
    String newId();

    /**
     * @return {@code id} when it is a valid exception id: 1 to {@value #MAX_ID} characters of
     *         {@value #ID_PATTERN}
     * @throws OperationException INVALID_INPUT (field {@code id}) otherwise
     */
    String checkId(String id) throws OperationException;

    /**
     * Creates an exception created {@code now} by {@code author}. Checked: the id (generated when the draft has
     * none, one not taken), the control, scope and target (a target for device and group scope, none for global),
     * justification, an expiry after {@code now}, the author and the lengths; the store then checks that the
     * control and a device target are known.
     *
     * @throws OperationException INVALID_INPUT naming the field, CONFLICT when the id is taken, nothing written
     */
    StoredException create(AssessmentStore store, ExceptionDraft draft, String author, Instant now)
            throws OperationException, StoreException;

    /**
     * Updates an exception's expiry, notes or justification; what the update leaves {@code null} stays.
     *
     * @throws OperationException INVALID_INPUT for an empty update, both an expiry and none, an expiry not after
     *                            the creation, a missing {@code by} or too long notes; NOT_FOUND for an unknown id;
     *                            CONFLICT when it is cancelled
     */
    StoredException update(AssessmentStore store, String id, StoredException.Update update, String by, Instant now)
            throws OperationException, StoreException;

    /**
     * Cancels an exception from {@code now}.
     *
     * @throws OperationException NOT_FOUND for an unknown id; CONFLICT when it is already cancelled
     */
    StoredException cancel(AssessmentStore store, String id, String by, Instant now)
            throws OperationException, StoreException;

    /** @return every stored exception with its status at {@code now}, by creation time then id */
    List<ExceptionEntry> list(AssessmentStore store, Instant now) throws StoreException;
}
