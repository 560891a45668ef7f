package org.bulwark.cli.internal;

import java.util.Locale;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** The {@code --format text|json} of the commands that print stored entities: a picocli mixin. */
final class FormatOption {

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "text or json. Default: ${DEFAULT-VALUE}.")
    String format;

    /** @return whether JSON is asked for; a usage error for anything but text or json */
    boolean json(CommandSpec spec) {
        String f = format == null ? "text" : format.toLowerCase(Locale.ROOT);
        if (!f.equals("text") && !f.equals("json")) {
            throw new ParameterException(spec.commandLine(), "unknown format '" + format + "' (expected text or json)");
        }
        return f.equals("json");
    }
}
