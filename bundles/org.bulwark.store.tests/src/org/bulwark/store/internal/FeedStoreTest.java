package org.bulwark.store.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Random;

import org.bulwark.store.api.StoredFeed;
import org.junit.jupiter.api.Test;

/** The vulnerability feeds: one per kind, kept whole, replaced whole, never half (H2 here, PostgreSQL too). */
class FeedStoreTest extends StoreTestBase {

    static final Instant NOW = Instant.parse("2026-12-01T08:00:00Z");

    /** Writes {@code bytes} to {@code name} in the test's directory. */
    private Path file(String name, byte[] bytes) throws Exception {
        return Files.write(dir.resolve(name), bytes);
    }

    static String sha(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    static StoredFeed feed(String kind, byte[] bytes, Instant at) throws Exception {
        return new StoredFeed(kind, kind.toLowerCase() + ".json", sha(bytes), "2026-11-30", 3, at, bytes.length);
    }

    @Test
    void aFeedOfSeveralChunksComesBackByteForByte() throws Exception {
        byte[] big = new byte[Feeds.CHUNK * 2 + 17];
        new Random(7).nextBytes(big);
        StoredFeed tracker = feed("TRACKER", big, NOW);
        assertEquals(tracker, store.putFeed(tracker, file("tracker.json", big)));
        assertEquals(List.of(tracker), store.feeds());
        Path out = dir.resolve("copy");
        assertEquals(Optional.of(tracker), store.copyFeed("TRACKER", out));
        assertArrayEquals(big, Files.readAllBytes(out));
        assertEquals(Optional.empty(), store.copyFeed("KEV", dir.resolve("none")));
        assertEquals(false, Files.exists(dir.resolve("none")), "nothing written for a feed that is not there");
    }

    @Test
    void theSameContentChangesNothingAndNewContentReplacesTheOld() throws Exception {
        byte[] one = "{\"v\": 1}".getBytes();
        byte[] two = "{\"v\": 2, \"more\": true}".getBytes();
        StoredFeed first = feed("EPSS", one, NOW);
        store.putFeed(first, file("a", one));
        assertEquals(first, store.putFeed(feed("EPSS", one, NOW.plusSeconds(3600)), file("b", one)),
                "idempotent: the kept feed, with its own import time");
        StoredFeed second = feed("EPSS", two, NOW.plusSeconds(7200));
        assertEquals(second, store.putFeed(second, file("c", two)));
        byte[] kev = "[]".getBytes();
        store.putFeed(feed("KEV", kev, NOW), file("k", kev));
        assertEquals(List.of(second, feed("KEV", kev, NOW)), store.feeds());
        Path out = dir.resolve("copy");
        store.copyFeed("EPSS", out);
        assertArrayEquals(two, Files.readAllBytes(out));
    }

    @Test
    void aFileThatChangedAfterItWasCheckedIsRefusedAndThePreviousFeedStays() throws Exception {
        byte[] good = "{\"v\": 1}".getBytes();
        StoredFeed kept = feed("TRACKER", good, NOW);
        store.putFeed(kept, file("good", good));
        byte[] checked = "{\"v\": 2}".getBytes();
        Path swapped = file("swapped", "{\"v\": 3}".getBytes()); // same length, other bytes
        assertInvalid("the TRACKER feed file " + swapped + " is no longer the one that was checked (8 bytes): it "
                + "changed", () -> store.putFeed(feed("TRACKER", checked, NOW), swapped));
        Path longer = file("longer", new byte[Feeds.CHUNK + 1]);
        assertInvalid("is longer than the 8 bytes that were checked: it changed",
                () -> store.putFeed(feed("TRACKER", checked, NOW), longer));
        assertInvalid("is not a regular file", () -> store.putFeed(feed("TRACKER", checked, NOW), dir));
        Path link = Files.createSymbolicLink(dir.resolve("link"), dir.resolve("good"));
        assertInvalid("is not a regular file", () -> store.putFeed(feed("TRACKER", good, NOW), link));
        assertInvalid("the SHA-256 of the TRACKER feed is not 64 lowercase hexadecimal digits",
                () -> store.putFeed(new StoredFeed("TRACKER", "t", "ABC", "", 1, NOW, 8), file("x", checked)));
        assertEquals(List.of(kept), store.feeds(), "the previous feed is still in force");
        Path out = dir.resolve("copy");
        store.copyFeed("TRACKER", out);
        assertArrayEquals(good, Files.readAllBytes(out));
    }
}
