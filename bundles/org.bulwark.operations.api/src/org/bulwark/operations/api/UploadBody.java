package org.bulwark.operations.api;

import java.util.Objects;

/**
 * An upload as a fleet server received it, read whole and within its limit.
 *
 * @param json the document (upload or full report), inflated when it was sent compressed
 * @param gzip the body as sent when it was gzip-compressed (stored as it is), else {@code null}
 */
public record UploadBody(byte[] json, byte[] gzip) {

    public UploadBody {
        Objects.requireNonNull(json, "json");
    }
}
