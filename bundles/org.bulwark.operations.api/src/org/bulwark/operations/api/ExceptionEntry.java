package org.bulwark.operations.api;

import java.util.Objects;

import org.bulwark.store.api.StoredException;

/**
 * A stored exception with its status at a given time.
 *
 * @param stored the exception as stored
 * @param status active, pending, expired or cancelled ({@link StoredException#status})
 */
public record ExceptionEntry(StoredException stored, StoredException.Status status) {

    public ExceptionEntry {
        Objects.requireNonNull(stored, "stored");
        Objects.requireNonNull(status, "status");
    }
}
