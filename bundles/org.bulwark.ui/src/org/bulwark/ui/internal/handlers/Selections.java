package org.bulwark.ui.internal.handlers;

import java.time.Instant;

import org.bulwark.store.api.Remediation;
import org.bulwark.store.api.StoredException;
import org.bulwark.ui.internal.Session;
import org.bulwark.ui.internal.model.Row;
import org.bulwark.ui.internal.model.Snapshot;

/** What the handlers' {@code @CanExecute} ask of the selection the parts keep in their context. */
final class Selections {

    private Selections() {
    }

    /** Completed and cancelled activities are final: only an active one is completed, edited or cancelled. */
    static boolean active(Remediation activity) {
        return activity != null && activity.status() == Remediation.Status.ACTIVE;
    }

    /** Cancelled, expired and pending exceptions are not edited nor cancelled in the workbench. */
    static boolean active(StoredException exception, Session session) {
        return exception != null && exception.status(at(session)) == StoredException.Status.ACTIVE;
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
