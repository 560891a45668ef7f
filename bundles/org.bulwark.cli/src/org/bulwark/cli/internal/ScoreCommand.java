package org.bulwark.cli.internal;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bulwark.report.api.ReportException;
import org.bulwark.report.api.ReportReader;
import org.bulwark.report.api.ReportWriter;
import org.bulwark.report.api.ReportedAssessment;
import org.bulwark.scoring.api.ControlException;
import org.bulwark.scoring.api.ControlRef;
import org.bulwark.scoring.api.DeviceResults;
import org.bulwark.scoring.api.FleetScore;
import org.bulwark.scoring.api.ScoringService;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code bulwark score REPORT.json…}: recomputes the scores from saved JSON reports; several reports are a
 * fleet. Prints every figure of the Secure score so that anyone can check it by hand.
 */
@Command(name = "score", mixinStandardHelpOptions = true, sortOptions = false,
        description = { "Recompute the secure score from saved JSON reports (several reports = a fleet), or, without "
                + "reports, from every device's latest assessment in the store.",
                "Figures are as of --at if given, else as of the newest report, or, without reports, as of now "
                        + "(as the fleet server answers): exceptions active then count (those in the reports and "
                        + "those kept in the store), and devices assessed more than 30 days before are left out." })
final class ScoreCommand extends StoreCommand {

    @Parameters(arity = "0..*", paramLabel = "REPORT", description = "JSON reports written by `bulwark assess`. "
            + "None: every device's latest assessment in the store.")
    List<Path> reports = new ArrayList<>();

    @Option(names = "--at", paramLabel = "TIME", description = "Evaluate as of this ISO-8601 instant, "
            + "e.g. 2026-11-20T12:00:00Z.")
    Instant at;

    @Option(names = "--no-store", description = "Do not apply the exceptions kept in the store.")
    boolean noStore;

    @Mixin
    FormatOption format = new FormatOption();

    ScoreCommand(Services services) {
        super(services);
    }

    @Override
    public Integer call() {
        boolean json = format.json(spec);
        ReportReader reader = services.get(ReportReader.class);
        Map<String, ControlRef> controls = new LinkedHashMap<>();
        Map<String, String> definedIn = new LinkedHashMap<>();
        Map<String, DeviceResults> devices = new LinkedHashMap<>();
        List<ControlException> exceptions = new ArrayList<>();
        Instant newest = Instant.EPOCH;
        List<ReportedAssessment> read = new ArrayList<>();
        if (reports.isEmpty()) {
            if (noStore) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                        "give REPORT files, or leave out --no-store to score the store's latest assessments");
            }
            org.bulwark.store.api.FleetResults latest = use(db -> db.latestResults());
            latest.controls().forEach(c -> controls.put(c.id(), c));
            for (DeviceResults d : latest.devices()) {
                devices.put(d.device().id(), d);
                read.add(new ReportedAssessment(d.device(), d.assessedAt(), latest.controls(), d.states(), List.of()));
                newest = d.assessedAt().isAfter(newest) ? d.assessedAt() : newest;
            }
        }
        for (Path file : reports) {
            ReportedAssessment report;
            try {
                report = reader.read(file);
            } catch (ReportException e) {
                throw new CliException(ExitCodes.CONTENT, "report rejected, nothing scored: " + e.getMessage());
            }
            read.add(report);
            for (ControlRef c : report.controls()) {
                ControlRef known = controls.putIfAbsent(c.id(), c);
                if (known == null) {
                    definedIn.put(c.id(), file.toString());
                } else if (known.weight() != c.weight() || known.category() != c.category()) {
                    throw new CliException(ExitCodes.CONTENT, file + ": control " + c.id() + " has weight "
                            + c.weight() + " and category " + c.category().label() + ", but "
                            + definedIn.get(c.id()) + " says weight " + known.weight() + " and category "
                            + known.category().label() + "; score reports made with the same content");
                }
            }
            DeviceResults previous = devices.get(report.device().id());
            if (previous == null || previous.assessedAt().isBefore(report.assessedAt())) {
                devices.put(report.device().id(), report.results());
            }
            exceptions.addAll(report.exceptions());
            newest = report.assessedAt().isAfter(newest) ? report.assessedAt() : newest;
        }
        // saved reports are re-scored as they were; the store's fleet is scored as of now, as the server does
        Instant when = at != null ? at : reports.isEmpty() ? Instant.now() : newest;
        if (!noStore) {
            java.util.Set<String> ids = new java.util.HashSet<>();
            exceptions.forEach(e -> ids.add(e.id()));
            for (ControlException e : use(db -> db.exceptionsInForce(when))) {
                if (ids.add(e.id())) {
                    exceptions.add(e);
                }
            }
        }
        FleetScore score = services.get(ScoringService.class).score(controls.values(), devices.values(),
                exceptions, when);
        if (json) {
            printJson(json().fleet(score, controls, devices.values()));
            return ExitCodes.OK;
        }
        try {
            spec.commandLine().getOut().flush();
            java.io.ByteArrayOutputStream text = new java.io.ByteArrayOutputStream();
            services.get(ReportWriter.class).writeFleet(score, read, text);
            spec.commandLine().getOut().print(text.toString(java.nio.charset.StandardCharsets.UTF_8));
            spec.commandLine().getOut().flush();
        } catch (java.io.IOException e) {
            throw new CliException(ExitCodes.IO, "cannot write the score: " + e.getMessage());
        }
        return ExitCodes.OK;
    }

}
