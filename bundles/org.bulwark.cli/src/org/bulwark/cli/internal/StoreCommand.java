package org.bulwark.cli.internal;

import picocli.CommandLine.Mixin;

/**
 * The base of the commands that work on the store: {@code --data}/{@code --db} besides what every
 * {@link ServiceCommand} has.
 */
abstract class StoreCommand extends ServiceCommand {

    @Mixin
    StoreOptions store = new StoreOptions();

    StoreCommand(Services services) {
        super(services);
    }

    /** @return the current user, who creates, updates and cancels unless told otherwise */
    static String user() {
        return System.getProperty("user.name", "unknown");
    }

    /** Opens the store, runs {@code work} and closes it; a refusal or failure ends the command. */
    <T> T use(StoreOptions.Work<T> work) {
        return store.use(services, work);
    }
}
