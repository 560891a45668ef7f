package org.bulwark.operations.internal;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;

import org.bulwark.operations.api.OperationException;
import org.bulwark.operations.api.OperationException.Kind;
import org.bulwark.store.api.StoreException;

/** The checks the operations share: messages begin with the field's name. */
final class Checks {

    private Checks() {
    }

    static OperationException invalid(String field, String message) {
        return new OperationException(Kind.INVALID_INPUT, field, message);
    }

    /** @return {@code value}, which must be given, not blank and at most {@code max} characters */
    static String required(String field, String value, int max, String what) throws OperationException {
        if (value == null || value.isBlank()) {
            throw invalid(field, field + " is required" + (what == null ? "" : " (" + what + ")"));
        }
        return bounded(field, value, max);
    }

    /** @return {@code value} ({@code null} allowed), at most {@code max} characters */
    static String bounded(String field, String value, int max) throws OperationException {
        if (value != null && value.length() > max) {
            throw invalid(field, field + ": at most " + max + " characters, not " + value.length());
        }
        return value;
    }

    /** @return an instant for messages: the date alone when it is the start of a day (UTC) */
    static String when(Instant t) {
        LocalDateTime l = LocalDateTime.ofInstant(t, ZoneOffset.UTC);
        return l.toLocalTime().equals(LocalTime.MIDNIGHT) ? l.toLocalDate().toString() : t.toString();
    }

    /**
     * @return the refusal for a store's refusal of bad input or an unknown id, which the checks before could not
     *         see (an unknown control or device, a change another process made meanwhile)
     * @throws StoreException {@code e} itself when the store failed (unavailable, newer schema, failed)
     */
    static OperationException refused(StoreException e) throws StoreException {
        return switch (e.reason()) {
            case INVALID_INPUT -> new OperationException(Kind.INVALID_INPUT, null, null, e.getMessage(), e);
            case NOT_FOUND -> new OperationException(Kind.NOT_FOUND, null, null, e.getMessage(), e);
            default -> throw e;
        };
    }

    /** A change the store makes, which it may refuse. */
    @FunctionalInterface
    interface StoreChange<T> {
        T run() throws StoreException;
    }

    /**
     * @return what {@code change} returns
     * @throws OperationException the store refused bad input or an unknown id ({@link #refused})
     * @throws StoreException the store failed
     */
    static <T> T refusing(StoreChange<T> change) throws OperationException, StoreException {
        try {
            return change.run();
        } catch (StoreException e) {
            throw refused(e);
        }
    }
}
