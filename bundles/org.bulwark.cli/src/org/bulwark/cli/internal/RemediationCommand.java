package org.bulwark.cli.internal;

import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.bulwark.report.api.ReportWriter;
import org.bulwark.store.api.AssessmentStore;
import org.bulwark.store.api.Remediation;
import org.bulwark.store.api.StoreException;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code bulwark remediation create|list|update|complete|cancel|export}: remediation activities kept in the store. */
@Command(name = "remediation", mixinStandardHelpOptions = true,
        description = { "Remediation activities: requests to fix a control on some devices. Their fixed-device count "
                + "updates as assessments are stored; one whose every targeted device passes is completed by "
                + "system confirmation." },
        subcommands = { RemediationCommand.Create.class, RemediationCommand.ListActivities.class,
                RemediationCommand.Update.class, RemediationCommand.Complete.class, RemediationCommand.Cancel.class,
                RemediationCommand.Export.class })
final class RemediationCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "a subcommand is required: create, list, update, complete, cancel or export");
    }

    @Command(name = "create", mixinStandardHelpOptions = true, sortOptions = false,
            description = "Create an activity for one control on some devices or a device group. Nothing is written "
                    + "if anything is wrong.")
    static final class Create implements Callable<Integer> {
        private final Services services;

        @Spec
        CommandSpec spec;

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
            Remediation.Request request;
            try {
                if (devices.isEmpty() == (group == null)) {
                    throw new IllegalArgumentException("give either --devices or --group");
                }
                LocalDate dueDate = due == null ? null : Figures.date(due, "--due");
                request = new Remediation.Request(title, control, group == null ? Remediation.Scope.DEVICES
                        : Remediation.Scope.GROUP, devices, group,
                        ExceptionCommand.parse(Remediation.Priority.class, priority, "--priority"), dueDate, notes,
                        requester == null ? ExceptionCommand.user() : requester);
            } catch (IllegalArgumentException x) {
                throw new ParameterException(spec.commandLine(), x.getMessage() + "; nothing was written");
            }
            Remediation r;
            r = store.use(services, db -> db.createRemediation(request, Instant.now()));
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                out.println(HistoryCommand.JsonOut.MAPPER.writeValueAsString(node(r)));
            } else {
                out.printf("remediation activity #%d created: %d of %d targeted devices fixed%n", r.id(),
                        r.fixedDevices(), r.targetDevices());
            }
            out.flush();
            return ExitCodes.OK;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the activities.")
    static final class ListActivities implements Callable<Integer> {
        private final Services services;

        @Spec
        CommandSpec spec;

        @Option(names = "--status", paramLabel = "STATUS", description = "Only active, completed or cancelled ones.")
        String status;

        @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text", description = "text or json.")
        String format;

        @Mixin
        StoreOptions store = new StoreOptions();

        ListActivities(Services services) {
            this.services = services;
        }

        @Override
        public Integer call() throws Exception {
            boolean json = OutputFormat.json(spec, format);
            Remediation.Status only;
            try {
                only = status == null ? null : ExceptionCommand.parse(Remediation.Status.class, status, "--status");
            } catch (IllegalArgumentException x) {
                throw new ParameterException(spec.commandLine(), x.getMessage());
            }
            List<Remediation> all = new ArrayList<>();
            try (AssessmentStore db = store.open(services)) {
                for (Remediation r : db.remediations()) {
                    if (only == null || r.status() == only) {
                        all.add(r);
                    }
                }
            } catch (StoreException x) {
                throw StoreOptions.failure(x);
            }
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                ArrayNode list = HistoryCommand.JsonOut.MAPPER.createArrayNode();
                all.forEach(r -> list.add(node(r)));
                out.println(HistoryCommand.JsonOut.MAPPER.writeValueAsString(list));
            } else {
                out.printf("%4s  %-9s  %-8s  %-18s  %-7s  %-36s  %s%n", "ID", "STATUS", "PRIORITY", "DUE", "FIXED",
                        "CONTROL", "TITLE");
                for (Remediation r : all) {
                    out.printf("%4d  %-9s  %-8s  %-18s  %-7s  %-36s  %s%n", r.id(), Figures.word(r.status()),
                            Figures.word(r.priority()), due(r), r.fixedDevices() + "/" + r.targetDevices(),
                            r.controlId(), r.title());
                }
                out.printf("%d activities%n", all.size());
            }
            out.flush();
            return ExitCodes.OK;
        }
    }

    @Command(name = "complete", mixinStandardHelpOptions = true, description = "Mark an activity completed (manually).")
    static final class Complete implements Callable<Integer> {
        private final Services services;

        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "ID", description = "The activity's id.")
        long id;

        @Mixin
        StoreOptions store = new StoreOptions();

        Complete(Services services) {
            this.services = services;
        }

        @Override
        public Integer call() {
            try (AssessmentStore db = store.open(services)) {
                db.completeRemediation(id, Instant.now());
            } catch (StoreException x) {
                throw StoreOptions.failure(x);
            }
            spec.commandLine().getOut().println("remediation activity #" + id + " completed");
            spec.commandLine().getOut().flush();
            return ExitCodes.OK;
        }
    }

    @Command(name = "update", mixinStandardHelpOptions = true, sortOptions = false,
            description = "Change an active activity's title, priority, due date or notes; what is not given stays. "
                    + "Nothing is written if anything is wrong.")
    static final class Update implements Callable<Integer> {
        private final Services services;

        @Spec
        CommandSpec spec;

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
            Remediation.Update update;
            try {
                update = new Remediation.Update(title, priority == null ? null
                        : ExceptionCommand.parse(Remediation.Priority.class, priority, "--priority"),
                        due == null ? null : Figures.date(due, "--due"), notes, noDue);
                if (due != null && noDue) {
                    throw new IllegalArgumentException("give either --due or --no-due");
                }
                if (update.isEmpty()) {
                    throw new IllegalArgumentException("nothing to update: give --title, --priority, --due, --no-due "
                            + "or --notes");
                }
            } catch (IllegalArgumentException x) {
                throw new ParameterException(spec.commandLine(), x.getMessage() + "; nothing was written");
            }
            Remediation r = store.use(services,
                    db -> db.updateRemediation(id, update, by == null ? ExceptionCommand.user() : by, Instant.now()));
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                out.println(HistoryCommand.JsonOut.MAPPER.writeValueAsString(node(r)));
            } else {
                out.printf("remediation activity #%d updated: %s, %s priority, due %s%n", r.id(), r.title(),
                        Figures.word(r.priority()), due(r));
            }
            out.flush();
            return ExitCodes.OK;
        }
    }

    @Command(name = "cancel", mixinStandardHelpOptions = true,
            description = "Cancel an active activity: it is no longer asked for, counted or completed; it stays "
                    + "listed as cancelled.")
    static final class Cancel implements Callable<Integer> {
        private final Services services;

        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "ID", description = "The activity's id.")
        long id;

        @Option(names = "--by", paramLabel = "NAME", description = "Who cancels it. Default: the current user.")
        String by;

        @Mixin
        StoreOptions store = new StoreOptions();

        Cancel(Services services) {
            this.services = services;
        }

        @Override
        public Integer call() throws Exception {
            store.use(services, db -> db.cancelRemediation(id, by == null ? ExceptionCommand.user() : by,
                    Instant.now()));
            spec.commandLine().getOut().println("remediation activity #" + id + " cancelled");
            spec.commandLine().getOut().flush();
            return ExitCodes.OK;
        }
    }

    @Command(name = "export", mixinStandardHelpOptions = true,
            description = "Export every activity as CSV (RFC 4180, formula-injection safe); columns in the README.")
    static final class Export implements Callable<Integer> {
        private final Services services;

        @Spec
        CommandSpec spec;

        @Option(names = "--csv", required = true, paramLabel = "FILE", description = "The CSV file (replaced atomically).")
        Path csv;

        @Mixin
        StoreOptions store = new StoreOptions();

        Export(Services services) {
            this.services = services;
        }

        @Override
        public Integer call() throws Exception {
            List<Remediation> all;
            all = store.use(services, db -> db.remediations());
            List<List<String>> rows = new ArrayList<>();
            for (Remediation r : all) {
                rows.add(r.csvRow());
            }
            ByteArrayOutputStream buffer = new ByteArrayOutputStream();
            services.get(ReportWriter.class).writeCsv(Remediation.CSV_COLUMNS, rows, buffer);
            AtomicFiles.write(csv, buffer.toByteArray());
            spec.commandLine().getErr().println("bulwark: " + all.size() + " activities written to " + csv);
            return ExitCodes.OK;
        }
    }

    static String due(Remediation r) {
        return r.due() == null ? "attention required" : r.due().toString();
    }

    static ObjectNode node(Remediation r) {
        ObjectNode n = HistoryCommand.JsonOut.MAPPER.createObjectNode();
        n.put("id", r.id());
        n.put("title", r.title());
        n.put("control", r.controlId());
        n.put("category", Figures.key(r.category()));
        n.put("scope", Figures.word(r.scope()));
        ArrayNode devices = n.putArray("devices");
        r.devices().forEach(devices::add);
        n.put("group", r.group());
        n.put("priority", Figures.word(r.priority()));
        n.put("due", r.due() == null ? null : r.due().toString());
        n.put("attentionRequired", r.due() == null);
        n.put("notes", r.notes());
        n.put("requester", r.requester());
        n.put("created", r.created().toString());
        n.put("status", r.status().name().toLowerCase(Locale.ROOT));
        n.put("completion", Figures.word(r.completion()));
        n.put("completed", r.completed() == null ? null : r.completed().toString());
        n.put("targetDevices", r.targetDevices());
        n.put("fixedDevices", r.fixedDevices());
        n.put("cancelled", r.cancelled() == null ? null : r.cancelled().toString());
        n.put("cancelledBy", r.cancelledBy());
        n.put("updated", r.updated() == null ? null : r.updated().toString());
        n.put("updatedBy", r.updatedBy());
        return n;
    }
}
