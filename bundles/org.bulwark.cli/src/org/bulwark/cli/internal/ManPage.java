package org.bulwark.cli.internal;

import java.util.List;
import java.util.Locale;

import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * A man page (troff, {@code man(7)} macros) written from the picocli model, so that it always names every command
 * and option the code has: NAME, SYNOPSIS, DESCRIPTION, one COMMANDS subsection per command (nested ones too) with
 * its options and parameters, then the top command's footer (plug-in options, configuration files, exit codes).
 * Hidden commands and options are left out. {@code ${DEFAULT-VALUE}} is the option's declared default, never a
 * value from the environment or a configuration file.
 */
final class ManPage {

    private ManPage() {
    }

    /** @return the page of {@code root} and its subcommands */
    static String troff(CommandSpec root) {
        StringBuilder b = new StringBuilder();
        String name = root.name();
        String version = root.version().length > 0 ? root.version()[0] : name;
        b.append(".TH ").append(name.toUpperCase(Locale.ROOT)).append(" 1 \"\" \"").append(escape(version))
                .append("\" \"User Commands\"\n");
        b.append(".SH NAME\n").append(escape(name)).append(" \\- ").append(escape(String.join(" ",
                root.usageMessage().description()))).append('\n');
        b.append(".SH SYNOPSIS\n.B ").append(escape(name)).append("\n[\\fIOPTIONS\\fR] \\fICOMMAND\\fR "
                + "[\\fICOMMAND OPTIONS\\fR]\n");
        b.append(".SH DESCRIPTION\n");
        paragraphs(b, root.usageMessage().description());
        options(b, root);
        b.append(".SH COMMANDS\n");
        commands(b, root);
        b.append(".SH NOTES\n.nf\n");
        for (String line : root.usageMessage().footer()) {
            b.append(escape(line.replace("%n", ""))).append('\n');
        }
        b.append(".fi\n");
        return b.toString();
    }

    private static void commands(StringBuilder b, CommandSpec parent) {
        for (CommandLine sub : parent.subcommands().values().stream().distinct().toList()) {
            CommandSpec spec = sub.getCommandSpec();
            if (spec.usageMessage().hidden()) {
                continue;
            }
            b.append(".SS \"").append(escape(spec.qualifiedName())).append("\"\n");
            paragraphs(b, spec.usageMessage().description());
            for (PositionalParamSpec p : spec.positionalParameters()) {
                if (!p.hidden()) {
                    b.append(".TP\n\\fI").append(escape(p.paramLabel())).append("\\fR\n");
                    b.append(escape(description(p.description(), p.defaultValue()))).append('\n');
                }
            }
            options(b, spec);
            commands(b, spec);
        }
    }

    private static void options(StringBuilder b, CommandSpec spec) {
        for (OptionSpec o : spec.options()) {
            if (o.hidden()) {
                continue;
            }
            b.append(".TP\n");
            List<String> names = List.of(o.names());
            for (int i = 0; i < names.size(); i++) {
                b.append(i == 0 ? "" : ", ").append("\\fB").append(escape(names.get(i))).append("\\fR");
            }
            if (o.arity().max() > 0 && !o.paramLabel().isEmpty()) {
                b.append(" \\fI").append(escape(o.paramLabel())).append("\\fR");
            }
            b.append('\n').append(escape(description(o.description(), o.defaultValue()))).append('\n');
        }
    }

    private static void paragraphs(StringBuilder b, String[] lines) {
        for (String line : lines) {
            b.append(".PP\n").append(escape(line)).append('\n');
        }
    }

    private static String description(String[] lines, String declaredDefault) {
        return String.join(" ", lines).replace("${DEFAULT-VALUE}", declaredDefault == null ? "none" : declaredDefault);
    }

    /** @return {@code text} safe in troff: backslashes and dashes escaped, no line starting with a control dot */
    static String escape(String text) {
        String t = text.replace("\\", "\\e").replace("-", "\\-").replace("\n", " ");
        return t.startsWith(".") || t.startsWith("'") ? "\\&" + t : t;
    }
}
