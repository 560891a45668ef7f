package org.bulwark.cli.internal;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;

import org.bulwark.scoring.api.AssessmentService;
import org.bulwark.scoring.api.CollectorRun;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code bulwark collectors}: the collectors installed in this runtime. */
@Command(name = "collectors", mixinStandardHelpOptions = true,
        description = "List the collectors installed in this runtime, with their category and bundle.")
final class CollectorsCommand implements Callable<Integer> {

    private final Services services;

    @Spec
    CommandSpec spec;

    CollectorsCommand(Services services) {
        this.services = services;
    }

    @Override
    public Integer call() {
        List<CollectorRun> collectors = services.get(AssessmentService.class).collectors();
        PrintWriter out = spec.commandLine().getOut();
        out.printf("%-28s %-18s %s%n", "COLLECTOR", "CATEGORY", "BUNDLE");
        for (CollectorRun c : collectors) {
            out.printf("%-28s %-18s %s%n", c.collectorId(), c.category() == null ? "?" : c.category().label(),
                    c.bundle());
        }
        out.printf("%d collectors%n", collectors.size());
        return ExitCodes.OK;
    }
}
