package org.bulwark.store.internal;

import java.sql.Driver;
import java.util.Locale;

import org.bulwark.store.api.StoreException;
import org.bulwark.store.api.StoreException.Reason;

/**
 * A store's JDBC URL: which driver takes it, how it is shown (without its password), and the H2 settings the
 * store adds unless the URL sets them itself.
 */
final class StoreUrl {

    private StoreUrl() {
    }

    /** @return {@code url} without its password, for messages */
    static String redact(String url) {
        return url == null ? "null" : url.replaceAll("(?i)(password=)[^&;]*", "$1***");
    }

    static boolean h2(String url) {
        return url != null && url.startsWith("jdbc:h2:");
    }

    /** @return whether {@code url} names an H2 database kept in a file (not in memory) */
    static boolean h2File(String url) {
        return h2(url) && !url.startsWith("jdbc:h2:mem:");
    }

    /**
     * @return the driver for {@code url}: H2's or PostgreSQL's, instantiated directly (both bundles are imported
     *         normally) rather than waited for as {@code DataSourceFactory} services
     * @throws StoreException UNAVAILABLE for anything else
     */
    static Driver driver(String url, String where) throws StoreException {
        if (url == null || !url.startsWith("jdbc:")) {
            throw new StoreException(Reason.UNAVAILABLE, "not a JDBC URL: '" + where
                    + "' (expected jdbc:h2:… or jdbc:postgresql://host/database)");
        }
        if (h2(url)) {
            return new org.h2.Driver();
        }
        if (url.startsWith("jdbc:postgresql:")) {
            return new org.postgresql.Driver();
        }
        throw new StoreException(Reason.UNAVAILABLE, "unsupported database '" + where
                + "': Bulwark stores in H2 (jdbc:h2:…) or PostgreSQL (jdbc:postgresql://…)");
    }

    /**
     * @return {@code url} with the store's H2 settings, each unless the URL sets it:
     *         <ul>
     *         <li>{@code CACHE_SIZE}: a page cache of an eighth of the heap (32 to 512 MiB); H2's default of 16 MiB
     *         holds a small part of a fleet's result index, and every upload then reads pages back. The cache
     *         fills only as pages are used.</li>
     *         <li>{@code QUERY_CACHE_SIZE=64}: a statement cache per connection that holds every statement of a
     *         save (H2 keeps 8).</li>
     *         <li>for a file database, the settings of {@link H2Durability}.</li>
     *         </ul>
     */
    static String withSettings(String url) {
        if (!h2(url)) {
            return url;
        }
        String upper = url.toUpperCase(Locale.ROOT);
        StringBuilder out = new StringBuilder(url);
        if (!upper.contains(";CACHE_SIZE=")) {
            long kib = Math.max(32L * 1024, Math.min(512L * 1024, Runtime.getRuntime().maxMemory() / 8 / 1024));
            out.append(";CACHE_SIZE=").append(kib);
        }
        if (!upper.contains(";QUERY_CACHE_SIZE=")) {
            out.append(";QUERY_CACHE_SIZE=64");
        }
        if (h2File(url)) {
            for (String setting : H2Durability.SETTINGS) {
                if (!upper.contains(";" + setting.substring(0, setting.indexOf('=') + 1))) {
                    out.append(';').append(setting);
                }
            }
        }
        return out.toString();
    }
}
