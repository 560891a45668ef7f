package org.bulwark.cli.internal;

import java.io.PrintWriter;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.bulwark.scoring.api.ControlException;
import org.bulwark.scoring.api.Justification;
import org.bulwark.store.api.AssessmentStore;
import org.bulwark.store.api.StoreException;
import org.bulwark.store.api.StoredException;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code bulwark exception create|list|update|cancel}: exceptions kept in the store, applied by assess and score. */
@Command(name = "exception", mixinStandardHelpOptions = true,
        description = { "Create, list, update and cancel exceptions kept in the store. `bulwark assess` and `bulwark score` "
                + "apply them; an expired or cancelled one stops counting by itself." },
        subcommands = { ExceptionCommand.Create.class, ExceptionCommand.ListExceptions.class,
                ExceptionCommand.Update.class, ExceptionCommand.Cancel.class })
final class ExceptionCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "a subcommand is required: create, list, update or cancel");
    }

    static String user() {
        return System.getProperty("user.name", "unknown");
    }

    @Command(name = "create", mixinStandardHelpOptions = true, sortOptions = false,
            description = "Create an exception for one control. Nothing is written if anything is wrong.")
    static final class Create implements Callable<Integer> {
        private final Services services;

        @Spec
        CommandSpec spec;

        @Option(names = "--control", required = true, paramLabel = "ID", description = "The control (see `bulwark controls`).")
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

        @Option(names = "--id", paramLabel = "ID", description = "Its id. Default: generated (ex-…).")
        String id;

        @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text", description = "text or json.")
        String format;

        @Mixin
        StoreOptions store = new StoreOptions();

        Create(Services services) {
            this.services = services;
        }

        @Override
        public Integer call() throws Exception {
            boolean json = OutputFormat.json(spec, format);
            Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
            ControlException e;
            try {
                ControlException.Scope s = parse(ControlException.Scope.class, scope, "--scope");
                Justification j = parse(Justification.class, justification, "--justification");
                if (s == ControlException.Scope.GLOBAL && target != null) {
                    throw new IllegalArgumentException("--target: a global exception has no target");
                }
                if (s != ControlException.Scope.GLOBAL && (target == null || target.isBlank())) {
                    throw new IllegalArgumentException("--target is required for scope " + Figures.word(s)
                            + (s == ControlException.Scope.DEVICE ? " (the machine id)" : " (the group name)"));
                }
                Instant until = expires == null ? null : Figures.instant(expires, "--expires");
                if (until != null && !until.isAfter(now)) {
                    throw new IllegalArgumentException("--expires " + expires + " is not in the future");
                }
                String a = author == null ? user() : author;
                if (control.isBlank() || a.isBlank() || (id != null && id.isBlank())) {
                    throw new IllegalArgumentException("--control, --author and --id must not be empty");
                }
                byte[] random = new byte[4];
                new SecureRandom().nextBytes(random);
                e = new ControlException(id != null ? id : "ex-" + HexFormat.of().formatHex(random), control, s, target, j, a, now, until, notes);
            } catch (IllegalArgumentException x) {
                throw new ParameterException(spec.commandLine(), x.getMessage() + "; nothing was written");
            }
            StoredException stored;
            stored = store.use(services, db -> db.createException(e));
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                out.println(HistoryCommand.JsonOut.MAPPER.writeValueAsString(node(stored, now)));
            } else {
                out.println("exception " + stored.exception().id() + " created");
            }
            out.flush();
            return ExitCodes.OK;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "List the exceptions in the store with their status now (active, pending, expired, cancelled).")
    static final class ListExceptions implements Callable<Integer> {
        private final Services services;

        @Spec
        CommandSpec spec;

        @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text", description = "text or json.")
        String format;

        @Mixin
        StoreOptions store = new StoreOptions();

        ListExceptions(Services services) {
            this.services = services;
        }

        @Override
        public Integer call() throws Exception {
            boolean json = OutputFormat.json(spec, format);
            List<StoredException> all;
            all = store.use(services, db -> db.exceptions());
            Instant now = Instant.now();
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                ArrayNode list = HistoryCommand.JsonOut.MAPPER.createArrayNode();
                all.forEach(e -> list.add(node(e, now)));
                out.println(HistoryCommand.JsonOut.MAPPER.writeValueAsString(list));
            } else {
                out.printf("%-16s %-10s %-36s %-8s %-20s %-20s %-21s %s%n", "ID", "STATUS", "CONTROL", "SCOPE",
                        "TARGET", "JUSTIFICATION", "EXPIRES", "AUTHOR");
                for (StoredException s : all) {
                    ControlException e = s.exception();
                    out.printf("%-16s %-10s %-36s %-8s %-20s %-20s %-21s %s%n", e.id(), Figures.word(s.status(now)),
                            e.controlId(), Figures.word(e.scope()), e.target() == null ? "-" : e.target(),
                            Figures.word(e.justification()), e.expires() == null ? "never" : e.expires(), e.author());
                }
                out.printf("%d exceptions%n", all.size());
            }
            out.flush();
            return ExitCodes.OK;
        }
    }

    @Command(name = "update", mixinStandardHelpOptions = true, sortOptions = false,
            description = "Change an exception's expiry, notes or justification; what is not given stays. A cancelled "
                    + "exception cannot be updated. Nothing is written if anything is wrong.")
    static final class Update implements Callable<Integer> {
        private final Services services;

        @Spec
        CommandSpec spec;

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

        @Option(names = "--by", paramLabel = "NAME", description = "Who updates it. Default: the current user.")
        String by;

        @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text", description = "text or json.")
        String format;

        @Mixin
        StoreOptions store = new StoreOptions();

        Update(Services services) {
            this.services = services;
        }

        @Override
        public Integer call() throws Exception {
            boolean json = OutputFormat.json(spec, format);
            StoredException.Update update;
            try {
                if (expires != null && noExpiry) {
                    throw new IllegalArgumentException("give either --expires or --no-expiry");
                }
                update = new StoredException.Update(expires == null ? null : Figures.instant(expires, "--expires"),
                        noExpiry, notes, justification == null ? null
                                : parse(Justification.class, justification, "--justification"));
                if (update.isEmpty()) {
                    throw new IllegalArgumentException(
                            "nothing to update: give --expires, --no-expiry, --notes or --justification");
                }
            } catch (IllegalArgumentException x) {
                throw new ParameterException(spec.commandLine(), x.getMessage() + "; nothing was written");
            }
            Instant now = Instant.now();
            StoredException updated = store.use(services,
                    db -> db.updateException(id, update, by == null ? user() : by, now));
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                out.println(HistoryCommand.JsonOut.MAPPER.writeValueAsString(node(updated, now)));
            } else {
                out.println("exception " + id + " updated: " + Figures.word(updated.exception().justification())
                        + ", " + (updated.exception().expires() == null ? "never expires"
                                : "expires " + updated.exception().expires()));
            }
            out.flush();
            return ExitCodes.OK;
        }
    }

    @Command(name = "cancel", mixinStandardHelpOptions = true,
            description = "Cancel an exception: it stops counting now; it stays listed as cancelled.")
    static final class Cancel implements Callable<Integer> {
        private final Services services;

        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "ID", description = "The exception's id.")
        String id;

        @Option(names = "--by", paramLabel = "NAME", description = "Who cancels it. Default: the current user.")
        String by;

        @Mixin
        StoreOptions store = new StoreOptions();

        Cancel(Services services) {
            this.services = services;
        }

        @Override
        public Integer call() {
            try (AssessmentStore db = store.open(services)) {
                db.cancelException(id, by == null ? user() : by, Instant.now());
            } catch (StoreException x) {
                throw StoreOptions.failure(x);
            }
            spec.commandLine().getOut().println("exception " + id + " cancelled");
            spec.commandLine().getOut().flush();
            return ExitCodes.OK;
        }
    }

    static ObjectNode node(StoredException s, Instant now) {
        ControlException e = s.exception();
        ObjectNode n = HistoryCommand.JsonOut.MAPPER.createObjectNode();
        n.put("id", e.id());
        n.put("control", e.controlId());
        n.put("scope", Figures.word(e.scope()));
        n.put("target", e.target());
        n.put("justification", Figures.word(e.justification()));
        n.put("author", e.author());
        n.put("created", e.created().toString());
        n.put("expires", e.expires() == null ? null : e.expires().toString());
        n.put("notes", e.notes());
        n.put("status", Figures.word(s.status(now)));
        n.put("cancelled", s.cancelled() == null ? null : s.cancelled().toString());
        n.put("cancelledBy", s.cancelledBy());
        n.put("updated", s.updated() == null ? null : s.updated().toString());
        n.put("updatedBy", s.updatedBy());
        return n;
    }

    /** Parses {@code text} as a constant of {@code type} written in lower case with dashes. */
    static <E extends Enum<E>> E parse(Class<E> type, String text, String option) {
        try {
            return Enum.valueOf(type, text.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            List<String> names = new ArrayList<>();
            for (E c : type.getEnumConstants()) {
                names.add(Figures.word(c));
            }
            throw new IllegalArgumentException(option + ": unknown value '" + text + "' (expected one of "
                    + String.join(", ", names) + ")");
        }
    }
}
