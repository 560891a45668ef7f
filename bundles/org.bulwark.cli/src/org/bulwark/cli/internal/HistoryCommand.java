package org.bulwark.cli.internal;

import java.io.PrintWriter;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;

import org.bulwark.collector.api.Category;
import org.bulwark.scoring.api.Points;
import org.bulwark.store.api.AssessmentSummary;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code bulwark history}: the stored assessments with their score and category scores. */
@Command(name = "history", mixinStandardHelpOptions = true, sortOptions = false,
        description = "List stored assessments, oldest first, with the score and the five category scores.")
final class HistoryCommand implements Callable<Integer> {

    private final Services services;

    @Spec
    CommandSpec spec;

    @Option(names = "--device", paramLabel = "DEVICE", description = "Only this device (machine id or host name).")
    String device;

    @Option(names = "--since", paramLabel = "DATE",
            description = "Only assessments finished at or after DATE (2026-11-20, UTC midnight) or an instant.")
    String since;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "text or json. Default: ${DEFAULT-VALUE}.")
    String format;

    @Mixin
    StoreOptions store = new StoreOptions();

    HistoryCommand(Services services) {
        this.services = services;
    }

    @Override
    public Integer call() throws Exception {
        boolean json = OutputFormat.json(spec, format);
        Instant from;
        try {
            from = since == null ? null : Figures.instant(since, "--since");
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        List<AssessmentSummary> history;
        history = store.use(services, db -> db.history(device, from));
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            ArrayNode list = JsonOut.MAPPER.createArrayNode();
            history.forEach(s -> list.add(JsonOut.summary(s)));
            out.println(JsonOut.MAPPER.writeValueAsString(list));
        } else {
            out.printf("%5s  %-20s  %-20s  %8s  %-13s  %6s %6s %6s %6s %6s%n", "ID", "FINISHED", "DEVICE", "SCORE",
                    "POINTS", "OS", "NET", "ACC", "SEC", "APP");
            for (AssessmentSummary s : history) {
                out.printf("%5d  %-20s  %-20s  %8s  %-13s  %6s %6s %6s %6s %6s%s%n", s.id(),
                        s.finished().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString(),
                        s.device().hostname(), Figures.score(s.points()), Figures.points(s.points()),
                        category(s, Category.OPERATING_SYSTEM), category(s, Category.NETWORK),
                        category(s, Category.ACCOUNTS), category(s, Category.SECURITY_CONTROLS),
                        category(s, Category.APPLICATION), s.complete() ? "" : "  (incomplete)");
            }
            out.printf("%d assessments%n", history.size());
        }
        out.flush();
        return ExitCodes.OK;
    }

    private static String category(AssessmentSummary s, Category c) {
        Points p = s.categories().getOrDefault(c, new Points(0, 0));
        return p.hasScore() ? Figures.number(p.score(), 1) : Figures.NO_SCORE;
    }

    /** JSON output shared by the store commands. */
    static final class JsonOut {
        static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

        private JsonOut() {
        }

        static ObjectNode summary(AssessmentSummary s) {
            ObjectNode n = MAPPER.createObjectNode();
            n.put("id", s.id());
            ObjectNode d = n.putObject("device");
            d.put("id", s.device().id());
            d.put("hostname", s.device().hostname());
            d.put("os", s.device().os());
            ArrayNode groups = d.putArray("groups");
            s.device().groups().stream().sorted().forEach(groups::add);
            n.put("started", s.started().toString());
            n.put("finished", s.finished().toString());
            points(n, s.points());
            ObjectNode cats = n.putObject("categories");
            for (Category c : Category.values()) {
                points(cats.putObject(Figures.key(c)), s.categories().getOrDefault(c, new Points(0, 0)));
            }
            ObjectNode cov = n.putObject("coverage");
            cov.put("counted", s.coverage().counted());
            cov.put("passed", s.coverage().passed());
            cov.put("failed", s.coverage().failed());
            cov.put("errors", s.coverage().errors());
            cov.put("unknown", s.coverage().unknown());
            cov.put("notChecked", s.coverage().notChecked());
            cov.put("notApplicable", s.coverage().notApplicable());
            cov.put("informational", s.coverage().informational());
            ArrayNode content = n.putArray("content");
            s.content().forEach(content::add);
            n.put("complete", s.complete());
            return n;
        }

        /** Puts {@code score} (null when nothing counted), {@code earned} and {@code possible}. */
        static void points(ObjectNode n, Points p) {
            if (p.hasScore()) {
                n.put("score", p.score());
            } else {
                n.putNull("score");
            }
            n.put("earned", p.earned());
            n.put("possible", p.possible());
        }
    }
}
