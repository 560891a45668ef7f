package org.bulwark.cli.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/** {@code bulwark man} and {@code bulwark completion bash} cover every command and option of the model. */
class ManAndCompletionTest {

    @TempDir
    Path dir;

    @RegisterExtension
    final CliRun bulwark = CliRun.plain();


    /** @return every visible command under {@code spec} (qualified name → spec), depth first */
    private static Map<String, CommandSpec> commands(CommandSpec spec, Map<String, CommandSpec> into) {
        for (CommandLine sub : spec.subcommands().values()) {
            CommandSpec s = sub.getCommandSpec();
            if (!s.usageMessage().hidden() && into.put(s.qualifiedName(), s) == null) {
                commands(s, into);
            }
        }
        return into;
    }

    private CommandSpec root() {
        return BulwarkApplication.commandLine(bulwark.services(), new ConfigDefaults(k -> null, k -> null, List.of()))
                .getCommandSpec();
    }

    @Test
    void versionIsTheRelease() {
        assertEquals(ExitCodes.OK, bulwark.run("--version"), bulwark.err());
        List<String> lines = bulwark.out().lines().toList();
        assertEquals("Bulwark 1.0.0", lines.get(0), "the release: products, features and the CLI bundle");
        assertTrue(lines.size() == 1 || lines.size() == 2 && lines.get(1).matches("build \\S+"), lines.toString());
    }

    @Test
    void theManPageNamesEveryCommandAndEachOfItsOptions() throws IOException {
        assertEquals(ExitCodes.OK, bulwark.run("man"), bulwark.err());
        String page = bulwark.out();
        Map<String, CommandSpec> commands = commands(root(), new LinkedHashMap<>());
        assertEquals(38, commands.size(), commands.keySet().toString());
        // the sections, in order, and the options each names
        Map<String, TreeSet<String>> sections = new LinkedHashMap<>();
        String current = "bulwark";
        sections.put(current, new TreeSet<>());
        Matcher m = Pattern.compile("^\\.SS \"(.*)\"$|\\\\fB(\\\\-[^\\\\]*(?:\\\\-[^\\\\]*)*)\\\\fR", Pattern.MULTILINE)
                .matcher(page);
        while (m.find()) {
            if (m.group(1) != null) {
                current = m.group(1).replace("\\-", "-");
                sections.put(current, new TreeSet<>());
            } else {
                sections.get(current).add(m.group(2).replace("\\-", "-"));
            }
        }
        List<String> expected = new ArrayList<>(List.of("bulwark"));
        expected.addAll(commands.keySet());
        assertEquals(expected, new ArrayList<>(sections.keySet()));
        Map<String, CommandSpec> all = new LinkedHashMap<>(Map.of("bulwark", root()));
        all.putAll(commands);
        for (Map.Entry<String, CommandSpec> c : all.entrySet()) {
            TreeSet<String> names = new TreeSet<>();
            for (OptionSpec o : c.getValue().options()) {
                if (!o.hidden()) {
                    names.addAll(List.of(o.names()));
                }
            }
            assertEquals(names, sections.get(c.getKey()), c.getKey());
        }
        assertEquals(".TH BULWARK 1 \"\" \"Bulwark 1.0.0\" \"User Commands\"", page.lines().findFirst().orElse(""));
        assertEquals(List.of(".TP", "\\fB\\-\\-timeout\\fR \\fISECONDS\\fR",
                "How long each collector may run. Default: 120."), around(page, "\\fB\\-\\-timeout\\fR"));

        Path file = dir.resolve("man/bulwark.1");
        assertEquals(ExitCodes.OK, bulwark.run("man", "-o", file.toString()), bulwark.err());
        assertEquals(page, Files.readString(file));
        assertEquals("", bulwark.out());
    }

    /** @return the line before the one starting with {@code start}, it and the next */
    private static List<String> around(String page, String start) {
        List<String> lines = page.lines().toList();
        for (int i = 1; i + 1 < lines.size(); i++) {
            if (lines.get(i).startsWith(start)) {
                return lines.subList(i - 1, i + 2);
            }
        }
        return List.of();
    }

    @Test
    void theBashCompletionHasAFunctionForEveryCommand() {
        assertEquals(ExitCodes.OK, bulwark.run("completion", "bash"), bulwark.err());
        String script = bulwark.out();
        TreeSet<String> functions = new TreeSet<>();
        Matcher m = Pattern.compile("^function (_picocli_bulwark\\w*)\\(\\)", Pattern.MULTILINE).matcher(script);
        while (m.find()) {
            functions.add(m.group(1));
        }
        TreeSet<String> expected = new TreeSet<>();
        expected.add("_picocli_bulwark");
        for (String name : commands(root(), new LinkedHashMap<>()).keySet()) { // picocli drops the '-' of set-groups
            expected.add("_picocli_" + name.replace(" ", "_").replace("-", ""));
        }
        assertEquals(expected, functions);
        assertEquals(ExitCodes.USAGE, bulwark.run("completion", "fish"));
        assertEquals("unknown shell 'fish' (expected bash)", bulwark.err().lines().findFirst().orElse(""));
    }
}
