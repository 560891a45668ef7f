package org.bulwark.store.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.bulwark.store.api.StoreException;
import org.bulwark.store.api.StoreException.Reason;

/** Small JDBC helpers every aggregate uses: UTC times at microsecond precision, binding, locking, input checks. */
final class Sql {

    private Sql() {
    }

    /** @return {@code t} at the precision both databases keep (PostgreSQL's microseconds) */
    static Instant micros(Instant t) {
        return t.truncatedTo(ChronoUnit.MICROS);
    }

    static OffsetDateTime utc(Instant t) {
        return OffsetDateTime.ofInstant(t, ZoneOffset.UTC);
    }

    /** Binds {@code t} (at microseconds) or SQL NULL. */
    static void setTime(PreparedStatement p, int index, Instant t) throws SQLException {
        if (t == null) {
            p.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            p.setObject(index, utc(micros(t)));
        }
    }

    static Instant instant(ResultSet r, int column) throws SQLException {
        OffsetDateTime t = r.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    static String nn(String s) {
        return s == null ? "" : s;
    }

    static void bind(PreparedStatement p, List<Object> params) throws SQLException {
        for (int i = 0; i < params.size(); i++) {
            p.setObject(i + 1, params.get(i));
        }
    }

    /** @return whether {@code sql} with its one string parameter finds a row */
    static boolean exists(Connection c, String sql, String param) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(sql)) {
            p.setString(1, param);
            try (ResultSet r = p.executeQuery()) {
                return r.next();
            }
        }
    }

    /**
     * Locks a row until the transaction ends ({@code SELECT … FOR UPDATE}, in H2 and PostgreSQL), so that the
     * status read next is the one the update applies to: a concurrent cancel, completion, update or recount of
     * the same row waits, and then reads what this one committed.
     */
    static void lock(Connection c, String table, Object id) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("SELECT id FROM " + table + " WHERE id = ? FOR UPDATE")) {
            p.setObject(1, id);
            try (ResultSet r = p.executeQuery()) {
                r.next(); // a missing row is reported by the caller's own read
            }
        }
    }

    /** INVALID_INPUT with {@code message} unless {@code ok}: bad input, rolled back with the transaction. */
    static void require(boolean ok, String message) throws StoreException {
        if (!ok) {
            throw invalid(message);
        }
    }

    static StoreException invalid(String message) {
        return new StoreException(Reason.INVALID_INPUT, message + "; nothing was written");
    }
}
