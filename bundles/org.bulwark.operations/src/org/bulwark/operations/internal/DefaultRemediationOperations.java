package org.bulwark.operations.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.bulwark.operations.api.ActivityDraft;
import org.bulwark.operations.api.OperationException;
import org.bulwark.operations.api.OperationException.Kind;
import org.bulwark.operations.api.RemediationOperations;
import org.bulwark.store.api.AssessmentStore;
import org.bulwark.store.api.Remediation;
import org.bulwark.store.api.StoreException;
import org.osgi.service.component.annotations.Component;

/**
 * The {@link RemediationOperations} service. Where the command line and the server checked differently, the
 * stricter check holds: scope devices takes no group and scope group no devices (the server ignored the other),
 * and titles, names and notes are bounded.
 */
@Component(service = RemediationOperations.class)
public final class DefaultRemediationOperations implements RemediationOperations {

    @Override
    public Remediation create(AssessmentStore store, ActivityDraft draft, String requester, Instant now)
            throws OperationException, StoreException {
        if (draft == null) {
            throw Checks.invalid(null, "a remediation activity is required");
        }
        String title = Checks.required("title", draft.title(), MAX_TITLE, null);
        String control = Checks.required("controlId", draft.controlId(), MAX_NAME, null);
        if (draft.scope() == null) {
            throw Checks.invalid("scope", "scope is required (devices or group)");
        }
        if (draft.scope() == Remediation.Scope.DEVICES) {
            if (draft.devices().isEmpty()) {
                throw Checks.invalid("devices", "devices: scope devices needs at least one device");
            }
            if (draft.devices().size() > MAX_DEVICES) {
                throw Checks.invalid("devices", "devices: at most " + MAX_DEVICES + ", not "
                        + draft.devices().size());
            }
            for (String d : draft.devices()) {
                Checks.required("devices", d, MAX_NAME, "a machine id");
            }
            if (draft.group() != null) {
                throw Checks.invalid("group", "group: scope devices takes no group");
            }
        } else {
            Checks.required("group", draft.group(), MAX_NAME, "scope group needs a group name");
            if (!draft.devices().isEmpty()) {
                throw Checks.invalid("devices", "devices: scope group takes no devices");
            }
        }
        notPast(draft.due(), now);
        String who = Checks.required("requester", requester, MAX_NAME, null);
        String notes = Checks.bounded("notes", draft.notes(), MAX_NOTES);
        Remediation.Request request = new Remediation.Request(title, control, draft.scope(), draft.devices(),
                draft.group(), draft.priority() == null ? Remediation.Priority.MEDIUM : draft.priority(),
                draft.due(), notes, who);
        return Checks.refusing(() -> store.createRemediation(request, now));
    }

    @Override
    public Remediation update(AssessmentStore store, long id, Remediation.Update update, String by, Instant now)
            throws OperationException, StoreException {
        if (update == null || update.isEmpty()) {
            throw Checks.invalid(null, "nothing to update: give a title, priority, due date or notes");
        }
        if (update.title() != null && update.title().isBlank()) {
            throw Checks.invalid("title", "title must not be empty");
        }
        Checks.bounded("title", update.title(), MAX_TITLE);
        if (update.due() != null && update.noDue()) {
            throw Checks.invalid("due", "due: give either a new due date or no due date, not both");
        }
        notPast(update.due(), now);
        Checks.bounded("notes", update.notes(), MAX_NOTES);
        String who = Checks.required("by", by, MAX_NAME, "who updates it");
        active(store, id, "updated");
        return Checks.refusing(() -> store.updateRemediation(id, update, who, now));
    }

    @Override
    public Remediation complete(AssessmentStore store, long id, Instant now)
            throws OperationException, StoreException {
        active(store, id, "completed");
        return Checks.refusing(() -> store.completeRemediation(id, now));
    }

    @Override
    public Remediation cancel(AssessmentStore store, long id, String by, Instant now)
            throws OperationException, StoreException {
        String who = Checks.required("by", by, MAX_NAME, "who cancels it");
        active(store, id, "cancelled");
        return Checks.refusing(() -> store.cancelRemediation(id, who, now));
    }

    @Override
    public List<Remediation> list(AssessmentStore store, Remediation.Status status) throws StoreException {
        List<Remediation> out = new ArrayList<>();
        for (Remediation r : store.remediations()) {
            if (status == null || r.status() == status) {
                out.add(r);
            }
        }
        return out;
    }

    private static void notPast(LocalDate due, Instant now) throws OperationException {
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        if (due != null && due.isBefore(today)) {
            throw Checks.invalid("due", "due: the due date " + due + " is in the past (today is " + today
                    + " UTC); leave it out for \"attention required\"");
        }
    }

    /** @return activity {@code id}; NOT_FOUND when there is none, CONFLICT when it is completed or cancelled */
    private static Remediation active(AssessmentStore store, long id, String what)
            throws OperationException, StoreException {
        for (Remediation r : store.remediations()) {
            if (r.id() != id) {
                continue;
            }
            if (r.status() == Remediation.Status.COMPLETED) {
                throw new OperationException(Kind.CONFLICT, "id", "remediation activity #" + id
                        + " is already completed (" + r.completion().name().toLowerCase(Locale.ROOT).replace('_', ' ')
                        + ", " + r.completed() + ")" + ("completed".equals(what) ? "" : " and cannot be " + what));
            }
            if (r.status() == Remediation.Status.CANCELLED) {
                throw new OperationException(Kind.CONFLICT, "id", "remediation activity #" + id + " was cancelled at "
                        + r.cancelled() + " by " + r.cancelledBy() + " and cannot be " + what);
            }
            return r;
        }
        throw new OperationException(Kind.NOT_FOUND, "id", "no remediation activity #" + id);
    }
}
