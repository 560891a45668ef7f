package org.bulwark.store.api;

import java.time.Instant;
import java.util.Objects;

/**
 * A vulnerability feed as the store keeps it: one per kind, its content kept whole beside this description.
 *
 * @param kind       the feed's slot: its kind ({@code TRACKER}, {@code EPSS}, {@code KEV}), or its kind and file name
 *                   where each file is a feed of its own ({@code DSS:security-support-limited}, {@code OSV:all.zip})
 * @param origin     where it was imported from (a file name or URL)
 * @param sha256     the SHA-256 of the content as imported, 64 lowercase hexadecimal digits
 * @param sourceDate the source's own date or version (e.g. EPSS's score date), empty when it has none
 * @param records    the number of records read from it
 * @param imported   when it was imported
 * @param bytes      the size of the content as imported
 * @since 1.4
 */
public record StoredFeed(String kind, String origin, String sha256, String sourceDate, long records,
        Instant imported, long bytes) {

    public StoredFeed {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(sha256, "sha256");
        Objects.requireNonNull(sourceDate, "sourceDate");
        Objects.requireNonNull(imported, "imported");
    }
}
