package org.bulwark.cli.internal;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.Callable;

import org.bulwark.server.api.FleetServer;
import org.bulwark.server.api.Role;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code bulwark token create}: API tokens of the fleet server. */
@Command(name = "token", mixinStandardHelpOptions = true, description = "API tokens of the fleet server.",
        subcommands = { TokenCommand.Create.class })
final class TokenCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "a subcommand is required: create");
    }

    @Command(name = "create", mixinStandardHelpOptions = true, sortOptions = false,
            description = { "Create an API token and print it once: only its SHA-256 hash is kept (tokens.json in "
                    + "the data directory). A running server accepts it at once." })
    static final class Create implements Callable<Integer> {
        private final Services services;

        @Spec
        CommandSpec spec;

        @Option(names = "--role", required = true, paramLabel = "ROLE",
                description = "agent (upload only), viewer, remediation-handler, exception-handler or administrator.")
        String role;

        @Option(names = "--groups", split = ",", paramLabel = "GROUP", required = true,
                description = "The device groups it sees; * for all (Ungrouped devices are in group Ungrouped).")
        List<String> groups = new ArrayList<>();

        @Option(names = "--name", paramLabel = "NAME", defaultValue = "token",
                description = "Who or what uses it; recorded as author of what it creates. Default: ${DEFAULT-VALUE}.")
        String name;

        @Mixin
        StoreOptions store = new StoreOptions();

        Create(Services services) {
            this.services = services;
        }

        @Override
        public Integer call() throws Exception {
            Role r;
            try {
                r = Role.parse(role);
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), e.getMessage());
            }
            LinkedHashSet<String> g = new LinkedHashSet<>();
            for (String s : groups) {
                if (!s.isBlank()) {
                    g.add(s.trim());
                }
            }
            if (g.isEmpty()) {
                throw new ParameterException(spec.commandLine(), "--groups needs at least one group, or *");
            }
            String token = services.get(FleetServer.class).createToken(store.dataDir(), name, r, g);
            PrintWriter out = spec.commandLine().getOut();
            out.println(token);
            out.flush();
            spec.commandLine().getErr().println("bulwark: " + r.name().toLowerCase(java.util.Locale.ROOT)
                    + " token for groups " + String.join(",", g) + " (shown once; keep it secret)");
            return ExitCodes.OK;
        }
    }
}
