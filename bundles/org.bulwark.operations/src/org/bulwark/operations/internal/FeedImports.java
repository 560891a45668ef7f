package org.bulwark.operations.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.bulwark.operations.api.OperationException;
import org.bulwark.store.api.StoredFeed;
import org.bulwark.vulnerability.api.FeedException;
import org.bulwark.vulnerability.api.FeedInfo;
import org.bulwark.vulnerability.api.FeedKind;
import org.bulwark.vulnerability.api.FeedReader;

/**
 * One feed file being imported: found, detected, packed (an OSV directory becomes one zip, which is what is checked
 * and stored, so that what was checked is what is kept), read whole and described. The store checks the content
 * again against the description when it keeps it.
 */
final class FeedImports {

    /** How much of a file detection looks at. */
    static final int HEAD = 64 * 1024;
    /** The most OSV records a directory may hold. */
    static final int MAX_FILES = 2_000_000;

    private FeedImports() {
    }

    /** A file read whole and ready to store: the file to store, its description, and a temporary file to delete. */
    record Checked(String given, Path content, StoredFeed feed, Path temporary) {
    }

    /** The kinds whose every file is a feed of its own: the slot names the file. */
    static String slot(FeedKind kind, String fileName) {
        return switch (kind) {
            case OSV, DSS, DISTRO_INFO -> kind.name() + ":" + fileName;
            default -> kind.name();
        };
    }

    /** @return the kind of a slot */
    static FeedKind kindOf(String slot) {
        int colon = slot.indexOf(':');
        return FeedKind.valueOf(colon < 0 ? slot : slot.substring(0, colon));
    }

    static Checked check(Path file, Map<FeedKind, FeedReader> readers, Instant now) throws OperationException {
        return check(file, file.toString(), readers, now);
    }

    /**
     * @param origin what the feed is called in messages and kept as its origin: the file as given, or the URL it
     *               was fetched from
     */
    static Checked check(Path file, String origin, Map<FeedKind, FeedReader> readers, Instant now)
            throws OperationException {
        String given = origin;
        Path name = file.getFileName();
        Path temporary = null;
        try {
            Path content = file;
            if (Files.isDirectory(file, LinkOption.NOFOLLOW_LINKS)) {
                temporary = Files.createTempFile("bulwark-osv-", ".zip");
                zip(file, temporary);
                content = temporary;
            } else if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                throw invalid(given + ": " + (Files.exists(file, LinkOption.NOFOLLOW_LINKS)
                        ? "not a regular file or a directory" : "no such file"));
            }
            byte[] head;
            try (InputStream in = Files.newInputStream(content, LinkOption.NOFOLLOW_LINKS)) {
                head = in.readNBytes(HEAD);
            }
            FeedReader reader = null;
            for (FeedKind kind : FeedKind.values()) {
                FeedReader r = readers.get(kind);
                if (r != null && r.detect(head)) {
                    reader = r;
                    break;
                }
            }
            if (reader == null) {
                throw invalid(given + ": not a feed Bulwark reads (the kinds it reads: " + readers.keySet() + ")");
            }
            long[] records = new long[1];
            FeedInfo info = reader.read(content, r -> records[0]++);
            MessageDigest sha = sha256();
            long size;
            try (InputStream in = new DigestInputStream(Files.newInputStream(content, LinkOption.NOFOLLOW_LINKS),
                    sha)) {
                size = in.transferTo(OutputStream.nullOutputStream());
            }
            StoredFeed feed = new StoredFeed(slot(reader.kind(), name == null ? given : name.toString()), given,
                    HexFormat.of().formatHex(sha.digest()), info.sourceDate(), info.records(), now, size);
            return new Checked(given, content, feed, temporary);
        } catch (FeedException e) {
            deleteQuietly(temporary);
            String m = String.valueOf(e.getMessage());
            String local = file.toString();
            if (temporary == null && !given.equals(local) && m.startsWith(local)) {
                m = given + m.substring(local.length()); // a download: named by its URL, not the temporary file
            } else if (temporary != null || !m.startsWith(given)) {
                m = given + ": " + m;
            }
            throw new OperationException(OperationException.Kind.INVALID_INPUT, "malformed_feed", null, m, e);
        } catch (IOException e) {
            deleteQuietly(temporary);
            throw invalid(given + ": cannot read: " + e.getMessage());
        } catch (OperationException | RuntimeException e) {
            deleteQuietly(temporary);
            throw e;
        }
    }

    /** Packs the {@code .json} regular files directly in {@code dir} (links and others refused) into a zip. */
    private static void zip(Path dir, Path zip) throws IOException, OperationException {
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir, "*.json")) {
            for (Path p : entries) {
                if (!Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                    throw invalid(p + ": not a regular file");
                }
                files.add(p);
                if (files.size() > MAX_FILES) {
                    throw invalid(dir + ": more than " + MAX_FILES + " OSV records");
                }
            }
        }
        if (files.isEmpty()) {
            throw invalid(dir + ": a directory of OSV records, but it has no .json file");
        }
        files.sort(null);
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            for (Path p : files) {
                out.putNextEntry(new ZipEntry(p.getFileName().toString()));
                try (InputStream in = Files.newInputStream(p, LinkOption.NOFOLLOW_LINKS)) {
                    in.transferTo(out);
                }
                out.closeEntry();
            }
        }
    }

    static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                // a temporary file: the system's clean-up takes it
            }
        }
    }

    /** Deletes a temporary directory and what is in it (no links are followed). */
    static void deleteTree(Path dir) {
        try (java.util.stream.Stream<Path> all = Files.walk(dir)) {
            all.sorted(java.util.Comparator.reverseOrder()).forEach(FeedImports::deleteQuietly);
        } catch (IOException e) {
            // a temporary directory: the system's clean-up takes it
        }
    }

    private static OperationException invalid(String message) {
        return new OperationException(OperationException.Kind.INVALID_INPUT, null, message);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks SHA-256", e);
        }
    }
}
