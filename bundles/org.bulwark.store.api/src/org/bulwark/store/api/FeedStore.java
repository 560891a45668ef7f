package org.bulwark.store.api;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The vulnerability feeds of a store: at most one of each kind, each replaced whole in one transaction, so that a
 * feed that could not be imported leaves the previous one in force. Part of an {@link AssessmentStore}.
 *
 * @since 1.4
 */
@ProviderType
public interface FeedStore {

    /** The largest feed content the store takes, in bytes (the real Debian tracker JSON is about 75 MB). */
    long MAX_FEED_BYTES = 1L << 30;

    /** @return the feeds, by kind */
    List<StoredFeed> feeds() throws StoreException;

    /**
     * Keeps {@code content} as the feed of {@code feed.kind()}, replacing the one kept; when the kept one has the
     * same SHA-256, nothing changes.
     *
     * @param feed    the description; its {@code bytes} and {@code sha256} must be those of the content
     * @param content a regular file holding the feed as imported; read as it is when stored, and refused when it
     *                is no longer what {@code feed} says (it changed after it was checked)
     * @return the feed now kept: {@code feed}, or the unchanged one with the same content
     * @throws StoreException INVALID_INPUT for a content larger than {@link #MAX_FEED_BYTES}, of another length
     *                        or SHA-256 than {@code feed} says, or a field longer than its column
     */
    StoredFeed putFeed(StoredFeed feed, Path content) throws StoreException;

    /**
     * Writes the content of the feed of {@code kind} to {@code target} (created or replaced).
     *
     * @return the feed written; empty, and nothing written, when there is none
     */
    Optional<StoredFeed> copyFeed(String kind, Path target) throws StoreException;
}
