package org.bulwark.cli.internal;

import java.util.Locale;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/** The {@code --format text|json} of the store commands. */
final class OutputFormat {

    private OutputFormat() {
    }

    /** @return whether {@code format} asks for JSON; a usage error for anything but text or json */
    static boolean json(CommandSpec spec, String format) {
        String f = format == null ? "text" : format.toLowerCase(Locale.ROOT);
        if (!f.equals("text") && !f.equals("json")) {
            throw new ParameterException(spec.commandLine(), "unknown format '" + format + "' (expected text or json)");
        }
        return f.equals("json");
    }
}
