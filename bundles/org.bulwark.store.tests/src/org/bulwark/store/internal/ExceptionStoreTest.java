package org.bulwark.store.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.List;

import org.bulwark.scoring.api.ControlException;
import org.bulwark.scoring.api.Justification;
import org.bulwark.store.api.StoreException;
import org.bulwark.store.api.StoredException;
import org.junit.jupiter.api.Test;

/** Exceptions: checked, stored, updated and cancelled (H2 here, PostgreSQL in {@link PostgresStoreTest}). */
class ExceptionStoreTest extends StoreTestBase {

    private static final Instant NOW = Instant.parse("2026-11-02T00:00:00Z");

    /** @return exception x1 of c1 on d1, by bob at {@link #NOW}, for a day */
    private static ControlException deviceException() {
        return new ControlException("x1", "c1", ControlException.Scope.DEVICE, "d1", Justification.RISK_ACCEPTED,
                "bob", NOW, NOW.plusSeconds(86400), "until the vendor fixes it");
    }

    @Test
    void exceptionsAreCheckedStoredAndCancelled() throws Exception {
        first();
        Instant now = NOW;
        ControlException ok = deviceException();
        assertInvalid("unknown control 'zz'", () -> store.createException(new ControlException("x2", "zz",
                ControlException.Scope.GLOBAL, null, Justification.RISK_ACCEPTED, "bob", now, null, null)));
        assertInvalid("unknown device 'ghost'", () -> store.createException(new ControlException("x2", "c1",
                ControlException.Scope.DEVICE, "ghost", Justification.RISK_ACCEPTED, "bob", now, null, null)));
        assertInvalid("must expire after", () -> store.createException(new ControlException("x2", "c1",
                ControlException.Scope.GLOBAL, null, Justification.RISK_ACCEPTED, "bob", now, now, null)));
        assertEquals(0, store.exceptions().size(), "nothing written by bad input");
        StoredException created = store.createException(ok);
        assertEquals(ok, created.exception());
        assertInvalid("exception id 'x1' is taken", () -> store.createException(ok));
        assertEquals(StoredException.Status.ACTIVE, store.exceptions().get(0).status(now));
        assertEquals(StoredException.Status.EXPIRED, store.exceptions().get(0).status(now.plusSeconds(86400)));
        assertEquals(List.of(ok), store.exceptionsInForce(now));
        Instant cancelAt = now.plusSeconds(60);
        StoredException cancelled = store.cancelException("x1", "carol", cancelAt);
        assertEquals(StoredException.Status.CANCELLED, cancelled.status(cancelAt));
        assertEquals(List.of(ok), store.exceptionsInForce(now), "in force before its cancellation");
        assertEquals(List.of(), store.exceptionsInForce(cancelAt));
        assertInvalid("already cancelled", () -> store.cancelException("x1", "carol", cancelAt));
        assertEquals(StoreException.Reason.NOT_FOUND,
                assertThrows(StoreException.class, () -> store.cancelException("nope", "carol", cancelAt)).reason());
    }

    @Test
    void exceptionsAreUpdatedWithWhoAndWhen() throws Exception {
        first();
        Instant now = NOW;
        ControlException ok = deviceException();
        store.createException(ok);
        Instant at = now.plusSeconds(60);
        Instant later = Instant.parse("2026-12-01T00:00:00Z");
        StoredException updated = store.updateException("x1",
                new StoredException.Update(later, false, "vendor ships in November", Justification.ALTERNATE_MITIGATION),
                "carol", at);
        ControlException expected = new ControlException("x1", "c1", ControlException.Scope.DEVICE, "d1",
                Justification.ALTERNATE_MITIGATION, "bob", now, later, "vendor ships in November");
        assertEquals(new StoredException(expected, null, null, at, "carol"), updated);
        assertEquals(List.of(updated), store.exceptions(), "as stored");
        assertEquals(List.of(expected), store.exceptionsInForce(at));

        StoredException never = store.updateException("x1", new StoredException.Update(null, true, "", null), "dave",
                at.plusSeconds(1));
        assertNull(never.exception().expires());
        assertNull(never.exception().notes(), "empty notes remove them");
        assertEquals(Justification.ALTERNATE_MITIGATION, never.exception().justification(), "unchanged");
        assertEquals("dave", store.exceptions().get(0).updatedBy());
        assertEquals(at.plusSeconds(1), store.exceptions().get(0).updated());

        assertInvalid("must expire after it is created", () -> store.updateException("x1",
                new StoredException.Update(now.minusSeconds(1), false, null, null), "carol", at));
        assertInvalid("nothing to update", () -> store.updateException("x1",
                new StoredException.Update(null, false, null, null), "carol", at));
        assertInvalid("not both", () -> store.updateException("x1",
                new StoredException.Update(later, true, null, null), "carol", at));
        assertInvalid("who updates the exception is required", () -> store.updateException("x1",
                new StoredException.Update(later, false, null, null), " ", at));
        assertEquals(never, store.exceptions().get(0), "nothing written by bad input");
        assertEquals(StoreException.Reason.NOT_FOUND, assertThrows(StoreException.class, () -> store
                .updateException("nope", new StoredException.Update(later, false, null, null), "carol", at)).reason());

        StoredException cancelled = store.cancelException("x1", "erin", at.plusSeconds(2));
        assertEquals("dave", cancelled.updatedBy(), "the cancellation keeps the last update");
        assertInvalid("a cancelled exception cannot be updated", () -> store.updateException("x1",
                new StoredException.Update(later, false, null, null), "carol", at.plusSeconds(3)));
    }
}
