package org.bulwark.cli.internal;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.bulwark.server.api.FleetServer;
import org.bulwark.server.api.Role;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

/** {@code bulwark token create|list|revoke}: API tokens of the fleet server. */
@Command(name = "token", mixinStandardHelpOptions = true, description = "API tokens of the fleet server.",
        subcommands = { TokenCommand.Create.class, TokenCommand.ListTokens.class, TokenCommand.Revoke.class })
final class TokenCommand extends ParentCommand {

    @Command(name = "create", mixinStandardHelpOptions = true, sortOptions = false,
            description = { "Create an API token and print it once: only its SHA-256 hash is kept (tokens.json in "
                    + "the data directory), with a public id (tok_…) that bulwark token list shows and bulwark "
                    + "token revoke takes. A running server accepts it at once." })
    static final class Create extends ServiceCommand {

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
            super(services);
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
            java.nio.file.Path data = store.dataDir(services);
            FleetServer.NewToken token;
            try {
                token = services.get(FleetServer.class).issueToken(data, name, r, g);
            } catch (IOException e) {
                throw cannotWrite(data, e);
            }
            print(token.secret());
            spec.commandLine().getErr().println("bulwark: " + role(r) + " token " + token.info().id()
                    + " for groups " + String.join(",", g) + " (shown once; keep it secret)");
            return ExitCodes.OK;
        }
    }

    /** @return exit code 5 with one line naming the data directory and why, never a stack trace */
    static CliException cannotWrite(java.nio.file.Path data, IOException e) {
        String why = e instanceof AccessDeniedException a ? a.getFile() + ": permission denied" : e.getMessage();
        return new CliException(ExitCodes.IO, "cannot write the tokens of data directory " + data + ": " + why);
    }

    static String role(Role r) {
        return r.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    @Command(name = "list", mixinStandardHelpOptions = true, sortOptions = false,
            description = { "List the API tokens of the data directory: id, name, role, groups and creation time "
                    + "(unknown for tokens created before ids were recorded). Never the tokens themselves." })
    static final class ListTokens extends ServiceCommand {

        @Mixin
        FormatOption format = new FormatOption();

        @Mixin
        StoreOptions store = new StoreOptions();

        ListTokens(Services services) {
            super(services);
        }

        @Override
        public Integer call() throws Exception {
            boolean json = format.json(spec);
            List<FleetServer.TokenInfo> tokens = services.get(FleetServer.class).listTokens(store.dataDir(services));
            return table(json, tokens, ListTokens::token, "%-12s  %-20s  %-19s  %-20s  %s%n",
                    new Object[] { "ID", "NAME", "ROLE", "CREATED", "GROUPS" },
                    t -> new Object[] { t.id(), t.name(), role(t.role()),
                            t.created() == null ? "-" : t.created().toString(), String.join(",", t.groups()) },
                    "tokens");
        }

        /** @return id, name, role, groups, created ({@code null} when unknown); never the token */
        private static Object token(FleetServer.TokenInfo t) {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("id", t.id());
            o.put("name", t.name());
            o.put("role", role(t.role()));
            o.put("groups", new ArrayList<Object>(t.groups()));
            o.put("created", t.created() == null ? null : t.created().toString());
            return o;
        }
    }

    @Command(name = "revoke", mixinStandardHelpOptions = true, sortOptions = false,
            description = { "Revoke an API token by its id (bulwark token list), or by its name when no other token "
                    + "has that name. A running server refuses it from its next request on." })
    static final class Revoke extends ServiceCommand {

        @Parameters(paramLabel = "ID-OR-NAME", description = "The token's id (tok_…) or its unique name.")
        String idOrName;

        @Mixin
        StoreOptions store = new StoreOptions();

        Revoke(Services services) {
            super(services);
        }

        @Override
        public Integer call() throws Exception {
            FleetServer.TokenInfo revoked;
            try {
                revoked = services.get(FleetServer.class).revokeToken(store.dataDir(services), idOrName);
            } catch (IllegalArgumentException e) {
                throw new CliException(ExitCodes.USAGE, e.getMessage());
            } catch (IOException e) {
                throw cannotWrite(store.dataDir(services), e);
            }
            spec.commandLine().getErr().println("bulwark: revoked " + role(revoked.role()) + " token "
                    + revoked.id() + " (" + revoked.name() + ")");
            return ExitCodes.OK;
        }
    }
}
