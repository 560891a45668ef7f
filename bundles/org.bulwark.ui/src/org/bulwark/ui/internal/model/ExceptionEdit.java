package org.bulwark.ui.internal.model;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;

import org.bulwark.scoring.api.Justification;
import org.bulwark.store.api.StoredException;

/**
 * An edit of a stored exception as the "Edit exception" dialog holds it: the form's values compared with the
 * exception they were filled from, and checked as {@code bulwark exception update} and the store check them, so
 * that a mistake is shown in the dialog and nothing is written. Only what differs goes into the update, and an
 * unchanged form asks the store for nothing.
 * <p>
 * The expiry is {@code never}, a date {@code YYYY-MM-DD} (the start of that day, UTC, as the command line reads
 * it) or an ISO-8601 instant (as the command line also takes, so that an expiry set there at another time of day
 * is shown and kept as it is). It must be after the exception's creation; one in the past is accepted, as the
 * command line accepts it (the exception stops counting at once), with a warning.
 *
 * @param update  the changes for {@code AssessmentStore.updateException}, or {@code null} when the form is wrong
 *                or changes nothing
 * @param error   what is wrong with the form, or {@code null}
 * @param warning what the user should know before writing a right form (an expiry in the past), or {@code null}
 */
public record ExceptionEdit(StoredException.Update update, String error, String warning)
        implements FormCheck<StoredException.Update> {

    /** What the expiry field takes, for the dialog's hint. */
    public static final String EXPIRY_FORMS = "YYYY-MM-DD (the start of that day, UTC) or never";

    private static final ExceptionEdit UNCHANGED = new ExceptionEdit(null, null, null);

    /**
     * @param stored        the exception as shown (the form's initial values)
     * @param expires       the expiry field: {@code never}, {@code YYYY-MM-DD} or an ISO-8601 instant
     * @param justification the chosen justification
     * @param notes         the notes field; blank removes the notes
     * @param now           now: a new expiry before it is accepted with a warning
     */
    public static ExceptionEdit of(StoredException stored, String expires, Justification justification,
            String notes, Instant now) {
        String id = stored.exception().id();
        if (stored.cancelled() != null) {
            return error("Exception " + id + " is cancelled and cannot be edited.");
        }
        Instant created = stored.exception().created();
        Instant old = stored.exception().expires();
        String x = expires == null ? "" : expires.strip();
        Instant newExpiry = null;
        boolean noExpiry = false;
        String warning = null;
        if (x.isEmpty()) {
            return error("Enter the expiry as " + EXPIRY_FORMS + ".");
        } else if (x.equalsIgnoreCase("never")) {
            noExpiry = old != null;
        } else {
            Instant parsed = parse(x);
            if (parsed == null) {
                return error("\"" + x + "\" is not a date: enter the expiry as " + EXPIRY_FORMS + ".");
            }
            if (!parsed.equals(old)) {
                if (!parsed.isAfter(created)) {
                    return error("The expiry " + x + " is not after the exception's creation (" + ExceptionRow.when(
                            created) + " UTC).");
                }
                if (!parsed.isAfter(now)) {
                    warning = "The expiry " + x + " has passed: the exception stops counting at once (expired).";
                }
                newExpiry = parsed;
            }
        }
        String n = notes == null || notes.isBlank() ? "" : notes;
        String oldNotes = stored.exception().notes() == null ? "" : stored.exception().notes();
        StoredException.Update update = new StoredException.Update(newExpiry, noExpiry,
                n.equals(oldNotes) ? null : n,
                justification == null || justification == stored.exception().justification() ? null
                        : justification);
        return update.isEmpty() ? UNCHANGED : new ExceptionEdit(update, null, warning);
    }

    /** @return {@code text} as {@code YYYY-MM-DD} (start of day, UTC) or an ISO-8601 instant, or {@code null} */
    private static Instant parse(String text) {
        try {
            if (text.length() == 10) {
                return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            return Instant.parse(text.toUpperCase(Locale.ROOT));
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /**
     * @return the expiry field's initial text for {@code expires}: {@code never}, the date when it is the start of
     *         a day (UTC), else the instant
     */
    public static String text(Instant expires) {
        if (expires == null) {
            return "never";
        }
        LocalDateTime t = LocalDateTime.ofInstant(expires, ZoneOffset.UTC);
        return t.toLocalTime().equals(LocalTime.MIDNIGHT) ? t.toLocalDate().toString() : expires.toString();
    }

    private static ExceptionEdit error(String message) {
        return new ExceptionEdit(null, message, null);
    }
}
