package org.bulwark.cli.internal;

import java.time.Instant;
import java.util.List;

import org.bulwark.collector.api.Category;
import org.bulwark.scoring.api.Points;
import org.bulwark.store.api.AssessmentSummary;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** {@code bulwark history}: the stored assessments with their score and category scores. */
@Command(name = "history", mixinStandardHelpOptions = true, sortOptions = false,
        description = "List stored assessments, oldest first, with the score, the five category scores and the "
                + "exposure score computed when each was stored (— when there was none: no feed, or no inventory "
                + "a feed covers).")
final class HistoryCommand extends StoreCommand {

    @Option(names = "--device", paramLabel = "DEVICE", description = "Only this device (machine id or host name).")
    String device;

    @Option(names = "--since", paramLabel = "DATE",
            description = "Only assessments finished at or after DATE (2026-11-20, UTC midnight) or an instant.")
    String since;

    @Mixin
    FormatOption format = new FormatOption();

    HistoryCommand(Services services) {
        super(services);
    }

    @Override
    public Integer call() {
        boolean json = format.json(spec);
        Instant from;
        try {
            from = since == null ? null : Figures.instant(since, "--since");
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        List<AssessmentSummary> history = use(db -> db.history(device, from));
        return table(json, history, json()::summary, "%5s  %-20s  %-20s  %8s  %-13s  %6s %6s %6s %6s %6s  %8s%s%n",
                new Object[] { "ID", "FINISHED", "DEVICE", "SCORE", "POINTS", "OS", "NET", "ACC", "SEC", "APP",
                        "EXPOSURE", "" },
                s -> new Object[] { s.id(), s.finished().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString(),
                        s.device().hostname(), Figures.score(s.points()), Figures.points(s.points()),
                        category(s, Category.OPERATING_SYSTEM), category(s, Category.NETWORK),
                        category(s, Category.ACCOUNTS), category(s, Category.SECURITY_CONTROLS),
                        category(s, Category.APPLICATION),
                        s.exposure().map(e -> Figures.number(e, 1)).orElse(Figures.NO_SCORE),
                        s.complete() ? "" : "  (incomplete)" }, "assessments");
    }

    private static String category(AssessmentSummary s, Category c) {
        Points p = s.categories().getOrDefault(c, new Points(0, 0));
        return p.hasScore() ? Figures.number(p.score(), 1) : Figures.NO_SCORE;
    }
}
