package org.bulwark.cli.internal;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.bulwark.operations.api.ExceptionDraft;
import org.bulwark.operations.api.ExceptionEntry;
import org.bulwark.operations.api.ExceptionOperations;
import org.bulwark.scoring.api.ControlException;
import org.bulwark.scoring.api.Justification;
import org.bulwark.store.api.StoredException;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code bulwark exception create|list|update|cancel}: exceptions kept in the store, applied by assess and score.
 * The checks and the changes are {@link ExceptionOperations}'; these commands translate options and output.
 */
@Command(name = "exception", mixinStandardHelpOptions = true,
        description = { "Create, list, update and cancel exceptions kept in the store. `bulwark assess` and `bulwark score` "
                + "apply them; an expired or cancelled one stops counting by itself." },
        subcommands = { ExceptionCommand.Create.class, ExceptionCommand.ListExceptions.class,
                ExceptionCommand.Update.class, ExceptionCommand.Cancel.class })
final class ExceptionCommand extends ParentCommand {

    @Command(name = "create", mixinStandardHelpOptions = true, sortOptions = false,
            description = "Create an exception for one control. Nothing is written if anything is wrong.")
    static final class Create extends StoreCommand {

        @Option(names = "--control", required = true, paramLabel = "ID", description = "The control (see "
                + "`bulwark controls`), or a weakness: cve:ID (one vulnerability) or software:SOURCE (every weakness of a source package).")
        String control;

        @Option(names = "--scope", required = true, paramLabel = "SCOPE", description = "device, group or global.")
        String scope;

        @Option(names = "--target", paramLabel = "TARGET",
                description = "The machine id (scope device) or group name (scope group); none for global.")
        String target;

        @Option(names = "--justification", required = true, paramLabel = "WHY", description = "third-party-control "
                + "or alternate-mitigation (the control counts as passed), risk-accepted or planned-remediation "
                + "(shown, no credit).")
        String justification;

        @Option(names = "--expires", paramLabel = "DATE", description = "When it stops counting: a date (UTC "
                + "midnight) or an instant; in the future. Default: never.")
        String expires;

        @Option(names = "--author", paramLabel = "NAME", description = "Who grants it. Default: the current user.")
        String author;

        @Option(names = "--notes", paramLabel = "TEXT", description = "Free text.")
        String notes;

        @Option(names = "--id", paramLabel = "ID", description = "Its id: 1 to 64 letters, digits, '.', '_' or '-'. "
                + "Default: generated (ex- and 8 hexadecimal digits).")
        String id;

        @Mixin
        FormatOption format = new FormatOption();

        Create(Services services) {
            super(services);
        }

        @Override
        public Integer call() {
            boolean json = format.json(spec);
            Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
            ExceptionDraft draft = parse(() -> new ExceptionDraft(id, control,
                    Figures.constant(ControlException.Scope.class, scope, "--scope"), target,
                    Figures.constant(Justification.class, justification, "--justification"),
                    expires == null ? null : Figures.instant(expires, "--expires"), notes));
            StoredException stored = use(db -> services.get(ExceptionOperations.class).create(db, draft,
                    author == null ? user() : author, now));
            return show(json, json().exception(stored, now), "exception " + stored.exception().id() + " created");
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "List the exceptions in the store with their status now (active, pending, expired, cancelled).")
    static final class ListExceptions extends StoreCommand {

        @Mixin
        FormatOption format = new FormatOption();

        ListExceptions(Services services) {
            super(services);
        }

        @Override
        public Integer call() {
            boolean json = format.json(spec);
            Instant now = Instant.now();
            List<ExceptionEntry> all = use(db -> services.get(ExceptionOperations.class).list(db, now));
            return table(json, all, s -> json().exception(s.stored(), now),
                    "%-16s %-10s %-36s %-8s %-20s %-20s %-21s %s%n", new Object[] { "ID", "STATUS", "CONTROL",
                            "SCOPE", "TARGET", "JUSTIFICATION", "EXPIRES", "AUTHOR" }, s -> {
                        ControlException e = s.stored().exception();
                        return new Object[] { e.id(), Figures.word(s.status()), e.controlId(),
                                Figures.word(e.scope()), e.target() == null ? "-" : e.target(),
                                Figures.word(e.justification()), e.expires() == null ? "never" : e.expires(),
                                e.author() };
                    }, "exceptions");
        }
    }

    @Command(name = "update", mixinStandardHelpOptions = true, sortOptions = false,
            description = "Change an exception's expiry, notes or justification; what is not given stays. A cancelled "
                    + "exception cannot be updated. Nothing is written if anything is wrong.")
    static final class Update extends StoreCommand {

        @Parameters(paramLabel = "ID", description = "The exception's id.")
        String id;

        @Option(names = "--expires", paramLabel = "DATE", description = "When it stops counting: a date (UTC "
                + "midnight) or an instant, after its creation (a past one ends it then).")
        String expires;

        @Option(names = "--no-expiry", description = "It never expires.")
        boolean noExpiry;

        @Option(names = "--notes", paramLabel = "TEXT", description = "Free text; an empty text removes the notes.")
        String notes;

        @Option(names = "--justification", paramLabel = "WHY", description = "third-party-control, "
                + "alternate-mitigation, risk-accepted or planned-remediation.")
        String justification;

        @Mixin
        ByOption by = new ByOption();

        @Mixin
        FormatOption format = new FormatOption();

        Update(Services services) {
            super(services);
        }

        @Override
        public Integer call() {
            boolean json = format.json(spec);
            StoredException.Update update = parse(this::update);
            Instant now = Instant.now();
            StoredException updated = use(db -> services.get(ExceptionOperations.class).update(db, id, update,
                    by.who(), now));
            return show(json, json().exception(updated, now), "exception " + id + " updated: "
                    + Figures.word(updated.exception().justification()) + ", "
                    + (updated.exception().expires() == null ? "never expires"
                            : "expires " + updated.exception().expires()));
        }

        private StoredException.Update update() {
            if (expires != null && noExpiry) {
                throw new IllegalArgumentException("give either --expires or --no-expiry");
            }
            StoredException.Update update = new StoredException.Update(
                    expires == null ? null : Figures.instant(expires, "--expires"), noExpiry, notes,
                    justification == null ? null
                            : Figures.constant(Justification.class, justification, "--justification"));
            if (update.isEmpty()) {
                throw new IllegalArgumentException(
                        "nothing to update: give --expires, --no-expiry, --notes or --justification");
            }
            return update;
        }
    }

    @Command(name = "cancel", mixinStandardHelpOptions = true,
            description = "Cancel an exception: it stops counting now; it stays listed as cancelled.")
    static final class Cancel extends StoreCommand {

        @Parameters(paramLabel = "ID", description = "The exception's id.")
        String id;

        @Mixin
        ByOption by = new ByOption();

        Cancel(Services services) {
            super(services);
        }

        @Override
        public Integer call() {
            use(db -> services.get(ExceptionOperations.class).cancel(db, id, by.who(), Instant.now()));
            print("exception " + id + " cancelled");
            return ExitCodes.OK;
        }
    }
}
