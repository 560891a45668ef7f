package org.bulwark.cli.internal;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

import org.bulwark.operations.api.EntityJson;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The base of the commands that work on the store: the services, {@code --data}/{@code --db}, the output, JSON in
 * the vocabulary of {@link EntityJson}. A command only translates its options into an operation and its result
 * into text or JSON.
 */
abstract class StoreCommand implements Callable<Integer> {

    final Services services;

    @Spec
    CommandSpec spec;

    @Mixin
    StoreOptions store = new StoreOptions();

    StoreCommand(Services services) {
        this.services = services;
    }

    /** @return the current user, who creates, updates and cancels unless told otherwise */
    static String user() {
        return System.getProperty("user.name", "unknown");
    }

    /** Opens the store, runs {@code work} and closes it; a refusal or failure ends the command. */
    <T> T use(StoreOptions.Work<T> work) {
        return store.use(services, work);
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
