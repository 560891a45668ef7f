package org.bulwark.operations.api;

import java.nio.file.Path;
import java.util.Objects;
import java.util.regex.Pattern;

import org.bulwark.store.api.AssessmentStoreFactory;

/**
 * Where Bulwark's data lives: the data directory (saved reports, the embedded store, a server's tokens and group
 * rules) and the store.
 *
 * @param data the data directory
 * @param db   the store's JDBC URL, or {@code null} for the embedded H2 store in {@code data}
 */
public record Location(Path data, String db) {

    private static final Pattern QUERY_PASSWORD = Pattern.compile("(?i)(password=)[^&;]*");
    private static final Pattern USER_INFO = Pattern.compile("(//[^/:@?#]*):[^/@?#]*@");

    public Location {
        Objects.requireNonNull(data, "data");
        db = db == null || db.isBlank() ? null : db;
    }

    /** @return the store's JDBC URL: {@link #db()}, else the embedded store of {@link #data()} */
    public String jdbcUrl() {
        return db != null ? db : AssessmentStoreFactory.embeddedUrl(data);
    }

    /** @return the directory of saved reports, {@code reports} in the data directory */
    public Path reports() {
        return data.resolve("reports");
    }

    /** @return the store for messages: the redacted JDBC URL, or the data directory for the embedded store */
    public String describe() {
        return db != null ? redact(db) : data.toString();
    }

    /**
     * @return {@code url} without credentials: the value of every {@code password=} parameter and the password of
     *         a {@code user:password@} part replaced by {@code ***}; {@code null} stays {@code null}
     */
    public static String redact(String url) {
        if (url == null) {
            return null;
        }
        String s = QUERY_PASSWORD.matcher(url).replaceAll("$1***");
        return USER_INFO.matcher(s).replaceAll("$1:***@");
    }
}
