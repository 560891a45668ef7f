package org.bulwark.cli.internal;

import picocli.CommandLine.Command;

/** The top-level {@code bulwark} command. */
@Command(name = "bulwark", mixinStandardHelpOptions = true, versionProvider = ReleaseVersion.class,
        description = "An open, pluggable secure score for devices.",
        subcommands = { AssessCommand.class, ScoreCommand.class, HistoryCommand.class, DiffCommand.class,
                ShowCommand.class, ExceptionCommand.class, RemediationCommand.class, DeviceCommand.class,
                CollectorsCommand.class, ControlsCommand.class, PluginsCommand.class, ServeCommand.class,
                AgentCommand.class, SoftwareCommand.class, FeedsCommand.class, WeaknessesCommand.class, TokenCommand.class,
                ScapCommand.class, CompletionCommand.class, ManCommand.class },
        footerHeading = "%nPlug-ins (options of the bulwark script, before the command):%n",
        footer = { "  --plugins DIR             plug-in folder (default plugins in the data directory)",
                "  --require-signed-plugins  load only jars signed by a trusted signer",
                "  --trusted-signers FILE    trusted certificates: PEM file or keystore",
                "",
                "Configuration files: ~/.config/bulwark/bulwark.conf ($XDG_CONFIG_HOME/bulwark/bulwark.conf when set),",
                "then /etc/bulwark/bulwark.conf: 'key = value' lines, '#' comment lines. Keys: data, db, token, upload,",
                "upload-truststore, tls-keystore, tls-password-file, host, port (the long options). An option given",
                "wins, then its environment variable, then the user's file, then the system's.",
                "",
                "Exit codes:",
                "  0  success",
                "  1  internal error",
                "  2  usage error, a malformed configuration file, input the store refuses (unknown device or",
                "     control…), a TLS keystore or truststore that cannot be used, an unknown or ambiguous token;",
                "     nothing was written",
                "  3  malformed or unreadable benchmark content or report; nothing was written",
                "  4  assessment incomplete: the report was written, but some checks could not run",
                "  5  an output could not be written, a feed could not be fetched, or a service is missing from the runtime",
                "  6  the store cannot be opened (unreachable, newer schema) or failed; nothing was written to it",
                "     (assess writes its report first)" })
final class BulwarkCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "a command is required");
    }
}
