package org.bulwark.operations.internal;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.bulwark.operations.api.ExceptionDraft;
import org.bulwark.operations.api.ExceptionEntry;
import org.bulwark.operations.api.ExceptionOperations;
import org.bulwark.operations.api.OperationException;
import org.bulwark.operations.api.OperationException.Kind;
import org.bulwark.scoring.api.ControlException;
import org.bulwark.store.api.AssessmentStore;
import org.bulwark.store.api.StoreException;
import org.bulwark.store.api.StoredException;
import org.osgi.service.component.annotations.Component;

/**
 * The {@link ExceptionOperations} service. Where the command line and the server checked differently, the stricter
 * check holds: a given id must be 1 to 64 characters of {@code [A-Za-z0-9._-]} (the server took any text), a
 * global exception takes no target (the server dropped one), the expiry must be in the future (the server left it
 * to the store, which compares it with the creation, that is now), and notes and names are bounded.
 */
@Component(service = ExceptionOperations.class)
public final class DefaultExceptionOperations implements ExceptionOperations {

    private static final Pattern ID = Pattern.compile(ID_PATTERN);

    private final SecureRandom random = new SecureRandom();

    @Override
    public String newId() {
        byte[] bytes = new byte[4];
        random.nextBytes(bytes);
        return "ex-" + HexFormat.of().formatHex(bytes);
    }

    @Override
    public String checkId(String id) throws OperationException {
        if (id == null || id.isEmpty() || id.length() > MAX_ID || !ID.matcher(id).matches()) {
            throw Checks.invalid("id", "id '" + id + "' is not a valid exception id: 1 to " + MAX_ID
                    + " letters, digits, '.', '_' or '-'");
        }
        return id;
    }

    @Override
    public StoredException create(AssessmentStore store, ExceptionDraft draft, String author, Instant now)
            throws OperationException, StoreException {
        if (draft == null) {
            throw Checks.invalid(null, "an exception is required");
        }
        String control = Checks.required("controlId", draft.controlId(), MAX_NAME, null);
        if (draft.scope() == null) {
            throw Checks.invalid("scope", "scope is required (device, group or global)");
        }
        if (draft.justification() == null) {
            throw Checks.invalid("justification", "justification is required (third-party-control, "
                    + "alternate-mitigation, risk-accepted or planned-remediation)");
        }
        String target = draft.target();
        if (draft.scope() == ControlException.Scope.GLOBAL) {
            if (target != null) {
                throw Checks.invalid("target", "target: a global exception has no target");
            }
        } else if (target == null || target.isBlank()) {
            throw Checks.invalid("target", "target is required for scope "
                    + (draft.scope() == ControlException.Scope.DEVICE ? "device (the machine id)"
                            : "group (the group name)"));
        } else {
            Checks.bounded("target", target, MAX_NAME);
        }
        if (draft.expires() != null && !draft.expires().isAfter(now)) {
            throw Checks.invalid("expires", "expires " + Checks.when(draft.expires()) + " is not in the future");
        }
        String by = Checks.required("author", author, MAX_NAME, null);
        String notes = Checks.bounded("notes", draft.notes(), MAX_NOTES);
        Set<String> taken = new HashSet<>();
        for (StoredException e : store.exceptions()) {
            taken.add(e.exception().id());
        }
        String id;
        if (draft.id() != null) {
            id = checkId(draft.id());
            if (taken.contains(id)) {
                throw new OperationException(Kind.CONFLICT, "id", "id '" + id + "' is taken");
            }
        } else {
            do {
                id = newId();
            } while (taken.contains(id));
        }
        ControlException exception = new ControlException(id, control, draft.scope(), target, draft.justification(),
                by, now, draft.expires(), notes);
        return Checks.refusing(() -> store.createException(exception));
    }

    @Override
    public StoredException update(AssessmentStore store, String id, StoredException.Update update, String by,
            Instant now) throws OperationException, StoreException {
        if (update == null || update.isEmpty()) {
            throw Checks.invalid(null, "nothing to update: give a new expiry, no expiry, notes or a justification");
        }
        if (update.expires() != null && update.noExpiry()) {
            throw Checks.invalid("expires", "expires: give either a new expiry or no expiry, not both");
        }
        Checks.bounded("notes", update.notes(), MAX_NOTES);
        String who = Checks.required("by", by, MAX_NAME, "who updates it");
        StoredException found = changeable(store, id, "updated");
        if (update.expires() != null && !update.expires().isAfter(found.exception().created())) {
            throw Checks.invalid("expires", "expires: exception '" + id + "': it must expire after it is created ("
                    + found.exception().created() + ")");
        }
        return Checks.refusing(() -> store.updateException(id, update, who, now));
    }

    @Override
    public StoredException cancel(AssessmentStore store, String id, String by, Instant now)
            throws OperationException, StoreException {
        String who = Checks.required("by", by, MAX_NAME, "who cancels it");
        changeable(store, id, "cancelled");
        return Checks.refusing(() -> store.cancelException(id, who, now));
    }

    /** @return exception {@code id}; NOT_FOUND when there is none, CONFLICT when it is cancelled */
    private static StoredException changeable(AssessmentStore store, String id, String what)
            throws OperationException, StoreException {
        for (StoredException e : store.exceptions()) {
            if (e.exception().id().equals(id)) {
                if (e.cancelled() != null) {
                    throw new OperationException(Kind.CONFLICT, "id", "exception '" + id + "' was "
                            + ("cancelled".equals(what) ? "already " : "") + "cancelled at " + e.cancelled() + " by "
                            + e.cancelledBy() + ("cancelled".equals(what) ? ""
                                    : "; a cancelled exception cannot be " + what));
                }
                return e;
            }
        }
        throw new OperationException(Kind.NOT_FOUND, "id", "no exception '" + id + "'");
    }

    @Override
    public List<ExceptionEntry> list(AssessmentStore store, Instant now) throws StoreException {
        List<ExceptionEntry> out = new ArrayList<>();
        for (StoredException e : store.exceptions()) {
            out.add(new ExceptionEntry(e, e.status(now)));
        }
        return out;
    }
}
