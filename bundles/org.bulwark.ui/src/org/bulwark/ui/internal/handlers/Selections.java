package org.bulwark.ui.internal.handlers;

import java.time.Instant;

import org.bulwark.ui.internal.Session;
import org.bulwark.ui.internal.model.Row;
import org.bulwark.ui.internal.model.Snapshot;

/** What the handlers ask of the current snapshot. */
final class Selections {

    private Selections() {
    }

    /** @return the time the exceptions part takes the status at: the snapshot's */
    static Instant at(Session session) {
        Snapshot s = session.current();
        return s == null ? Instant.now() : s.at();
    }

    /** @return the recommendation of {@code controlId} in the current snapshot, or {@code null} */
    static Row row(Session session, String controlId) {
        Snapshot s = session.current();
        return s == null || controlId == null ? null : s.row(controlId);
    }
}
