package org.bulwark.store.internal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import org.bulwark.store.api.StoredResult;

/**
 * The {@code control} table: every control id stored, with its category in the newest assessment that had it —
 * what exceptions and activities may name. Runs in the caller's transaction.
 */
final class Controls {

    private final Transactions tx;
    private final RecordedControls recorded = new RecordedControls();

    Controls(Transactions tx) {
        this.tx = tx;
    }

    /**
     * Records the controls of assessment {@code id} (new ones, and those whose category changed); the cache of
     * what is recorded is updated when the transaction commits.
     */
    void record(List<StoredResult> results, long id) throws SQLException {
        List<StoredResult> changed = new ArrayList<>();
        for (StoredResult r : results) {
            if (!recorded.recorded(r)) {
                changed.add(r);
            }
        }
        if (changed.isEmpty()) {
            return;
        }
        try (PreparedStatement update = tx.connection().prepareStatement(
                "UPDATE control SET category = ?, assessment_id = ? WHERE id = ? AND assessment_id <= ?");
                PreparedStatement insert = tx.connection().prepareStatement("INSERT INTO control (id, category, "
                        + "assessment_id) SELECT ?, ?, ? WHERE NOT EXISTS (SELECT 1 FROM control WHERE id = ?)")) {
            for (StoredResult r : changed) {
                update.setString(1, r.category().name());
                update.setLong(2, id);
                update.setString(3, r.controlId());
                update.setLong(4, id);
                if (update.executeUpdate() == 0) {
                    insert.setString(1, r.controlId());
                    insert.setString(2, r.category().name());
                    insert.setLong(3, id);
                    insert.setString(4, r.controlId());
                    insert.executeUpdate();
                }
            }
        }
        tx.afterCommit(() -> recorded.put(changed));
    }

    /** @return whether a stored assessment had {@code controlId} */
    boolean known(String controlId) throws SQLException {
        return Sql.exists(tx.connection(), "SELECT 1 FROM control WHERE id = ?", controlId);
    }

    /** @return the category name of {@code controlId} in the newest assessment that had it, or {@code null} */
    String category(String controlId) throws SQLException {
        try (PreparedStatement p = tx.connection().prepareStatement("SELECT category FROM control WHERE id = ?")) {
            p.setString(1, controlId);
            try (ResultSet r = p.executeQuery()) {
                return r.next() ? r.getString(1) : null;
            }
        }
    }
}
