package org.bulwark.cli.internal;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.function.Supplier;

import org.bulwark.operations.api.EntityJson;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The base of every command that prints: the services, the output, JSON in the vocabulary of {@link EntityJson}.
 * A command only translates its options into a call and its result into text or JSON.
 */
abstract class ServiceCommand implements Callable<Integer> {

    final Services services;

    @Spec
    CommandSpec spec;

    ServiceCommand(Services services) {
        this.services = services;
    }

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    EntityJson json() {
        return services.get(EntityJson.class);
    }

    /** Prints {@code tree} (maps, lists and values) as indented JSON. */
    void printJson(Object tree) {
        out().println(json().write(tree, true));
        out().flush();
    }

    /** Prints one line. */
    void print(String line) {
        out().println(line);
        out().flush();
    }

    /** Prints {@code tree} as JSON, or else {@code line}; @return {@link ExitCodes#OK} */
    Integer show(boolean json, Object tree, String line) {
        if (json) {
            printJson(tree);
        } else {
            print(line);
        }
        return ExitCodes.OK;
    }

    /**
     * Prints {@code rows}: as a JSON array of their {@code tree}s, or else as a table, the {@code heads} and then
     * each row's {@code cells} in the printf {@code format}, and a last line "{count} {noun}".
     *
     * @return {@link ExitCodes#OK}
     */
    <T> Integer table(boolean json, List<T> rows, Function<T, Object> tree, String format, Object[] heads,
            Function<T, Object[]> cells, String noun) {
        if (json) {
            List<Object> list = new ArrayList<>();
            rows.forEach(r -> list.add(tree.apply(r)));
            printJson(list);
            return ExitCodes.OK;
        }
        out().printf(format, heads);
        for (T r : rows) {
            out().printf(format, cells.apply(r));
        }
        print(rows.size() + " " + noun);
        return ExitCodes.OK;
    }

    /** @return what {@code options} makes of the options; its IllegalArgumentException as a {@link #usage} error */
    <T> T parse(Supplier<T> options) {
        try {
            return options.get();
        } catch (IllegalArgumentException x) {
            throw usage(x.getMessage());
        }
    }

    /** @return a usage error naming what is wrong with the options; nothing was written */
    picocli.CommandLine.ParameterException usage(String message) {
        return new picocli.CommandLine.ParameterException(spec.commandLine(), message + "; nothing was written");
    }
}
