package org.bulwark.cli.internal;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.bulwark.operations.api.FileOutput;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code bulwark man}: the man page, written from the commands themselves ({@link ManPage}); hidden. */
@Command(name = "man", hidden = true, mixinStandardHelpOptions = true,
        description = "Print the man page (troff): e.g. bulwark man > bulwark.1; man ./bulwark.1")
final class ManCommand implements Callable<Integer> {

    private final Services services;

    @Spec
    CommandSpec spec;

    @Option(names = { "-o", "--output" }, paramLabel = "FILE", description = "Write it to FILE (replaced atomically).")
    Path output;

    ManCommand(Services services) {
        this.services = services;
    }

    @Override
    public Integer call() throws Exception {
        String page = ManPage.troff(spec.root());
        if (output == null) {
            spec.commandLine().getOut().print(page);
            spec.commandLine().getOut().flush();
            return ExitCodes.OK;
        }
        try {
            services.get(FileOutput.class).replace(output, page.getBytes(StandardCharsets.UTF_8));
        } catch (java.io.IOException e) {
            throw new CliException(ExitCodes.IO, "cannot write " + output + ": " + e.getMessage());
        }
        return ExitCodes.OK;
    }
}
