package org.bulwark.cli.internal;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bulwark.operations.api.FeedAge;
import org.bulwark.operations.api.FeedImport;
import org.bulwark.operations.api.FeedSource;
import org.bulwark.operations.api.OperationException;
import org.bulwark.operations.api.VulnerabilityOperations;
import org.bulwark.store.api.StoredFeed;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code bulwark feeds import|list}: the vulnerability feeds of the store. */
@Command(name = "feeds", mixinStandardHelpOptions = true,
        description = "The vulnerability feeds the store keeps: the Debian Security Tracker JSON, OSV records, "
                + "EPSS scores, CISA's KEV catalog, debian-security-support lists and distro-info-data CSVs.",
        subcommands = { FeedsCommand.Import.class, FeedsCommand.Update.class, FeedsCommand.ListFeeds.class })
final class FeedsCommand extends ParentCommand {

    @Command(name = "import", mixinStandardHelpOptions = true, description = { "Import feed files (an OSV "
            + "directory too), each detected by its content. Every file is read whole first: one malformed file "
            + "imports none, and the feeds already stored stay in force. A file the store already holds changes "
            + "nothing.", "Exit code 3: a file is not a feed or is malformed (the message names the file, the "
                    + "record and the field)." })
    static final class Import extends StoreCommand {

        @Parameters(arity = "1..*", paramLabel = "FILE", description = "Feed files or OSV directories.")
        List<Path> files = new ArrayList<>();

        Import(Services services) {
            super(services);
        }

        @Override
        public Integer call() {
            VulnerabilityOperations ops = services.get(VulnerabilityOperations.class);
            List<FeedImport> imported = use(db -> {
                try {
                    return ops.importFeeds(db, files, Instant.now());
                } catch (OperationException e) {
                    throw new CliException(ExitCodes.CONTENT, e.getMessage() + "; no feed was imported");
                }
            });
            imported.forEach(i -> print(line(i, "unchanged (the store holds this content already)")));
            return ExitCodes.OK;
        }
    }

    @Command(name = "update", mixinStandardHelpOptions = true, description = { "Fetch feeds from their "
            + "publishers and import them as 'feeds import' does: tracker (the Debian Security Tracker JSON), epss "
            + "(FIRST's EPSS scores), kev (CISA's KEV catalog), osv-debian, osv-ubuntu (OSV's records). A feed "
            + "fetched before is asked for only if it was modified since. Every feed is fetched before any is "
            + "stored: one that fails imports none, and the feeds already stored stay in force. Only https is "
            + "fetched (http only from this machine's loopback address), redirects included.",
            "Exit code 5: a feed could not be fetched (offline, an HTTP error, too large, too slow); 3: what was "
                    + "fetched is not a feed or is malformed." })
    static final class Update extends StoreCommand {

        @Option(names = "--feed", paramLabel = "NAME", split = ",", description = "The feeds to fetch (default: "
                + "tracker, epss, kev).")
        List<String> names = new ArrayList<>();

        @Option(names = "--url", paramLabel = "NAME=URL", description = "Fetch feed NAME from URL instead "
                + "(a mirror); NAME is fetched even when --feed does not name it.")
        Map<String, String> urls = new LinkedHashMap<>();

        @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "600", description = "How long one "
                + "feed may take, from connecting to its last byte (default: ${DEFAULT-VALUE}).")
        long timeout;

        Update(Services services) {
            super(services);
        }

        @Override
        public Integer call() {
            List<FeedSource> sources = sources();
            if (timeout < 1) {
                throw new CliException(ExitCodes.USAGE, "--timeout: at least 1 second");
            }
            VulnerabilityOperations ops = services.get(VulnerabilityOperations.class);
            List<FeedImport> updated = use(db -> {
                try {
                    return ops.updateFeeds(db, sources, Duration.ofSeconds(timeout), Instant.now());
                } catch (OperationException e) {
                    throw new CliException(ExitCodes.CONTENT, e.getMessage() + "; no feed was imported");
                } catch (IOException e) {
                    throw new CliException(ExitCodes.IO, e.getMessage() + "; no feed was imported");
                }
            });
            updated.forEach(i -> print(line(i, "unchanged since " + i.feed().imported()
                    .truncatedTo(java.time.temporal.ChronoUnit.SECONDS))));
            return ExitCodes.OK;
        }

        private List<FeedSource> sources() {
            List<String> wanted = new ArrayList<>(names.isEmpty() && urls.isEmpty() ? FeedSource.DEFAULT_NAMES
                    : names);
            urls.keySet().stream().filter(n -> !wanted.contains(n)).forEach(wanted::add);
            List<FeedSource> out = new ArrayList<>();
            for (String n : wanted) {
                FeedSource s = FeedSource.published(n).orElseThrow(() -> new CliException(ExitCodes.USAGE,
                        "--feed: no feed '" + n + "' (the feeds: " + FeedSource.PUBLISHED.stream()
                                .map(FeedSource::name).toList() + ")"));
                String url = urls.get(n);
                if (url != null) {
                    try {
                        s = s.at(new URI(url));
                    } catch (URISyntaxException | IllegalArgumentException e) {
                        throw new CliException(ExitCodes.USAGE, "--url " + n + ": not an absolute URL: " + url);
                    }
                }
                out.add(s);
            }
            return out;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "List the stored feeds with their age; one older than 7 days is stale, and so is every "
                    + "exposure computed from it.")
    static final class ListFeeds extends StoreCommand {

        @Mixin
        FormatOption format = new FormatOption();

        ListFeeds(Services services) {
            super(services);
        }

        @Override
        public Integer call() {
            boolean json = format.json(spec);
            VulnerabilityOperations ops = services.get(VulnerabilityOperations.class);
            List<FeedAge> feeds = use(db -> ops.feeds(db, Instant.now()));
            return table(json, feeds, json()::feed, "%-44s %9s  %-12s %-20s %s%n",
                    new Object[] { "FEED", "RECORDS", "SOURCE DATE", "IMPORTED", "AGE" },
                    a -> new Object[] { a.feed().kind(), a.feed().records(), a.feed().sourceDate(),
                            a.feed().imported().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString(),
                            age(a) }, "feeds");
        }
    }

    /** @return one imported feed as a line: the file or URL, the kind, the records, imported or {@code unchanged} */
    static String line(FeedImport i, String unchanged) {
        StoredFeed f = i.feed();
        return i.file() + ": " + f.kind() + ", " + f.records() + " records"
                + (f.sourceDate().isEmpty() ? "" : " of " + f.sourceDate()) + ", " + (i.changed() ? "imported"
                        : unchanged);
    }

    static String age(FeedAge a) {
        long days = a.age().toDays();
        String age = days > 0 ? days + " d" : a.age().toHours() + " h";
        return a.stale() ? age + " (stale)" : age;
    }
}
