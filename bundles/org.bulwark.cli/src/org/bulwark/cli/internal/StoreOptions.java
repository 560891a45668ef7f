package org.bulwark.cli.internal;

import java.nio.file.Path;

import org.bulwark.store.api.AssessmentStore;
import org.bulwark.store.api.AssessmentStoreFactory;
import org.bulwark.store.api.StoreException;

import picocli.CommandLine.Option;

/**
 * Where the data lives: {@code --data DIR} (reports and the embedded H2 store) and {@code --db URL} (another store,
 * e.g. PostgreSQL). A picocli mixin shared by every command that uses the store.
 */
final class StoreOptions {

    @Option(names = "--data", paramLabel = "DIR",
            description = "The data directory: saved reports and the embedded store. Default: $BULWARK_DATA or ~/.bulwark.")
    Path data;

    @Option(names = "--db", paramLabel = "URL", description = "The store's JDBC URL instead of the embedded one, e.g. "
            + "jdbc:postgresql://host/bulwark?user=u&password=p. Default: $BULWARK_DB, else an H2 database in the data "
            + "directory.")
    String db;

    /** @return the data directory */
    Path dataDir() {
        if (data != null) {
            return data;
        }
        String env = System.getenv("BULWARK_DATA");
        if (env != null && !env.isBlank()) {
            return Path.of(env);
        }
        return Path.of(System.getProperty("user.home"), ".bulwark");
    }

    /** @return the store's JDBC URL */
    String url() {
        if (db != null) {
            return db;
        }
        String env = System.getenv("BULWARK_DB");
        if (env != null && !env.isBlank()) {
            return env;
        }
        return AssessmentStoreFactory.embeddedUrl(dataDir());
    }

    /** Opens the store, or fails with {@link ExitCodes#STORE} and the reason. */
    AssessmentStore open(Services services) {
        try {
            return services.get(AssessmentStoreFactory.class).open(url());
        } catch (StoreException e) {
            throw failure(e);
        }
    }

    /** One piece of work on an open store. */
    @FunctionalInterface
    interface Work<T> {
        T run(AssessmentStore db) throws StoreException;
    }

    /**
     * Opens the store, runs {@code work} on it and closes it; a store failure ends the command with the exit code
     * {@link #failure} gives.
     */
    <T> T use(Services services, Work<T> work) {
        try (AssessmentStore db = open(services)) {
            return work.run(db);
        } catch (StoreException e) {
            throw failure(e);
        }
    }

    /** @return the exception to end a command with for {@code e}: bad input is a usage error, the rest a store error */
    static CliException failure(StoreException e) {
        return switch (e.reason()) {
            case INVALID_INPUT, NOT_FOUND -> new CliException(ExitCodes.USAGE, e.getMessage());
            default -> new CliException(ExitCodes.STORE, e.getMessage());
        };
    }
}
