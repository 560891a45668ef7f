package org.bulwark.store.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.bulwark.store.api.StoreException;

/**
 * Brings a database's schema up to date with numbered SQL files ({@code migrations/V<n>__<what>.sql} beside this
 * class) and a {@code schema_version} table holding one row per applied migration. Each migration runs in its
 * own transaction (PostgreSQL rolls DDL back; H2 commits each DDL statement, so a migration interrupted there is
 * repaired by hand — migrations are small and run once). A database whose version is newer than {@link #FILES}
 * knows is refused before anything is written.
 */
final class Migrations {

    /** Every migration, in order: version n is {@code FILES.get(n - 1)}. Append only. */
    static final List<String> FILES = List.of("V1__initial.sql", "V2__compressed_reports.sql",
            "V3__updates_and_cancellations.sql", "V4__compact_results.sql", "V5__software.sql",
            "V6__feeds.sql");

    private Migrations() {
    }

    /** @return the schema version this code writes */
    static int latest() {
        return FILES.size();
    }

    /** Applies the missing migrations; returns the version the database has afterwards. */
    static int apply(Connection c, String where) throws StoreException {
        try {
            boolean hasTable = hasVersionTable(c);
            int current = hasTable ? current(c) : 0;
            c.commit();
            if (current > latest()) {
                throw new StoreException(StoreException.Reason.SCHEMA_TOO_NEW, "the store at " + where
                        + " has schema version " + current + ", newer than this Bulwark knows (" + latest()
                        + "): it was written by a newer Bulwark; nothing was changed. Use that version, or "
                        + "another store (--data DIR or --db URL)");
            }
            for (int v = current + 1; v <= latest(); v++) {
                try (Statement s = c.createStatement()) {
                    if (!hasTable) {
                        s.execute("CREATE TABLE schema_version (version INTEGER PRIMARY KEY, "
                                + "description VARCHAR(400) NOT NULL, applied TIMESTAMP WITH TIME ZONE NOT NULL)");
                        hasTable = true;
                    }
                    for (String sql : statements(FILES.get(v - 1))) {
                        s.execute(sql);
                    }
                }
                try (PreparedStatement p = c.prepareStatement(
                        "INSERT INTO schema_version (version, description, applied) VALUES (?, ?, ?)")) {
                    p.setInt(1, v);
                    p.setString(2, FILES.get(v - 1));
                    p.setObject(3, OffsetDateTime.ofInstant(Instant.now(), ZoneOffset.UTC));
                    p.executeUpdate();
                }
                c.commit();
            }
            return latest() > current ? latest() : current;
        } catch (SQLException e) {
            rollback(c);
            throw new StoreException(StoreException.Reason.FAILED, "cannot bring the schema of the store at " + where
                    + " up to date: " + e.getMessage(), e);
        }
    }

    static int current(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT MAX(version) FROM schema_version")) {
            return r.next() ? r.getInt(1) : 0;
        }
    }

    private static boolean hasVersionTable(Connection c) throws SQLException {
        DatabaseMetaData meta = c.getMetaData();
        String schema = c.getSchema();
        for (String name : new String[] { "schema_version", "SCHEMA_VERSION" }) {
            try (ResultSet r = meta.getTables(null, schema, name, new String[] { "TABLE", "BASE TABLE" })) {
                if (r.next()) {
                    return true;
                }
            }
        }
        return false;
    }

    /** @return the statements of a migration file: split at {@code ;} ending a line; {@code --} comments dropped */
    static List<String> statements(String file) throws SQLException {
        String text;
        try (InputStream in = Migrations.class.getResourceAsStream("migrations/" + file)) {
            if (in == null) {
                throw new SQLException("migration " + file + " is missing from the store bundle");
            }
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new SQLException("cannot read migration " + file + ": " + e.getMessage(), e);
        }
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : text.split("\n")) {
            String l = line.strip();
            if (l.isEmpty() || l.startsWith("--")) {
                continue;
            }
            current.append(line).append('\n');
            if (l.endsWith(";")) {
                String sql = current.toString().strip();
                out.add(sql.substring(0, sql.length() - 1));
                current.setLength(0);
            }
        }
        if (!current.toString().isBlank()) {
            throw new SQLException("migration " + file + " ends without ';'");
        }
        return out;
    }

    static void rollback(Connection c) {
        try {
            c.rollback();
        } catch (SQLException ignored) {
            // the original failure is what the caller reports
        }
    }
}
