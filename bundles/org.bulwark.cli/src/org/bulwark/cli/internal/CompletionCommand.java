package org.bulwark.cli.internal;

import java.util.concurrent.Callable;

import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code bulwark completion bash}: a completion script for every command and option, from picocli's model. */
@Command(name = "completion", mixinStandardHelpOptions = true,
        description = { "Print a shell completion script: bash (zsh reads it too, after "
                + "autoload -U bashcompinit && bashcompinit).",
                "E.g. source <(bulwark completion bash), or save it as "
                        + "~/.local/share/bash-completion/completions/bulwark." })
final class CompletionCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "SHELL", description = "bash.")
    String shell;

    @Override
    public Integer call() {
        if (!shell.equals("bash")) {
            throw new ParameterException(spec.commandLine(), "unknown shell '" + shell + "' (expected bash)");
        }
        spec.commandLine().getOut().print(AutoComplete.bash(spec.root().name(), spec.root().commandLine()));
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
    }
}
