package org.bulwark.cli.internal;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bulwark.scoring.api.AssessmentService;
import org.bulwark.scoring.api.CollectorRun;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code bulwark collectors}: the collectors installed in this runtime. */
@Command(name = "collectors", mixinStandardHelpOptions = true,
        description = "List the collectors installed in this runtime, with their category and bundle.")
final class CollectorsCommand extends ServiceCommand {

    @Mixin
    FormatOption format = new FormatOption();

    CollectorsCommand(Services services) {
        super(services);
    }

    @Override
    public Integer call() {
        boolean json = format.json(spec);
        List<CollectorRun> collectors = services.get(AssessmentService.class).collectors();
        if (json) {
            List<Object> list = new ArrayList<>();
            for (CollectorRun c : collectors) {
                Map<String, Object> o = new LinkedHashMap<>();
                o.put("id", c.collectorId());
                o.put("category", c.category() == null ? null : c.category().name());
                int space = c.bundle().lastIndexOf(' ');
                o.put("bundle", space < 0 ? c.bundle() : c.bundle().substring(0, space));
                o.put("version", space < 0 ? null : c.bundle().substring(space + 1));
                list.add(o);
            }
            printJson(list);
            return ExitCodes.OK;
        }
        PrintWriter out = out();
        out.printf("%-28s %-18s %s%n", "COLLECTOR", "CATEGORY", "BUNDLE");
        for (CollectorRun c : collectors) {
            out.printf("%-28s %-18s %s%n", c.collectorId(), c.category() == null ? "?" : c.category().label(),
                    c.bundle());
        }
        out.printf("%d collectors%n", collectors.size());
        out.flush();
        return ExitCodes.OK;
    }
}
