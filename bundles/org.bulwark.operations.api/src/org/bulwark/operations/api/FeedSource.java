package org.bulwark.operations.api;

import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where {@link VulnerabilityOperations#updateFeeds} fetches a feed: a name, its URL, and the file name the answer
 * is imported as (which names the feed's slot for the kinds kept per file, such as OSV).
 *
 * @param name     a short name: one of {@link #PUBLISHED}'s, or the caller's own
 * @param url      an absolute {@code https} URL, or {@code http} to a loopback address
 * @param fileName the name the download is imported as: letters, digits, {@code . _ -}, at most 100
 * @since 1.5
 */
public record FeedSource(String name, URI url, String fileName) {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");

    /**
     * The feeds as their publishers serve them: {@code tracker} (the Debian Security Tracker JSON), {@code epss}
     * (FIRST's EPSS scores of the day), {@code kev} (CISA's Known Exploited Vulnerabilities catalog),
     * {@code osv-debian} and {@code osv-ubuntu} (OSV's records of the Debian and Ubuntu ecosystems).
     */
    public static final List<FeedSource> PUBLISHED = List.of(
            new FeedSource("tracker", URI.create("https://security-tracker.debian.org/tracker/data/json"),
                    "debian-security-tracker.json"),
            new FeedSource("epss", URI.create("https://epss.empiricalsecurity.com/epss_scores-current.csv.gz"),
                    "epss_scores-current.csv.gz"),
            new FeedSource("kev", URI.create(
                    "https://www.cisa.gov/sites/default/files/feeds/known_exploited_vulnerabilities.json"),
                    "known_exploited_vulnerabilities.json"),
            new FeedSource("osv-debian",
                    URI.create("https://osv-vulnerabilities.storage.googleapis.com/Debian/all.zip"),
                    "osv-Debian-all.zip"),
            new FeedSource("osv-ubuntu",
                    URI.create("https://osv-vulnerabilities.storage.googleapis.com/Ubuntu/all.zip"),
                    "osv-Ubuntu-all.zip"));

    /** The names fetched when none is given: what a Debian device's exposure needs. */
    public static final List<String> DEFAULT_NAMES = List.of("tracker", "epss", "kev");

    public FeedSource {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(fileName, "fileName");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("a feed source's name is letters, digits and . _ -: " + name);
        }
        if (!NAME.matcher(fileName).matches()) {
            throw new IllegalArgumentException("a feed source's file name is letters, digits and . _ -: "
                    + fileName);
        }
        if (!url.isAbsolute() || url.getHost() == null) {
            throw new IllegalArgumentException("a feed source's URL is absolute, with a host: " + url);
        }
    }

    /** @return the published source named {@code name} */
    public static Optional<FeedSource> published(String name) {
        return PUBLISHED.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    /** @return this source fetched from {@code other} instead (a mirror, a proxy, a test server) */
    public FeedSource at(URI other) {
        return new FeedSource(name, other, fileName);
    }
}
