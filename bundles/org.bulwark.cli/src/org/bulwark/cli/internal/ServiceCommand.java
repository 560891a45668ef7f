package org.bulwark.cli.internal;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

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

    /** @return a usage error naming what is wrong with the options; nothing was written */
    picocli.CommandLine.ParameterException usage(String message) {
        return new picocli.CommandLine.ParameterException(spec.commandLine(), message + "; nothing was written");
    }
}
