package org.bulwark.ui.internal.model;

import java.nio.file.Path;

import org.bulwark.store.api.AssessmentStoreFactory;

/**
 * Where the workbench's data lives, as for the command line: the data directory is {@code -Dbulwark.data} (the
 * {@code bulwark} script passes the real user's {@code ~/.bulwark} or {@code $BULWARK_DATA}, because the
 * workbench runs with a temporary {@code user.home} for SWT and GTK), the store is {@code -Dbulwark.db} or
 * {@code $BULWARK_DB}, else the embedded one in the data directory.
 *
 * @param data the data directory
 * @param db   the store's JDBC URL, or {@code null} for the embedded store in {@code data}
 * @param root the filesystem to assess, normally {@code /}
 */
public record DataLocation(Path data, String db, Path root) {

    /** @return the location from system properties and the environment */
    public static DataLocation fromSystem() {
        String data = System.getProperty("bulwark.data");
        if (data == null || data.isBlank()) {
            data = System.getenv("BULWARK_DATA");
        }
        Path dir = data == null || data.isBlank() ? Path.of(System.getProperty("user.home"), ".bulwark")
                : Path.of(data);
        String db = System.getProperty("bulwark.db");
        if (db == null || db.isBlank()) {
            db = System.getenv("BULWARK_DB");
        }
        String root = System.getProperty("bulwark.root", "/");
        return new DataLocation(dir, db == null || db.isBlank() ? null : db, Path.of(root));
    }

    public String jdbcUrl() {
        return db != null ? db : AssessmentStoreFactory.embeddedUrl(data);
    }

    /** @return the store for messages, without credentials */
    public String describe() {
        return db != null ? db.replaceAll("password=[^&]*", "password=…") : data.toString();
    }
}
