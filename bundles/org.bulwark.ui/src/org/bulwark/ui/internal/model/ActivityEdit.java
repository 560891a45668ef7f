package org.bulwark.ui.internal.model;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;

import org.bulwark.store.api.Remediation;

/**
 * An edit of a remediation activity as the "Edit activity" dialog holds it: the form's values compared with the
 * activity they were filled from, and checked as the store checks them, so that a mistake is shown in the dialog
 * and nothing is written. Only what differs goes into the update: an overdue activity keeps its due date when only
 * its title changes, and an unchanged form asks the store for nothing.
 *
 * @param update the changes for {@code AssessmentStore.updateRemediation}, or {@code null} when the form is
 *               wrong or changes nothing
 * @param error  what is wrong with the form, or {@code null}
 */
public record ActivityEdit(Remediation.Update update, String error)
        implements FormCheck<Remediation.Update> {

    private static final ActivityEdit UNCHANGED = new ActivityEdit(null, null);

    /**
     * @param activity the activity as shown (the form's initial values)
     * @param title    the title field
     * @param priority the chosen priority
     * @param due      the due date field, {@code YYYY-MM-DD}; ignored when {@code noDue}
     * @param noDue    whether "no due date (attention required)" is chosen
     * @param notes    the notes field; blank removes the notes
     * @param today    today (UTC): a new due date may not be before it, as in the store
     */
    public static ActivityEdit of(Remediation activity, String title, Remediation.Priority priority, String due,
            boolean noDue, String notes, LocalDate today) {
        if (activity.status() != Remediation.Status.ACTIVE) {
            return error("Activity #" + activity.id() + " is " + activity.status().name().toLowerCase(Locale.ROOT)
                    + " and cannot be edited.");
        }
        String t = title == null ? "" : title.strip();
        if (t.isEmpty()) {
            return error("The title is required.");
        }
        LocalDate newDue = null;
        boolean removeDue = false;
        if (noDue) {
            removeDue = activity.due() != null;
        } else {
            String d = due == null ? "" : due.strip();
            if (d.isEmpty()) {
                return error("Enter the due date as YYYY-MM-DD, or choose no due date (attention required).");
            }
            LocalDate parsed;
            try {
                parsed = LocalDate.parse(d);
            } catch (DateTimeParseException x) {
                return error("\"" + d + "\" is not a date: enter the due date as YYYY-MM-DD.");
            }
            if (!parsed.equals(activity.due())) {
                if (parsed.isBefore(today)) {
                    return error("The due date " + parsed + " is in the past (today is " + today + " UTC).");
                }
                newDue = parsed;
            }
        }
        String n = notes == null || notes.isBlank() ? "" : notes;
        String oldNotes = activity.notes() == null ? "" : activity.notes();
        Remediation.Update update = new Remediation.Update(t.equals(activity.title()) ? null : t,
                priority == null || priority == activity.priority() ? null : priority, newDue,
                n.equals(oldNotes) ? null : n, removeDue);
        return update.isEmpty() ? UNCHANGED : new ActivityEdit(update, null);
    }

    private static ActivityEdit error(String message) {
        return new ActivityEdit(null, message);
    }
}
