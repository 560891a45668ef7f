package org.bulwark.cli.internal;

import java.nio.file.Path;
import java.util.Map;

import org.bulwark.operations.api.Location;
import org.bulwark.operations.api.Locations;
import org.bulwark.operations.api.OperationException;
import org.bulwark.operations.api.StoreOpener;
import org.bulwark.store.api.AssessmentStore;
import org.bulwark.store.api.StoreException;

import picocli.CommandLine.Option;

/**
 * Where the data lives: {@code --data DIR} (reports and the embedded H2 store) and {@code --db URL} (another store,
 * e.g. PostgreSQL), resolved by the {@link Locations} service. A picocli mixin shared by every command that uses
 * the data directory or the store.
 */
final class StoreOptions {

    /** The options of the JSON vocabulary's fields, where the command line names them otherwise. */
    private static final Map<String, String> OPTIONS = Map.of("controlId", "control");

    @Option(names = "--data", paramLabel = "DIR", description = "The data directory: saved reports and the embedded "
            + "store. Default: $BULWARK_DATA, else -Dbulwark.data, else data in bulwark.conf, else $XDG_DATA_HOME/bulwark (if there is no ~/.bulwark yet), else ~/.bulwark.")
    Path data;

    @Option(names = "--db", paramLabel = "URL", description = "The store's JDBC URL instead of the embedded one, e.g. "
            + "jdbc:postgresql://host/bulwark?user=u&password=p. Default: $BULWARK_DB, else -Dbulwark.db, else db in "
            + "bulwark.conf, else an H2 database in the data directory.")
    String db;

    /** @return where the data lives */
    Location location(Services services) {
        return services.get(Locations.class).resolve(data, db);
    }

    /** @return the data directory */
    Path dataDir(Services services) {
        return location(services).data();
    }

    /** @return an opener of the store */
    StoreOpener opener(Services services) {
        Locations locations = services.get(Locations.class);
        return locations.opener(locations.resolve(data, db));
    }

    /** Opens the store, or fails with {@link ExitCodes#STORE} and the reason. */
    AssessmentStore open(Services services) {
        try {
            return opener(services).open();
        } catch (StoreException e) {
            throw failure(e);
        }
    }

    /** One piece of work on an open store. */
    @FunctionalInterface
    interface Work<T> {
        T run(AssessmentStore db) throws StoreException, OperationException;
    }

    /**
     * Opens the store, runs {@code work} on it and closes it; a refusal or a store failure ends the command with
     * the exit code {@link #refused} or {@link #failure} gives.
     */
    <T> T use(Services services, Work<T> work) {
        try (AssessmentStore db = open(services)) {
            return work.run(db);
        } catch (StoreException e) {
            throw failure(e);
        } catch (OperationException e) {
            throw refused(e);
        }
    }

    /** @return the exception to end a command with for {@code e}: bad input is a usage error, the rest a store error */
    static CliException failure(StoreException e) {
        return switch (e.reason()) {
            case INVALID_INPUT, NOT_FOUND -> new CliException(ExitCodes.USAGE, e.getMessage());
            default -> new CliException(ExitCodes.STORE, e.getMessage());
        };
    }

    /**
     * @return a usage error for a refused operation, its field named as the option that gave it ({@code --target
     *         is required …}); nothing was written
     */
    static CliException refused(OperationException e) {
        return new CliException(ExitCodes.USAGE, optionMessage(e) + (e.getMessage().endsWith("nothing was written")
                ? "" : "; nothing was written"));
    }

    /** @return {@code e}'s message with its field, where the message begins with it, named as an option */
    static String optionMessage(OperationException e) {
        String m = e.getMessage();
        String field = e.field();
        if (field == null || !m.startsWith(field) || m.length() > field.length()
                && Character.isLetterOrDigit(m.charAt(field.length()))) {
            return m;
        }
        return "--" + OPTIONS.getOrDefault(field, field) + m.substring(field.length());
    }
}
