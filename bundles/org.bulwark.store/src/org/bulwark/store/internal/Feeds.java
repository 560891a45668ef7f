package org.bulwark.store.internal;

import static org.bulwark.store.internal.Sql.instant;
import static org.bulwark.store.internal.Sql.require;
import static org.bulwark.store.internal.Sql.setTime;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.bulwark.store.api.FeedStore;
import org.bulwark.store.api.StoreException;
import org.bulwark.store.api.StoredFeed;

/**
 * The vulnerability feeds aggregate (schema 6): one feed per kind, its content in chunks. A put reads the file
 * in the transaction and checks its length and SHA-256 against the description, so a file changed after it was
 * checked is refused, and runs again whole if the transaction loses a race. Runs in the caller's transaction.
 */
final class Feeds {

    /** The largest chunk, in bytes. */
    static final int CHUNK = 512 * 1024;

    private final Transactions tx;

    Feeds(Transactions tx) {
        this.tx = tx;
    }

    List<StoredFeed> all() throws SQLException {
        List<StoredFeed> out = new ArrayList<>();
        try (PreparedStatement p = tx.connection().prepareStatement("SELECT kind, origin, sha256, source_date, "
                + "records, imported, bytes FROM vuln_feed");
                ResultSet r = p.executeQuery()) {
            while (r.next()) {
                out.add(feed(r));
            }
        }
        out.sort(java.util.Comparator.comparing(StoredFeed::kind));
        return out;
    }

    private static StoredFeed feed(ResultSet r) throws SQLException {
        return new StoredFeed(r.getString(1), r.getString(2), r.getString(3), r.getString(4), r.getLong(5),
                instant(r, 6), r.getLong(7));
    }

    Optional<StoredFeed> of(String kind) throws SQLException {
        try (PreparedStatement p = tx.connection().prepareStatement("SELECT kind, origin, sha256, source_date, "
                + "records, imported, bytes FROM vuln_feed WHERE kind = ?")) {
            p.setString(1, kind);
            try (ResultSet r = p.executeQuery()) {
                return r.next() ? Optional.of(feed(r)) : Optional.empty();
            }
        }
    }

    StoredFeed put(StoredFeed feed, Path content) throws SQLException, StoreException {
        require(!feed.kind().isBlank() && feed.kind().length() <= 200, "a feed kind is 1 to 200 characters");
        require(feed.origin().length() <= 4000, "the origin of the " + feed.kind() + " feed is longer than 4000 "
                + "characters");
        require(feed.sourceDate().length() <= 200, "the source date of the " + feed.kind() + " feed is longer than "
                + "200 characters");
        require(feed.sha256().matches("[0-9a-f]{64}"), "the SHA-256 of the " + feed.kind() + " feed is not 64 "
                + "lowercase hexadecimal digits");
        require(feed.bytes() >= 0 && feed.bytes() <= FeedStore.MAX_FEED_BYTES, "the " + feed.kind() + " feed is "
                + feed.bytes() + " bytes, more than the store takes (" + FeedStore.MAX_FEED_BYTES + ")");
        require(feed.records() >= 0, "a feed's record count is not negative");
        require(Files.isRegularFile(content, LinkOption.NOFOLLOW_LINKS), "the " + feed.kind() + " feed " + content
                + " is not a regular file");
        Connection c = tx.connection();
        try (PreparedStatement p = c.prepareStatement("SELECT kind FROM vuln_feed WHERE kind = ? FOR UPDATE")) {
            p.setString(1, feed.kind());
            p.executeQuery().close();
        }
        Optional<StoredFeed> kept = of(feed.kind());
        if (kept.isPresent() && kept.get().sha256().equals(feed.sha256())) {
            return kept.get();
        }
        for (String sql : new String[] { "DELETE FROM vuln_feed_chunk WHERE kind = ?",
                "DELETE FROM vuln_feed WHERE kind = ?" }) {
            try (PreparedStatement p = c.prepareStatement(sql)) {
                p.setString(1, feed.kind());
                p.executeUpdate();
            }
        }
        try (PreparedStatement p = c.prepareStatement("INSERT INTO vuln_feed (kind, origin, sha256, source_date, "
                + "records, imported, bytes) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            p.setString(1, feed.kind());
            p.setString(2, feed.origin());
            p.setString(3, feed.sha256());
            p.setString(4, feed.sourceDate());
            p.setLong(5, feed.records());
            setTime(p, 6, feed.imported());
            p.setLong(7, feed.bytes());
            p.executeUpdate();
        }
        MessageDigest sha = sha256();
        long length = 0;
        try (InputStream in = open(content, feed.kind());
                PreparedStatement p = c.prepareStatement(
                        "INSERT INTO vuln_feed_chunk (kind, seq, data) VALUES (?, ?, ?)")) {
            byte[] buffer = new byte[CHUNK];
            for (int seq = 0;; seq++) {
                int n = in.readNBytes(buffer, 0, CHUNK);
                if (n == 0) {
                    break;
                }
                length += n;
                require(length <= feed.bytes(), "the " + feed.kind() + " feed file " + content + " is longer than "
                        + "the " + feed.bytes() + " bytes that were checked: it changed");
                sha.update(buffer, 0, n);
                p.setString(1, feed.kind());
                p.setInt(2, seq);
                p.setBytes(3, n == CHUNK ? buffer : java.util.Arrays.copyOf(buffer, n));
                p.executeUpdate();
            }
        } catch (IOException e) {
            throw new StoreException(StoreException.Reason.INVALID_INPUT, "cannot read the " + feed.kind()
                    + " feed file " + content + ": " + e.getMessage() + "; nothing was written", e);
        }
        require(length == feed.bytes() && HexFormat.of().formatHex(sha.digest()).equals(feed.sha256()),
                "the " + feed.kind() + " feed file " + content + " is no longer the one that was checked (" + length
                        + " bytes): it changed");
        return feed;
    }

    private static InputStream open(Path content, String kind) throws IOException, StoreException {
        require(Files.isRegularFile(content, LinkOption.NOFOLLOW_LINKS), "the " + kind + " feed " + content
                + " is not a regular file");
        return Files.newInputStream(content, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS);
    }

    Optional<StoredFeed> copy(String kind, Path target) throws SQLException, StoreException {
        Optional<StoredFeed> feed = of(kind);
        if (feed.isEmpty()) {
            return feed;
        }
        try (OutputStream out = Files.newOutputStream(target);
                PreparedStatement p = tx.connection().prepareStatement(
                        "SELECT data FROM vuln_feed_chunk WHERE kind = ? ORDER BY seq")) {
            p.setString(1, kind);
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    out.write(r.getBytes(1));
                }
            }
        } catch (IOException e) {
            throw new StoreException(StoreException.Reason.FAILED, "cannot write the " + kind + " feed to " + target
                    + ": " + e.getMessage(), e);
        }
        return feed;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks SHA-256", e);
        }
    }
}
