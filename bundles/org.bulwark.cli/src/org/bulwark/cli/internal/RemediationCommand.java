package org.bulwark.cli.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.bulwark.operations.api.ActivityDraft;
import org.bulwark.operations.api.EntityCsv;
import org.bulwark.operations.api.FileOutput;
import org.bulwark.operations.api.RemediationOperations;
import org.bulwark.store.api.Remediation;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

/**
 * {@code bulwark remediation create|list|update|complete|cancel|export}: remediation activities kept in the store.
 * The checks and the changes are {@link RemediationOperations}'; these commands translate options and output.
 */
@Command(name = "remediation", mixinStandardHelpOptions = true,
        description = { "Remediation activities: requests to fix a control on some devices. Their fixed-device count "
                + "updates as assessments are stored; one whose every targeted device passes is completed by "
                + "system confirmation." },
        subcommands = { RemediationCommand.Create.class, RemediationCommand.ListActivities.class,
                RemediationCommand.Update.class, RemediationCommand.Complete.class, RemediationCommand.Cancel.class,
                RemediationCommand.Export.class })
final class RemediationCommand extends ParentCommand {

    @Command(name = "create", mixinStandardHelpOptions = true, sortOptions = false,
            description = "Create an activity for one control on some devices or a device group. Nothing is written "
                    + "if anything is wrong.")
    static final class Create extends StoreCommand {

        @Option(names = "--title", required = true, paramLabel = "TEXT", description = "What to do.")
        String title;

        @Option(names = "--control", required = true, paramLabel = "ID", description = "The related control.")
        String control;

        @Option(names = "--devices", split = ",", paramLabel = "ID", description = "The targeted devices (machine ids).")
        List<String> devices = new ArrayList<>();

        @Option(names = "--group", paramLabel = "NAME", description = "The targeted device group (instead of --devices).")
        String group;

        @Option(names = "--priority", required = true, paramLabel = "PRIORITY", description = "high, medium or low.")
        String priority;

        @Option(names = "--due", paramLabel = "DATE",
                description = "The due date, today or later (UTC). Default: none, \"attention required\".")
        String due;

        @Option(names = "--notes", paramLabel = "TEXT", description = "Free text.")
        String notes;

        @Option(names = "--requester", paramLabel = "NAME", description = "Who asks. Default: the current user.")
        String requester;

        @Mixin
        FormatOption format = new FormatOption();

        Create(Services services) {
            super(services);
        }

        @Override
        public Integer call() {
            boolean json = format.json(spec);
            ActivityDraft draft = parse(this::draft);
            Remediation r = use(db -> services.get(RemediationOperations.class).create(db, draft,
                    requester == null ? user() : requester, Instant.now()));
            return show(json, json().remediation(r), String.format(
                    "remediation activity #%d created: %d of %d targeted devices fixed", r.id(), r.fixedDevices(),
                    r.targetDevices()));
        }

        private ActivityDraft draft() {
            if (devices.isEmpty() == (group == null)) {
                throw new IllegalArgumentException("give either --devices or --group");
            }
            LocalDate dueDate = due == null ? null : Figures.date(due, "--due");
            return new ActivityDraft(title, control, group == null ? Remediation.Scope.DEVICES
                    : Remediation.Scope.GROUP, devices, group,
                    Figures.constant(Remediation.Priority.class, priority, "--priority"), dueDate, notes);
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the activities.")
    static final class ListActivities extends StoreCommand {

        @Option(names = "--status", paramLabel = "STATUS", description = "Only active, completed or cancelled ones.")
        String status;

        @Mixin
        FormatOption format = new FormatOption();

        ListActivities(Services services) {
            super(services);
        }

        @Override
        public Integer call() {
            boolean json = format.json(spec);
            Remediation.Status only;
            try {
                only = status == null ? null : Figures.constant(Remediation.Status.class, status, "--status");
            } catch (IllegalArgumentException x) {
                throw new ParameterException(spec.commandLine(), x.getMessage());
            }
            List<Remediation> all = use(db -> services.get(RemediationOperations.class).list(db, only));
            return table(json, all, json()::remediation, "%4s  %-9s  %-8s  %-18s  %-7s  %-36s  %s%n",
                    new Object[] { "ID", "STATUS", "PRIORITY", "DUE", "FIXED", "CONTROL", "TITLE" },
                    r -> new Object[] { r.id(), Figures.word(r.status()), Figures.word(r.priority()), due(r),
                            r.fixedDevices() + "/" + r.targetDevices(), r.controlId(), r.title() }, "activities");
        }
    }

    @Command(name = "complete", mixinStandardHelpOptions = true, description = "Mark an activity completed (manually).")
    static final class Complete extends StoreCommand {

        @Parameters(paramLabel = "ID", description = "The activity's id.")
        long id;

        Complete(Services services) {
            super(services);
        }

        @Override
        public Integer call() {
            use(db -> services.get(RemediationOperations.class).complete(db, id, Instant.now()));
            print("remediation activity #" + id + " completed");
            return ExitCodes.OK;
        }
    }

    @Command(name = "update", mixinStandardHelpOptions = true, sortOptions = false,
            description = "Change an active activity's title, priority, due date or notes; what is not given stays. "
                    + "Nothing is written if anything is wrong.")
    static final class Update extends StoreCommand {

        @Parameters(paramLabel = "ID", description = "The activity's id.")
        long id;

        @Option(names = "--title", paramLabel = "TEXT", description = "What to do.")
        String title;

        @Option(names = "--priority", paramLabel = "PRIORITY", description = "high, medium or low.")
        String priority;

        @Option(names = "--due", paramLabel = "DATE", description = "The due date, today or later (UTC).")
        String due;

        @Option(names = "--no-due", description = "Remove the due date (\"attention required\").")
        boolean noDue;

        @Option(names = "--notes", paramLabel = "TEXT", description = "Free text; an empty text removes the notes.")
        String notes;

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
            Remediation.Update update = parse(this::update);
            Remediation r = use(db -> services.get(RemediationOperations.class).update(db, id, update, by.who(),
                    Instant.now()));
            return show(json, json().remediation(r), String.format(
                    "remediation activity #%d updated: %s, %s priority, due %s", r.id(), r.title(),
                    Figures.word(r.priority()), due(r)));
        }

        private Remediation.Update update() {
            Remediation.Update update = new Remediation.Update(title, priority == null ? null
                    : Figures.constant(Remediation.Priority.class, priority, "--priority"),
                    due == null ? null : Figures.date(due, "--due"), notes, noDue);
            if (due != null && noDue) {
                throw new IllegalArgumentException("give either --due or --no-due");
            }
            if (update.isEmpty()) {
                throw new IllegalArgumentException("nothing to update: give --title, --priority, --due, --no-due "
                        + "or --notes");
            }
            return update;
        }
    }

    @Command(name = "cancel", mixinStandardHelpOptions = true,
            description = "Cancel an active activity: it is no longer asked for, counted or completed; it stays "
                    + "listed as cancelled.")
    static final class Cancel extends StoreCommand {

        @Parameters(paramLabel = "ID", description = "The activity's id.")
        long id;

        @Mixin
        ByOption by = new ByOption();

        Cancel(Services services) {
            super(services);
        }

        @Override
        public Integer call() {
            use(db -> services.get(RemediationOperations.class).cancel(db, id, by.who(), Instant.now()));
            print("remediation activity #" + id + " cancelled");
            return ExitCodes.OK;
        }
    }

    @Command(name = "export", mixinStandardHelpOptions = true,
            description = "Export every activity as CSV (RFC 4180, formula-injection safe); columns in the README.")
    static final class Export extends StoreCommand {

        @Option(names = "--csv", required = true, paramLabel = "FILE", description = "The CSV file (replaced atomically).")
        Path csv;

        Export(Services services) {
            super(services);
        }

        @Override
        public Integer call() {
            List<Remediation> all = use(db -> services.get(RemediationOperations.class).list(db, null));
            try {
                services.get(FileOutput.class).replace(csv, services.get(EntityCsv.class).activities(all));
            } catch (IOException e) {
                throw new CliException(ExitCodes.IO, e.getMessage());
            }
            spec.commandLine().getErr().println("bulwark: " + all.size() + " activities written to " + csv);
            return ExitCodes.OK;
        }
    }

    static String due(Remediation r) {
        return r.due() == null ? "attention required" : r.due().toString();
    }
}
