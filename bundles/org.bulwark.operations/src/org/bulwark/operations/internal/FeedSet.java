package org.bulwark.operations.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

import org.bulwark.operations.api.OperationException;
import org.bulwark.store.api.FeedStore;
import org.bulwark.store.api.StoreException;
import org.bulwark.store.api.StoredFeed;
import org.bulwark.vulnerability.api.Advisory;
import org.bulwark.vulnerability.api.AdvisoryLookup;
import org.bulwark.vulnerability.api.AffectedPackage;
import org.bulwark.vulnerability.api.CveMetrics;
import org.bulwark.vulnerability.api.DistroRelease;
import org.bulwark.vulnerability.api.FeedException;
import org.bulwark.vulnerability.api.FeedKind;
import org.bulwark.vulnerability.api.FeedReader;
import org.bulwark.vulnerability.api.FeedRecord;
import org.bulwark.vulnerability.api.SupportNotice;

/**
 * The stored feeds read into memory once: advisories by (ecosystem, release, source package), one metrics record
 * per CVE (EPSS and KEV merged), the debian-security-support lines and the distro-info releases. Immutable once
 * built; {@link #key} says which stored contents it holds, so a new import makes it stale.
 */
final class FeedSet implements AdvisoryLookup {

    /** Set once, when the set is built, before it is shared. */
    private List<String> key = List.of();
    private final Map<String, List<Advisory>> advisories = new HashMap<>();
    private final Map<String, CveMetrics> metrics = new HashMap<>();
    private final List<SupportNotice> notices = new ArrayList<>();
    private final List<DistroRelease> releases = new ArrayList<>();
    private boolean hasAdvisories;

    private FeedSet() {
    }

    /** @return what identifies a set of stored feeds: each slot with its SHA-256 */
    static List<String> key(List<StoredFeed> feeds) {
        return feeds.stream().map(f -> f.kind() + "@" + f.sha256()).sorted().toList();
    }

    List<String> key() {
        return key;
    }

    /** Reads every stored feed of {@code store} (as {@code feeds} lists them) with its kind's reader. */
    static FeedSet load(FeedStore store, List<StoredFeed> feeds, Map<FeedKind, FeedReader> readers)
            throws OperationException {
        List<StoredFeed> read = new ArrayList<>();
        FeedSet set = new FeedSet();
        for (StoredFeed f : feeds) {
            FeedKind kind = FeedImports.kindOf(f.kind());
            FeedReader reader = readers.get(kind);
            if (reader == null) {
                throw new OperationException(OperationException.Kind.INVALID_INPUT, null, "the stored " + f.kind()
                        + " feed cannot be read: no reader of " + kind + " feeds is installed");
            }
            Path copy = null;
            try {
                copy = Files.createTempFile("bulwark-feed-", kind == FeedKind.OSV ? ".zip" : ".feed");
                StoredFeed copied = store.copyFeed(f.kind(), copy).orElse(f);
                read.add(copied); // what was read, should another process have replaced it meanwhile
                reader.read(copy, set::add);
                if (kind == FeedKind.TRACKER || kind == FeedKind.OSV) {
                    set.hasAdvisories = true;
                }
            } catch (IOException | StoreException e) {
                throw new OperationException(OperationException.Kind.INVALID_INPUT, null, "the stored " + f.kind()
                        + " feed cannot be read: " + e.getMessage());
            } catch (FeedException e) {
                throw new OperationException(OperationException.Kind.INVALID_INPUT, null, "the stored " + f.kind()
                        + " feed (" + f.origin() + ") is malformed: " + e.getMessage());
            } finally {
                FeedImports.deleteQuietly(copy);
            }
        }
        set.key = key(read);
        return set;
    }

    private void add(FeedRecord record) {
        if (record instanceof Advisory a) {
            java.util.Set<String> keys = new java.util.LinkedHashSet<>();
            for (AffectedPackage p : a.affected()) {
                keys.add(lookupKey(p.ecosystem(), p.release(), p.sourceName()));
            }
            keys.forEach(k -> advisories.computeIfAbsent(k, x -> new ArrayList<>()).add(a));
        } else if (record instanceof CveMetrics m) {
            metrics.merge(m.cve(), m, FeedSet::merge);
        } else if (record instanceof SupportNotice n) {
            notices.add(n);
        } else if (record instanceof DistroRelease r) {
            releases.add(r);
        }
    }

    /** @return one record with the scores of {@code a} and {@code b}, each field taken from the one that has it */
    static CveMetrics merge(CveMetrics a, CveMetrics b) {
        OptionalDouble cvss = a.cvss3().isPresent() ? a.cvss3() : b.cvss3();
        return new CveMetrics(a.cve(), cvss, a.cvssVector().isEmpty() ? b.cvssVector() : a.cvssVector(),
                a.epss().isPresent() ? a.epss() : b.epss(), a.percentile().isPresent() ? a.percentile()
                        : b.percentile(), a.epssDate().or(b::epssDate), a.kevAdded().or(b::kevAdded),
                a.kevDue().or(b::kevDue), a.kevRansomware() || b.kevRansomware());
    }

    private static String lookupKey(String ecosystem, String release, String source) {
        return ecosystem + '\0' + release + '\0' + source;
    }

    @Override
    public List<Advisory> advisories(String ecosystem, String release, String sourceName) {
        return advisories.getOrDefault(lookupKey(ecosystem, release, sourceName), List.of());
    }

    boolean hasAdvisories() {
        return hasAdvisories;
    }

    Map<String, CveMetrics> metrics() {
        return metrics;
    }

    List<SupportNotice> notices() {
        return notices;
    }

    List<DistroRelease> releases() {
        return releases;
    }
}
