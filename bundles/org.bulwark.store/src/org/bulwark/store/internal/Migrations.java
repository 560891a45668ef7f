package org.bulwark.store.internal;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
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
import java.util.Map;
import java.util.TreeMap;

import org.bulwark.store.api.StoreException;

/**
 * Brings a database's schema up to date with numbered SQL files ({@code migrations/V<n>__<what>.sql} beside this
 * class) and a {@code schema_version} table holding one row per applied migration. Each migration runs in its
 * own transaction (PostgreSQL rolls DDL back; H2 commits each DDL statement, so a migration interrupted there is
 * repaired by hand — migrations are small and run once). A database whose version is newer than {@link #FILES}
 * knows is refused before anything is written, and so is one to which a migration was applied whose file has
 * changed since (the SHA-256 of each applied file is recorded). Stores opening one database at once migrate one
 * after the other ({@link SchemaLock}).
 */
final class Migrations {

    /** Every migration, in order: version n is {@code FILES.get(n - 1)}. Append only. */
    static final List<String> FILES = List.of("V1__initial.sql", "V2__compressed_reports.sql",
            "V3__updates_and_cancellations.sql", "V4__compact_results.sql", "V5__software.sql",
            "V6__feeds.sql", "V7__device_platform.sql",
            "V8__exposure_score.sql");

    private Migrations() {
    }

    /** @return the schema version this code writes */
    static int latest() {
        return FILES.size();
    }

    /** Applies the missing migrations; returns the version the database has afterwards. */
    static int apply(Connection c, String where) throws StoreException {
        return apply(c, where, Migrations::read);
    }

    /** The bytes of a migration file, by name; the bundle's own but in tests. */
    @FunctionalInterface
    interface Source {
        byte[] read(String file) throws SQLException;
    }

    /**
     * Applies the missing migrations under the schema's lock ({@link SchemaLock}), after checking that each applied
     * one is still the file that was applied (its SHA-256 in {@code schema_version.checksum}).
     *
     * @throws StoreException SCHEMA_TOO_NEW for a newer schema; FAILED naming the file when an applied migration was
     *                        edited, and when a statement fails (that migration is rolled back)
     */
    static int apply(Connection c, String where, Source source) throws StoreException {
        try (SchemaLock lock = SchemaLock.take(c)) {
            return applyLocked(c, where, source);
        } catch (SQLException e) {
            rollback(c);
            throw new StoreException(StoreException.Reason.FAILED, "cannot bring the schema of the store at " + where
                    + " up to date: " + e.getMessage(), e);
        }
    }

    private static int applyLocked(Connection c, String where, Source source) throws StoreException, SQLException {
        boolean hasTable = hasVersionTable(c);
        int current = hasTable ? current(c) : 0;
        c.commit();
        if (current > latest()) {
            throw new StoreException(StoreException.Reason.SCHEMA_TOO_NEW, "the store at " + where
                    + " has schema version " + current + ", newer than this Bulwark knows (" + latest()
                    + "): it was written by a newer Bulwark; nothing was changed. Use that version, or "
                    + "another store (--data DIR or --db URL)");
        }
        if (hasTable) {
            verify(c, where, source);
        }
        for (int v = current + 1; v <= latest(); v++) {
            String file = FILES.get(v - 1);
            byte[] bytes = source.read(file);
            try (Statement s = c.createStatement()) {
                if (!hasTable) {
                    s.execute("CREATE TABLE schema_version (version INTEGER PRIMARY KEY, "
                            + "description VARCHAR(400) NOT NULL, applied TIMESTAMP WITH TIME ZONE NOT NULL, "
                            + "checksum VARCHAR(64))");
                    hasTable = true;
                }
                for (String sql : statements(file, bytes)) {
                    s.execute(sql);
                }
            }
            try (PreparedStatement p = c.prepareStatement(
                    "INSERT INTO schema_version (version, description, applied, checksum) VALUES (?, ?, ?, ?)")) {
                p.setInt(1, v);
                p.setString(2, file);
                p.setObject(3, OffsetDateTime.ofInstant(Instant.now(), ZoneOffset.UTC));
                p.setString(4, sha256(bytes));
                p.executeUpdate();
            }
            c.commit();
        }
        return latest() > current ? latest() : current;
    }

    /**
     * Compares every applied migration this code knows with its file. A row without a checksum (applied before
     * checksums were recorded, schema_version without the column) gets the file's: it is trusted once.
     */
    private static void verify(Connection c, String where, Source source) throws StoreException, SQLException {
        if (!hasColumn(c, "checksum")) {
            try (Statement s = c.createStatement()) {
                s.execute("ALTER TABLE schema_version ADD COLUMN checksum VARCHAR(64)");
            }
            c.commit();
        }
        Map<Integer, String> recorded = new TreeMap<>();
        try (Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT version, checksum FROM schema_version WHERE version <= "
                        + latest())) {
            while (r.next()) {
                recorded.put(r.getInt(1), r.getString(2));
            }
        }
        for (Map.Entry<Integer, String> e : recorded.entrySet()) {
            String file = FILES.get(e.getKey() - 1);
            String now = sha256(source.read(file));
            if (e.getValue() == null) {
                try (PreparedStatement p = c.prepareStatement(
                        "UPDATE schema_version SET checksum = ? WHERE version = ? AND checksum IS NULL")) {
                    p.setString(1, now);
                    p.setInt(2, e.getKey());
                    p.executeUpdate();
                }
            } else if (!e.getValue().equalsIgnoreCase(now)) {
                c.rollback();
                throw new StoreException(StoreException.Reason.FAILED, "the store at " + where
                        + " was migrated with another " + file + " (schema version " + e.getKey() + ", SHA-256 "
                        + e.getValue() + ") than this Bulwark's (" + now + "): an applied migration was edited; "
                        + "nothing was changed. Restore the file, or repair the schema by hand");
            }
        }
        c.commit();
    }

    private static boolean hasColumn(Connection c, String column) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT * FROM schema_version WHERE 1 = 0")) {
            java.sql.ResultSetMetaData m = r.getMetaData();
            for (int i = 1; i <= m.getColumnCount(); i++) {
                if (m.getColumnName(i).equalsIgnoreCase(column)) {
                    return true;
                }
            }
            return false;
        } finally {
            c.commit();
        }
    }

    /** @return the lower-case hex SHA-256 of {@code bytes} */
    static String sha256(byte[] bytes) {
        try {
            return java.util.HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
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

    /** @return the bytes of the bundle's migration {@code file} */
    static byte[] read(String file) throws SQLException {
        try (InputStream in = Migrations.class.getResourceAsStream("migrations/" + file)) {
            if (in == null) {
                throw new SQLException("migration " + file + " is missing from the store bundle");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new SQLException("cannot read migration " + file + ": " + e.getMessage(), e);
        }
    }

    /** @return the statements of a migration file: split at {@code ;} ending a line; {@code --} comments dropped */
    static List<String> statements(String file) throws SQLException {
        return statements(file, read(file));
    }

    static List<String> statements(String file, byte[] bytes) throws SQLException {
        String text = new String(bytes, StandardCharsets.UTF_8);
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
