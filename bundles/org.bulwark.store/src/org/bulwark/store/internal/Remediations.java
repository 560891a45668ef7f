package org.bulwark.store.internal;

import static org.bulwark.store.internal.Sql.instant;
import static org.bulwark.store.internal.Sql.require;
import static org.bulwark.store.internal.Sql.setTime;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.bulwark.collector.api.Category;
import org.bulwark.scoring.api.ResultState;
import org.bulwark.store.api.Remediation;
import org.bulwark.store.api.StoreException;
import org.bulwark.store.api.StoreException.Reason;
import org.bulwark.store.internal.RemediationRules.Change;
import org.bulwark.store.internal.RemediationRules.Progress;

/**
 * Remediation activities ({@code remediation}, {@code remediation_device}): created, recounted when an assessment
 * of their control is stored, updated, completed or cancelled as {@link RemediationRules} allow. Runs in the
 * caller's transaction; a change locks the activity's row first, so concurrent changes of one activity apply one
 * after the other.
 */
final class Remediations {

    private static final String COLUMNS = "title, control_id, category, scope, group_name, priority, due, notes, "
            + "requester, created, status, completion, completed, target_devices, fixed_devices, cancelled, "
            + "cancelled_by, updated, updated_by";

    private final Transactions tx;
    private final Devices devices;
    private final Controls controls;
    private final ResultStateCache states;
    private final ResultStateCache.Loader results;

    /** @param results reads an assessment's results, for {@code states} */
    Remediations(Transactions tx, Devices devices, Controls controls, ResultStateCache states,
            ResultStateCache.Loader results) {
        this.tx = tx;
        this.devices = devices;
        this.controls = controls;
        this.states = states;
        this.results = results;
    }

    /** @see org.bulwark.store.api.RemediationStore#createRemediation */
    Remediation create(Remediation.Request q, Instant now) throws SQLException, StoreException {
        require(q.title() != null && !q.title().isBlank(), "the title is required");
        require(q.requester() != null && !q.requester().isBlank(), "the requester is required");
        require(q.controlId() != null && !q.controlId().isBlank(), "the control is required");
        require(q.scope() != null, "the scope (devices or group) is required");
        require(q.priority() != null, "the priority (high, medium or low) is required");
        String category = controls.category(q.controlId());
        require(category != null, "unknown control '" + q.controlId()
                + "': no stored assessment has it (see `bulwark controls`)");
        String due = RemediationRules.dueDateProblem(q.due(), now);
        require(due == null, due + "; leave it out for \"attention required\"");
        if (q.scope() == Remediation.Scope.DEVICES) {
            require(!q.devices().isEmpty(), "scope devices needs at least one device");
            for (String d : q.devices()) {
                require(devices.exists(d), "unknown device '" + d + "': no stored assessment of a device with that id");
            }
        } else {
            require(q.group() != null && !q.group().isBlank(), "scope group needs a group name");
        }
        long id;
        try (PreparedStatement p = tx.connection().prepareStatement("INSERT INTO remediation (title, control_id, "
                + "category, scope, group_name, priority, due, notes, requester, created, status, completion, "
                + "completed, target_devices, fixed_devices) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, NULL, "
                + "0, 0)", Statement.RETURN_GENERATED_KEYS)) {
            p.setString(1, q.title().strip());
            p.setString(2, q.controlId());
            p.setString(3, category);
            p.setString(4, q.scope().name());
            p.setString(5, q.scope() == Remediation.Scope.GROUP ? q.group() : null);
            p.setString(6, q.priority().name());
            setDate(p, 7, q.due());
            p.setString(8, q.notes());
            p.setString(9, q.requester());
            setTime(p, 10, now);
            p.setString(11, Remediation.Status.ACTIVE.name());
            p.executeUpdate();
            try (ResultSet keys = p.getGeneratedKeys()) {
                keys.next();
                id = keys.getLong(1);
            }
        }
        if (q.scope() == Remediation.Scope.DEVICES) {
            try (PreparedStatement p = tx.connection().prepareStatement(
                    "INSERT INTO remediation_device (remediation_id, device_id) VALUES (?, ?)")) {
                for (String d : new TreeSet<>(q.devices())) {
                    p.setLong(1, id);
                    p.setString(2, d);
                    p.addBatch();
                }
                p.executeBatch();
            }
        }
        recount(id, false, null);
        return find(id);
    }

    /** @return every activity, by id */
    List<Remediation> all() throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (Statement s = tx.connection().createStatement();
                ResultSet r = s.executeQuery("SELECT id FROM remediation ORDER BY id")) {
            while (r.next()) {
                ids.add(r.getLong(1));
            }
        }
        List<Remediation> out = new ArrayList<>();
        for (long id : ids) {
            out.add(find(id));
        }
        return out;
    }

    /** @see org.bulwark.store.api.RemediationStore#completeRemediation */
    Remediation complete(long id, Instant at) throws SQLException, StoreException {
        allow(id, Change.COMPLETE);
        try (PreparedStatement p = tx.connection().prepareStatement(
                "UPDATE remediation SET status = ?, completion = ?, completed = ? WHERE id = ?")) {
            p.setString(1, Change.COMPLETE.result().name());
            p.setString(2, Remediation.Completion.MANUAL.name());
            setTime(p, 3, at);
            p.setLong(4, id);
            p.executeUpdate();
        }
        return find(id);
    }

    /** @see org.bulwark.store.api.RemediationStore#updateRemediation */
    Remediation update(long id, Remediation.Update u, String by, Instant at) throws SQLException, StoreException {
        Remediation r = allow(id, Change.UPDATE);
        require(u != null && !u.isEmpty(), "remediation activity #" + id
                + ": nothing to update (give a title, priority, due date or notes)");
        require(u.title() == null || !u.title().isBlank(), "the title must not be empty");
        String dueProblem = RemediationRules.dueDateProblem(u.due(), at);
        require(dueProblem == null, dueProblem);
        require(by != null && !by.isBlank(), "who updates the activity is required");
        require(u.due() == null || !u.noDue(), "remediation activity #" + id
                + ": give either a new due date or no due date, not both");
        LocalDate due = u.noDue() ? null : u.due() == null ? r.due() : u.due();
        try (PreparedStatement p = tx.connection().prepareStatement("UPDATE remediation SET title = ?, "
                + "priority = ?, due = ?, notes = ?, updated = ?, updated_by = ? WHERE id = ?")) {
            p.setString(1, u.title() == null ? r.title() : u.title().strip());
            p.setString(2, (u.priority() == null ? r.priority() : u.priority()).name());
            setDate(p, 3, due);
            p.setString(4, u.notes() == null ? r.notes() : u.notes().isEmpty() ? null : u.notes());
            setTime(p, 5, at);
            p.setString(6, by);
            p.setLong(7, id);
            p.executeUpdate();
        }
        return find(id);
    }

    /** @see org.bulwark.store.api.RemediationStore#cancelRemediation */
    Remediation cancel(long id, String by, Instant at) throws SQLException, StoreException {
        allow(id, Change.CANCEL);
        require(by != null && !by.isBlank(), "who cancels the activity is required");
        try (PreparedStatement p = tx.connection().prepareStatement(
                "UPDATE remediation SET status = ?, cancelled = ?, cancelled_by = ? WHERE id = ?")) {
            p.setString(1, Change.CANCEL.result().name());
            setTime(p, 2, at);
            p.setString(3, by);
            p.setLong(4, id);
            p.executeUpdate();
        }
        return find(id);
    }

    /**
     * Locks activity {@code id} and checks that it allows {@code change}.
     *
     * @return the activity
     * @throws StoreException NOT_FOUND for an unknown id; INVALID_INPUT when the change is not allowed
     */
    private Remediation allow(long id, Change change) throws SQLException, StoreException {
        Sql.lock(tx.connection(), "remediation", id);
        Remediation r = find(id);
        if (r == null) {
            throw new StoreException(Reason.NOT_FOUND, "no remediation activity #" + id
                    + " (see `bulwark remediation list`)");
        }
        String refusal = RemediationRules.refusal(r, change);
        require(refusal == null, refusal);
        return r;
    }

    /**
     * Recounts the active activities for {@code controls} (completed and cancelled ones are final); completes
     * those every target now passes.
     */
    void recountFor(Set<String> controls, Instant at) throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (PreparedStatement p = tx.connection().prepareStatement(
                "SELECT id, control_id FROM remediation WHERE status = ? ORDER BY id")) {
            p.setString(1, Remediation.Status.ACTIVE.name());
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    if (controls.contains(r.getString(2))) {
                        ids.add(r.getLong(1));
                    }
                }
            }
        }
        for (long id : ids) { // in id order: concurrent saves lock the same activities in the same order
            Sql.lock(tx.connection(), "remediation", id);
        }
        for (long id : ids) {
            recount(id, true, at);
        }
    }

    /**
     * Counts an activity's target devices (its devices, or the devices now in its group) and those whose latest
     * stored assessment passes its control; with {@code confirm}, completes it when every target passes.
     */
    private void recount(long id, boolean confirm, Instant at) throws SQLException {
        String targets = "SELECT rd.device_id FROM remediation_device rd WHERE rd.remediation_id = ? "
                + "UNION SELECT g.device_id FROM device_group g JOIN remediation m ON m.group_name = g.group_name "
                + "WHERE m.id = ? AND m.scope = 'GROUP'";
        String control = null;
        try (PreparedStatement p = tx.connection().prepareStatement("SELECT control_id FROM remediation WHERE id = ?")) {
            p.setLong(1, id);
            try (ResultSet r = p.executeQuery()) {
                if (r.next()) {
                    control = r.getString(1);
                }
            }
        }
        List<Long> latest = new ArrayList<>();
        try (PreparedStatement p = tx.connection().prepareStatement("SELECT t.device_id, (SELECT MAX(a.id) FROM "
                + "assessment a WHERE a.device_id = t.device_id) FROM (" + targets + ") t")) {
            p.setLong(1, id);
            p.setLong(2, id);
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    long a = r.getLong(2);
                    latest.add(r.wasNull() ? null : a);
                }
            }
        }
        List<ResultState> latestStates = new ArrayList<>(latest.size());
        for (Long a : latest) {
            latestStates.add(a == null || control == null ? null : states.stateOf(a, control, results));
        }
        Progress progress = RemediationRules.progress(latestStates);
        boolean complete = confirm && progress.confirmed();
        try (PreparedStatement p = tx.connection().prepareStatement("UPDATE remediation SET target_devices = ?, "
                + "fixed_devices = ?" + (complete ? ", status = ?, completion = ?, completed = ?" : "")
                + " WHERE id = ? AND status = 'ACTIVE'")) {
            int i = 1;
            p.setInt(i++, progress.targets());
            p.setInt(i++, progress.fixed());
            if (complete) {
                p.setString(i++, Remediation.Status.COMPLETED.name());
                p.setString(i++, Remediation.Completion.SYSTEM_CONFIRMATION.name());
                setTime(p, i++, at);
            }
            p.setLong(i, id);
            p.executeUpdate();
        }
    }

    /** @return activity {@code id}, or {@code null} */
    private Remediation find(long id) throws SQLException {
        List<String> targets = new ArrayList<>();
        try (PreparedStatement p = tx.connection().prepareStatement(
                "SELECT device_id FROM remediation_device WHERE remediation_id = ? ORDER BY device_id")) {
            p.setLong(1, id);
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    targets.add(r.getString(1));
                }
            }
        }
        try (PreparedStatement p = tx.connection().prepareStatement("SELECT " + COLUMNS
                + " FROM remediation WHERE id = ?")) {
            p.setLong(1, id);
            try (ResultSet r = p.executeQuery()) {
                if (!r.next()) {
                    return null;
                }
                String completion = r.getString(12);
                return new Remediation(id, r.getString(1), r.getString(2), Category.valueOf(r.getString(3)),
                        Remediation.Scope.valueOf(r.getString(4)), targets, r.getString(5),
                        Remediation.Priority.valueOf(r.getString(6)), r.getObject(7, LocalDate.class), r.getString(8),
                        r.getString(9), instant(r, 10), Remediation.Status.valueOf(r.getString(11)),
                        completion == null ? null : Remediation.Completion.valueOf(completion), instant(r, 13),
                        r.getInt(14), r.getInt(15), instant(r, 16), r.getString(17), instant(r, 18),
                        r.getString(19));
            }
        }
    }

    private static void setDate(PreparedStatement p, int index, LocalDate date) throws SQLException {
        if (date == null) {
            p.setNull(index, Types.DATE);
        } else {
            p.setObject(index, date);
        }
    }
}
