package org.bulwark.store.api;

import java.nio.file.Path;

import org.osgi.annotation.versioning.ProviderType;

/** Opens stores. A stateless, thread-safe service. */
@ProviderType
public interface AssessmentStoreFactory {

    /** The database file name (without H2's {@code .mv.db}) in the data directory. */
    String DEFAULT_DATABASE = "bulwark";

    /**
     * @return the JDBC URL of the embedded default store in {@code dataDirectory}: an H2 file database named
     *         {@value #DEFAULT_DATABASE}
     */
    static String embeddedUrl(Path dataDirectory) {
        return "jdbc:h2:file:" + dataDirectory.toAbsolutePath().normalize().resolve(DEFAULT_DATABASE);
    }

    /**
     * Opens the store at {@code jdbcUrl} ({@code jdbc:h2:…} or {@code jdbc:postgresql://host/db?user=…}) and
     * brings its schema up to date: migrations the database lacks are applied, each in its own transaction.
     *
     * @throws StoreException {@link StoreException.Reason#UNAVAILABLE} when the database cannot be reached or the
     *                        URL names an unsupported database; {@link StoreException.Reason#SCHEMA_TOO_NEW} when
     *                        the database was written by a newer Bulwark (nothing is changed)
     */
    AssessmentStore open(String jdbcUrl) throws StoreException;
}
