package org.bulwark.operations.api;

import java.util.Objects;

import org.bulwark.store.api.StoredFeed;

/**
 * One imported feed file.
 *
 * @param file    the file as given
 * @param feed    the feed the store keeps for it now
 * @param changed whether the import replaced the stored feed (false: the store held this content already)
 * @since 1.1
 */
public record FeedImport(String file, StoredFeed feed, boolean changed) {

    public FeedImport {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(feed, "feed");
    }
}
