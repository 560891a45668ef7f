package org.bulwark.store.internal;

import static org.bulwark.store.internal.Sql.instant;
import static org.bulwark.store.internal.Sql.micros;
import static org.bulwark.store.internal.Sql.require;
import static org.bulwark.store.internal.Sql.setTime;
import static org.bulwark.store.internal.Sql.utc;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.bulwark.scoring.api.ControlException;
import org.bulwark.scoring.api.Justification;
import org.bulwark.store.api.StoreException;
import org.bulwark.store.api.StoreException.Reason;
import org.bulwark.store.api.StoredException;

/**
 * Stored exceptions ({@code control_exception}: created, updated, cancelled, never deleted) and the row mapping
 * of an exception, which {@code assessment_exception} shares. Runs in the caller's transaction.
 */
final class Exceptions {

    private static final String COLUMNS = "id, control_id, scope, target, justification, author, created, "
            + "expires, notes, cancelled, cancelled_by, updated, updated_by";

    /** A vulnerability id as feeds spell them: letters and digits joined by '-', '_', '.' or ':'. */
    private static final Pattern WEAKNESS_ID = Pattern.compile("[A-Za-z0-9]+([-_.:][A-Za-z0-9]+)+");

    private final Transactions tx;
    private final Devices devices;
    private final Controls controls;

    Exceptions(Transactions tx, Devices devices, Controls controls) {
        this.tx = tx;
        this.devices = devices;
        this.controls = controls;
    }

    /** @see org.bulwark.store.api.ExceptionStore#createException */
    StoredException create(ControlException e) throws SQLException, StoreException {
        require(!e.id().isBlank(), "the exception id must not be empty");
        require(e.author() != null && !e.author().isBlank(), "exception " + e.id() + ": the author is required");
        require(e.expires() == null || e.expires().isAfter(e.created()), "exception " + e.id()
                + ": it must expire after it is created (" + e.created() + ")");
        require(!Sql.exists(tx.connection(), "SELECT 1 FROM control_exception WHERE id = ?", e.id()),
                "exception id '" + e.id() + "' is taken");
        if (e.controlId().startsWith(ControlException.SOFTWARE_TARGET)) {
            String source = e.controlId().substring(ControlException.SOFTWARE_TARGET.length());
            require(Sql.exists(tx.connection(), "SELECT 1 FROM device_software WHERE source_name = ?", source),
                    "unknown software '" + source + "': no stored device has a package built from that source "
                            + "(see `bulwark software`)");
        } else if (e.controlId().startsWith(ControlException.CVE_TARGET)) {
            String id = e.controlId().substring(ControlException.CVE_TARGET.length());
            require(WEAKNESS_ID.matcher(id).matches(), "'" + id + "' is not a vulnerability id (CVE-2024-1234, "
                    + "DSA-5678-1, TEMP-0000000-ABCDEF, a GHSA or OSV id)");
        } else {
            require(controls.known(e.controlId()), "unknown control '" + e.controlId()
                    + "': no stored assessment has it (see `bulwark controls`)");
        }
        if (e.scope() == ControlException.Scope.DEVICE) {
            require(devices.exists(e.target()), "unknown device '" + e.target()
                    + "': no stored assessment of a device with that id (device exceptions name the machine id)");
        }
        if (e.scope() == ControlException.Scope.GROUP) {
            require(!e.target().isBlank(), "exception " + e.id() + ": the group name must not be empty");
        }
        ControlException stored = new ControlException(e.id(), e.controlId(), e.scope(),
                e.scope() == ControlException.Scope.GLOBAL ? null : e.target(), e.justification(), e.author(),
                micros(e.created()), e.expires() == null ? null : micros(e.expires()), e.notes());
        try (PreparedStatement p = tx.connection().prepareStatement("INSERT INTO control_exception (id, control_id, "
                + "scope, target, justification, author, created, expires, notes) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            p.setString(1, stored.id());
            bind(p, 2, stored);
            p.executeUpdate();
        }
        return new StoredException(stored, null, null);
    }

    /** @return every exception, by creation time then id */
    List<StoredException> all() throws SQLException {
        List<StoredException> out = new ArrayList<>();
        try (Statement s = tx.connection().createStatement();
                ResultSet r = s.executeQuery("SELECT " + COLUMNS + " FROM control_exception ORDER BY created, id")) {
            while (r.next()) {
                out.add(stored(r));
            }
        }
        return out;
    }

    /** @return the exceptions of {@code all} not cancelled at {@code now} (scoring checks their expiry) */
    static List<ControlException> inForce(List<StoredException> all, Instant now) {
        List<ControlException> out = new ArrayList<>();
        for (StoredException e : all) {
            if (e.cancelled() == null || now.isBefore(e.cancelled())) {
                out.add(e.exception());
            }
        }
        return out;
    }

    /** @see org.bulwark.store.api.ExceptionStore#cancelException */
    StoredException cancel(String id, String by, Instant at) throws SQLException, StoreException {
        Sql.lock(tx.connection(), "control_exception", id);
        StoredException found = find(id);
        require(found.cancelled() == null, "exception '" + id + "' was already cancelled at " + found.cancelled()
                + " by " + found.cancelledBy());
        require(by != null && !by.isBlank(), "who cancels the exception is required");
        Instant when = micros(at);
        try (PreparedStatement p = tx.connection().prepareStatement(
                "UPDATE control_exception SET cancelled = ?, cancelled_by = ? WHERE id = ?")) {
            p.setObject(1, utc(when));
            p.setString(2, by);
            p.setString(3, id);
            p.executeUpdate();
        }
        return new StoredException(found.exception(), when, by, found.updated(), found.updatedBy());
    }

    /** @see org.bulwark.store.api.ExceptionStore#updateException */
    StoredException update(String id, StoredException.Update u, String by, Instant at)
            throws SQLException, StoreException {
        Sql.lock(tx.connection(), "control_exception", id);
        StoredException found = find(id);
        ControlException e = found.exception();
        require(found.cancelled() == null, "exception '" + id + "' was cancelled at " + found.cancelled()
                + " by " + found.cancelledBy() + "; a cancelled exception cannot be updated");
        require(u != null && !u.isEmpty(), "exception '" + id
                + "': nothing to update (give a new expiry, no expiry, notes or a justification)");
        require(u.expires() == null || !u.noExpiry(), "exception '" + id
                + "': give either a new expiry or no expiry, not both");
        require(u.expires() == null || u.expires().isAfter(e.created()), "exception '" + id
                + "': it must expire after it is created (" + e.created() + ")");
        require(by != null && !by.isBlank(), "who updates the exception is required");
        Instant expires = u.noExpiry() ? null : u.expires() != null ? micros(u.expires()) : e.expires();
        String notes = u.notes() == null ? e.notes() : u.notes().isEmpty() ? null : u.notes();
        ControlException updated = new ControlException(e.id(), e.controlId(), e.scope(), e.target(),
                u.justification() == null ? e.justification() : u.justification(), e.author(), e.created(),
                expires, notes);
        Instant when = micros(at);
        try (PreparedStatement p = tx.connection().prepareStatement("UPDATE control_exception SET expires = ?, "
                + "notes = ?, justification = ?, updated = ?, updated_by = ? WHERE id = ?")) {
            setTime(p, 1, expires);
            p.setString(2, notes);
            p.setString(3, updated.justification().name());
            p.setObject(4, utc(when));
            p.setString(5, by);
            p.setString(6, id);
            p.executeUpdate();
        }
        return new StoredException(updated, null, null, when, by);
    }

    /** @return the exception {@code id}; NOT_FOUND when there is none */
    private StoredException find(String id) throws SQLException, StoreException {
        try (PreparedStatement p = tx.connection().prepareStatement(
                "SELECT " + COLUMNS + " FROM control_exception WHERE id = ?")) {
            p.setString(1, id);
            try (ResultSet r = p.executeQuery()) {
                if (r.next()) {
                    return stored(r);
                }
            }
        }
        throw new StoreException(Reason.NOT_FOUND, "no exception '" + id + "' (see `bulwark exception list`)");
    }

    private static StoredException stored(ResultSet r) throws SQLException {
        return new StoredException(read(r, 1), instant(r, 10), r.getString(11), instant(r, 12), r.getString(13));
    }

    /** Binds an exception's columns from control_id to notes, from parameter {@code from} on. */
    static void bind(PreparedStatement p, int from, ControlException e) throws SQLException {
        int i = from;
        p.setString(i++, e.controlId());
        p.setString(i++, e.scope().name());
        p.setString(i++, e.target());
        p.setString(i++, e.justification().name());
        p.setString(i++, e.author());
        setTime(p, i++, e.created());
        setTime(p, i++, e.expires());
        p.setString(i, e.notes());
    }

    /** Reads an exception's columns from id to notes, from column {@code from} on. */
    static ControlException read(ResultSet r, int from) throws SQLException {
        int i = from;
        return new ControlException(r.getString(i), r.getString(i + 1),
                ControlException.Scope.valueOf(r.getString(i + 2)), r.getString(i + 3),
                Justification.valueOf(r.getString(i + 4)), r.getString(i + 5), instant(r, i + 6), instant(r, i + 7),
                r.getString(i + 8));
    }
}
