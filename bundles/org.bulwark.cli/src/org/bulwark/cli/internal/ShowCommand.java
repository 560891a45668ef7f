package org.bulwark.cli.internal;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.bulwark.store.api.StoredAssessment;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code bulwark show ID}: a stored assessment's JSON as it was stored, with every result's evidence: the full report,
 * or for an assessment a fleet server received, the agent's upload document.
 */
@Command(name = "show", mixinStandardHelpOptions = true,
        description = "Print a stored assessment's JSON with every result's evidence: the full report "
                + "(docs/report.schema.json; `bulwark score` reads it back), or for an assessment a fleet server "
                + "received, the agent's upload as sent (docs/upload.schema.json).")
final class ShowCommand implements Callable<Integer> {

    private final Services services;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "ID", description = "The assessment's id (see `bulwark history`).")
    long id;

    @Option(names = { "-o", "--output" }, paramLabel = "FILE", description = "Write it to FILE instead.")
    Path output;

    @Mixin
    StoreOptions store = new StoreOptions();

    ShowCommand(Services services) {
        this.services = services;
    }

    @Override
    public Integer call() {
        StoredAssessment a = store.use(services, db -> db.assessment(id).orElseThrow(
                () -> new CliException(ExitCodes.USAGE, "no stored assessment #" + id + " (see `bulwark history`)")));
        if (output != null) {
            AtomicFiles.write(output, a.reportJson().getBytes(StandardCharsets.UTF_8));
            spec.commandLine().getErr().println("bulwark: json report of assessment #" + id + " written to " + output);
        } else {
            spec.commandLine().getOut().print(a.reportJson());
            spec.commandLine().getOut().flush();
        }
        return ExitCodes.OK;
    }
}
