package org.bulwark.cli.internal;

import java.util.ArrayList;
import java.util.List;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The base of the commands that only group subcommands: given none, a usage error names them in order. */
abstract class ParentCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        List<String> names = new ArrayList<>(spec.subcommands().keySet());
        String last = names.remove(names.size() - 1);
        throw new ParameterException(spec.commandLine(), "a subcommand is required: "
                + (names.isEmpty() ? last : String.join(", ", names) + " or " + last));
    }
}
