package org.bulwark.store.api;

import java.time.Instant;
import java.util.Objects;

import org.bulwark.scoring.api.ControlException;
import org.bulwark.scoring.api.Justification;

/**
 * An exception kept in the store.
 *
 * @param exception   the exception (id, control, scope, target, justification, author, created, expiry, notes)
 * @param cancelled   when it was cancelled, or {@code null}
 * @param cancelledBy who cancelled it, or {@code null}
 * @param updated     when it was last updated (expiry, notes or justification), or {@code null} if never
 * @param updatedBy   who last updated it, or {@code null}
 */
public record StoredException(ControlException exception, Instant cancelled, String cancelledBy, Instant updated,
        String updatedBy) {

    /** An exception never updated since its creation. */
    public StoredException(ControlException exception, Instant cancelled, String cancelledBy) {
        this(exception, cancelled, cancelledBy, null, null);
    }

    /**
     * What to change on an exception; {@code null} fields stay as they are.
     *
     * @param expires       the new expiry, or {@code null}
     * @param noExpiry      {@code true} to make it never expire (then {@code expires} must be {@code null})
     * @param notes         the new notes ({@code ""} removes them), or {@code null}
     * @param justification the new justification, or {@code null}
     */
    public record Update(Instant expires, boolean noExpiry, String notes, Justification justification) {

        /** @return whether it changes nothing */
        public boolean isEmpty() {
            return expires == null && !noExpiry && notes == null && justification == null;
        }
    }

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
