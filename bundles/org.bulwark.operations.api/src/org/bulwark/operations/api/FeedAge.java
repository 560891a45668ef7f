package org.bulwark.operations.api;

import java.time.Duration;
import java.util.Objects;

import org.bulwark.store.api.StoredFeed;

/**
 * A stored feed and how old it is.
 *
 * @param feed  the feed
 * @param age   the time since it was imported
 * @param stale whether it is older than {@link VulnerabilityOperations#STALE_AFTER}
 * @since 1.1
 */
public record FeedAge(StoredFeed feed, Duration age, boolean stale) {

    public FeedAge {
        Objects.requireNonNull(feed, "feed");
        Objects.requireNonNull(age, "age");
    }
}
