package org.bulwark.cli.internal;

import java.io.PrintWriter;

import org.bulwark.scoring.api.Points;
import org.bulwark.store.api.AssessmentDiff;
import org.bulwark.store.api.AssessmentDiff.Change;
import org.bulwark.store.api.AssessmentSummary;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code bulwark diff A B}: why a device's score moved between two stored assessments. */
@Command(name = "diff", mixinStandardHelpOptions = true, sortOptions = false,
        description = { "Explain why the score moved from assessment A to B (ids from `bulwark history`): results that "
                + "changed, controls added or removed by a content update, exceptions created or expired.",
                "Each line gives the earned and possible points it moved; they add up to the change of the totals, "
                        + "and the score is 100 · earned / possible." })
final class DiffCommand extends StoreCommand {

    @Parameters(index = "0", paramLabel = "A", description = "The earlier assessment's id.")
    long from;

    @Parameters(index = "1", paramLabel = "B", description = "The later assessment's id.")
    long to;

    @Mixin
    FormatOption format = new FormatOption();

    DiffCommand(Services services) {
        super(services);
    }

    @Override
    public Integer call() {
        boolean json = format.json(spec);
        AssessmentDiff diff = use(db -> db.diff(from, to));
        PrintWriter out = out();
        if (json) {
            printJson(json().diff(diff));
            return ExitCodes.OK;
        }
        line(out, "A", diff.from());
        line(out, "B", diff.to());
        out.printf("score change: %s%n", Double.isNaN(diff.scoreDelta()) ? Figures.NO_SCORE
                : Figures.signed(diff.scoreDelta(), 4));
        out.println();
        if (diff.changes().isEmpty()) {
            out.println("no control's result, weight or exception changed");
        } else {
            out.printf("  %8s  %8s  %s%n", "EARNED", "POSSIBLE", "CHANGE");
            for (Change c : diff.changes()) {
                out.printf("  %8s  %8s  %s%n", Figures.signed(c.earnedDelta(), 4), Figures.signed(c.possibleDelta(), 4),
                        describe(c));
            }
        }
        Points a = diff.from().points();
        Points b = diff.to().points();
        out.printf("  %8s  %8s  total: earned %s → %s, possible %s → %s%n", Figures.signed(b.earned() - a.earned(), 4),
                Figures.signed(b.possible() - a.possible(), 4), Figures.number(a.earned(), 4),
                Figures.number(b.earned(), 4), Figures.number(a.possible(), 4), Figures.number(b.possible(), 4));
        out.flush();
        return ExitCodes.OK;
    }

    private static void line(PrintWriter out, String label, AssessmentSummary s) {
        out.printf("%s: #%d %s %s  score %s (%s points)%n", label, s.id(), s.device().hostname(),
                s.finished().truncatedTo(java.time.temporal.ChronoUnit.SECONDS),
                Figures.score(s.points()), Figures.points(s.points()));
    }

    private static String describe(Change c) {
        String what = switch (c.kind()) {
            case RESULT_CHANGED -> "result changed " + c.before() + " → " + c.after();
            case CONTROL_ADDED -> "control added by the content (" + c.after() + ")";
            case CONTROL_REMOVED -> "control removed from the content (was " + c.before() + ")";
            case EXCEPTION_CREATED -> "exception " + c.exceptionId() + " now covers it (" + c.after() + ")";
            case EXCEPTION_EXPIRED -> "exception " + c.exceptionId() + " expired (" + c.after() + ")";
            case EXCEPTION_REMOVED -> "exception " + c.exceptionId() + " no longer applies (" + c.after() + ")";
            case WEIGHT_CHANGED -> "weight changed by the content (" + c.after() + ")";
        };
        return c.controlId() + "  " + what + (c.title() == null ? "" : "  — " + c.title());
    }
}
