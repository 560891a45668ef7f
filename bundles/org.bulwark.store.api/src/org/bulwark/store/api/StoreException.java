package org.bulwark.store.api;

/** A store operation that failed; nothing was written. {@link #reason()} tells callers what to do. */
public class StoreException extends Exception {

    private static final long serialVersionUID = 1L;

    /** Why an operation failed. */
    public enum Reason {
        /** The input is invalid (unknown device or control, due date in the past, missing field…). */
        INVALID_INPUT,
        /** What was asked for does not exist (an assessment, exception or activity id). */
        NOT_FOUND,
        /** The database was written by a newer Bulwark; it was not changed. */
        SCHEMA_TOO_NEW,
        /** The database cannot be reached or opened, or its URL is not supported. */
        UNAVAILABLE,
        /** The database failed while working; the transaction was rolled back. */
        FAILED
    }

    private final Reason reason;

    public StoreException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public StoreException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    /** @return why the operation failed */
    public Reason reason() {
        return reason;
    }
}
