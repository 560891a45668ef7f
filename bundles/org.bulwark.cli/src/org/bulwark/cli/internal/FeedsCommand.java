package org.bulwark.cli.internal;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.bulwark.operations.api.FeedAge;
import org.bulwark.operations.api.FeedImport;
import org.bulwark.operations.api.OperationException;
import org.bulwark.operations.api.VulnerabilityOperations;
import org.bulwark.store.api.StoredFeed;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code bulwark feeds import|list}: the vulnerability feeds of the store. */
@Command(name = "feeds", mixinStandardHelpOptions = true,
        description = "The vulnerability feeds the store keeps: the Debian Security Tracker JSON, OSV records, "
                + "EPSS scores, CISA's KEV catalog, debian-security-support lists and distro-info-data CSVs.",
        subcommands = { FeedsCommand.Import.class, FeedsCommand.ListFeeds.class })
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
            for (FeedImport i : imported) {
                StoredFeed f = i.feed();
                print(i.file() + ": " + f.kind() + ", " + f.records() + " records"
                        + (f.sourceDate().isEmpty() ? "" : " of " + f.sourceDate())
                        + (i.changed() ? ", imported" : ", unchanged (the store holds this content already)"));
            }
            return ExitCodes.OK;
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

    static String age(FeedAge a) {
        long days = a.age().toDays();
        String age = days > 0 ? days + " d" : a.age().toHours() + " h";
        return a.stale() ? age + " (stale)" : age;
    }
}
