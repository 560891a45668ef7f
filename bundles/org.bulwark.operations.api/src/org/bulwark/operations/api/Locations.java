package org.bulwark.operations.api;

import java.nio.file.Path;

import org.osgi.annotation.versioning.ProviderType;

/** Decides where the data lives, the same way for every front end. A stateless, thread-safe service. */
@ProviderType
public interface Locations {

    /** The environment variable naming the data directory. */
    String DATA_ENV = "BULWARK_DATA";
    /** The environment variable naming the store's JDBC URL. */
    String DB_ENV = "BULWARK_DB";
    /** The system property naming the data directory. */
    String DATA_PROPERTY = "bulwark.data";
    /** The system property naming the store's JDBC URL. */
    String DB_PROPERTY = "bulwark.db";

    /**
     * Resolves the location. For each of the data directory and the store, the first that is given and not blank
     * wins: the flag, the environment ({@value #DATA_ENV}, {@value #DB_ENV}), the system property
     * ({@value #DATA_PROPERTY}, {@value #DB_PROPERTY}); the data directory defaults to {@code ~/.bulwark}, where
     * {@code ~} is {@code $HOME} when set, else Java's {@code user.home}; the store defaults to the embedded one in
     * the data directory.
     *
     * @param dataFlag the data directory given on the command line, or {@code null}
     * @param dbFlag   the JDBC URL given on the command line, or {@code null}
     */
    Location resolve(Path dataFlag, String dbFlag);

    /** @return an opener of the store at {@code location}, each call a new connection pool the caller closes */
    StoreOpener opener(Location location);

    /** @return {@code url} without credentials, as {@link Location#redact(String)} */
    default String redact(String url) {
        return Location.redact(url);
    }
}
