package org.bulwark.cli.internal;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code bulwark scap profiles}: SCAP content (a source data stream or an XCCDF 1.2 benchmark) read by the
 * {@code org.bulwark.scap} bundle. The SCAP types are touched only in {@link ScapUse}, so this command loads, and
 * says what is missing, in a runtime without that bundle.
 */
@Command(name = "scap", mixinStandardHelpOptions = true,
        description = "Read SCAP 1.3 content: source data streams, XCCDF 1.2 benchmarks and tailoring files.",
        subcommands = { ScapCommand.Profiles.class })
final class ScapCommand extends ParentCommand {

    /** One profile as listed. */
    record ProfileRow(String benchmark, String id, String title, String extendsId, boolean tailoring, int rules) {
    }

    @Command(name = "profiles", mixinStandardHelpOptions = true, sortOptions = false,
            description = { "List the profiles of SCAP content with the number of rules each selects (its extends "
                    + "chain and the groups holding the rules applied). Malformed content exits with 3." })
    static final class Profiles extends ServiceCommand {

        @Parameters(index = "0", paramLabel = "CONTENT",
                description = "A SCAP 1.2/1.3 source data stream or an XCCDF 1.2 benchmark file.")
        Path content;

        @Option(names = "--tailoring", paramLabel = "FILE",
                description = "An XCCDF 1.2 tailoring file of the content; its profiles are listed last.")
        Path tailoring;

        @Mixin
        FormatOption format = new FormatOption();

        Profiles(Services services) {
            super(services);
        }

        @Override
        public Integer call() {
            boolean json = format.json(spec);
            List<ProfileRow> rows;
            try {
                rows = ScapUse.profiles(services, content, tailoring);
            } catch (NoClassDefFoundError e) {
                throw new CliException(ExitCodes.IO, "SCAP support (the org.bulwark.scap bundle) is not installed "
                        + "in this runtime");
            }
            return table(json, rows, ScapCommand::tree, "%-64s %5s  %s%n", new Object[] { "PROFILE", "RULES", "TITLE" },
                    r -> new Object[] { r.id(), r.rules(), r.title() + (r.tailoring() ? " (tailoring)" : "") },
                    rows.size() == 1 ? "profile" : "profiles");
        }
    }

    private static Object tree(ProfileRow r) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("benchmark", r.benchmark());
        o.put("id", r.id());
        o.put("title", r.title());
        o.put("extends", r.extendsId().isEmpty() ? null : r.extendsId());
        o.put("tailoring", r.tailoring());
        o.put("selectedRules", r.rules());
        return o;
    }
}
