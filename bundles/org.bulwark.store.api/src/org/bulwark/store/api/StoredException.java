package org.bulwark.store.api;

import java.time.Instant;
import java.util.Objects;

import org.bulwark.scoring.api.ControlException;

/**
 * An exception kept in the store.
 *
 * @param exception   the exception (id, control, scope, target, justification, author, created, expiry, notes)
 * @param cancelled   when it was cancelled, or {@code null}
 * @param cancelledBy who cancelled it, or {@code null}
 */
public record StoredException(ControlException exception, Instant cancelled, String cancelledBy) {

    /** Where an exception stands at a given time. */
    public enum Status {
        /** It counts. */
        ACTIVE,
        /** Its creation time is still ahead. */
        PENDING,
        /** Its expiry passed. */
        EXPIRED,
        /** Someone cancelled it. */
        CANCELLED
    }

    public StoredException {
        Objects.requireNonNull(exception, "exception");
    }

    /** @return its status at {@code now} */
    public Status status(Instant now) {
        if (cancelled != null && !now.isBefore(cancelled)) {
            return Status.CANCELLED;
        }
        if (exception.activeAt(now)) {
            return Status.ACTIVE;
        }
        return exception.created().isAfter(now) ? Status.PENDING : Status.EXPIRED;
    }
}
