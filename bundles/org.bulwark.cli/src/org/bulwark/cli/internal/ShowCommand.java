package org.bulwark.cli.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.bulwark.operations.api.FileOutput;
import org.bulwark.store.api.StoredAssessment;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code bulwark show ID}: a stored assessment's JSON as it was stored, with every result's evidence: the full report,
 * or for an assessment a fleet server received, the agent's upload document.
 */
@Command(name = "show", mixinStandardHelpOptions = true,
        description = "Print a stored assessment's JSON with every result's evidence: the full report "
                + "(docs/report.schema.json; `bulwark score` reads it back), or for an assessment a fleet server "
                + "received, the agent's upload as sent (docs/upload.schema.json).")
final class ShowCommand extends StoreCommand {

    @Parameters(paramLabel = "ID", description = "The assessment's id (see `bulwark history`).")
    long id;

    @Option(names = { "-o", "--output" }, paramLabel = "FILE", description = "Write it to FILE instead.")
    Path output;

    ShowCommand(Services services) {
        super(services);
    }

    @Override
    public Integer call() {
        StoredAssessment a = use(db -> db.assessment(id).orElseThrow(
                () -> new CliException(ExitCodes.USAGE, "no stored assessment #" + id + " (see `bulwark history`)")));
        if (output == null) {
            out().print(a.reportJson());
            out().flush();
            return ExitCodes.OK;
        }
        try {
            services.get(FileOutput.class).replace(output, a.reportJson().getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new CliException(ExitCodes.IO, e.getMessage());
        }
        spec.commandLine().getErr().println("bulwark: json report of assessment #" + id + " written to " + output);
        return ExitCodes.OK;
    }
}
