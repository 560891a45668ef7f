package org.bulwark.store.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import org.bulwark.collector.api.Category;

/**
 * A remediation activity: a request to fix one control on some devices, with the fields security teams know.
 *
 * @param id            the store's id
 * @param title         what to do
 * @param controlId     the related control
 * @param category      the control's category
 * @param scope         devices or a device group
 * @param devices       the targeted device ids (scope DEVICES), else empty
 * @param group         the targeted group (scope GROUP), else {@code null}
 * @param priority      high, medium or low
 * @param due           the due date, or {@code null}: "attention required"
 * @param notes         free text; may be {@code null}
 * @param requester     who asked
 * @param created       when
 * @param status        active, completed or cancelled
 * @param completion    how it was completed, or {@code null} while active
 * @param completed     when it was completed, or {@code null}
 * @param targetDevices how many devices it targets (for a group: its devices known to the store)
 * @param fixedDevices  how many of them pass the control in their latest assessment
 * @param cancelled     when it was cancelled, or {@code null}
 * @param cancelledBy   who cancelled it, or {@code null}
 * @param updated       when it was last updated (title, priority, due date or notes), or {@code null} if never
 * @param updatedBy     who last updated it, or {@code null}
 */
public record Remediation(long id, String title, String controlId, Category category, Scope scope,
        List<String> devices, String group, Priority priority, LocalDate due, String notes, String requester,
        Instant created, Status status, Completion completion, Instant completed, int targetDevices,
        int fixedDevices, Instant cancelled, String cancelledBy, Instant updated, String updatedBy) {

    /**
     * The columns of a CSV export of activities, in order: what {@code bulwark remediation export}, the workbench's
     * export and a fleet server's {@code /api/remediations.csv} write, each row from {@link #csvRow()}.
     *
     * @since 1.2
     */
    public static final List<String> CSV_COLUMNS = List.of("id", "title", "control_id", "category", "scope",
            "targets", "priority", "due", "status", "completion", "completed", "target_devices", "fixed_devices",
            "requester", "created", "notes", "updated", "updated_by", "cancelled", "cancelled_by");

    /** An activity never updated nor cancelled. */
    public Remediation(long id, String title, String controlId, Category category, Scope scope,
            List<String> devices, String group, Priority priority, LocalDate due, String notes, String requester,
            Instant created, Status status, Completion completion, Instant completed, int targetDevices,
            int fixedDevices) {
        this(id, title, controlId, category, scope, devices, group, priority, due, notes, requester, created, status,
                completion, completed, targetDevices, fixedDevices, null, null, null, null);
    }

    public Remediation {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(controlId, "controlId");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(priority, "priority");
        Objects.requireNonNull(status, "status");
        devices = List.copyOf(devices);
    }

    /**
     * @return this activity's cells for {@link #CSV_COLUMNS}: enumerations as lower-case words with hyphens
     *         ({@code operating-system}, {@code system-confirmation}), times in ISO-8601 UTC, no due date as
     *         {@code attention required}, the targets as device ids separated by spaces or the group's name, and
     *         {@code null} where there is nothing
     * @since 1.2
     */
    public List<String> csvRow() {
        return Arrays.asList(Long.toString(id), title, controlId, word(category), word(scope),
                scope == Scope.GROUP ? group : String.join(" ", devices), word(priority),
                due == null ? "attention required" : due.toString(), word(status), word(completion), text(completed),
                Integer.toString(targetDevices), Integer.toString(fixedDevices), requester, text(created), notes,
                text(updated), updatedBy, text(cancelled), cancelledBy);
    }

    private static String word(Enum<?> e) {
        return e == null ? null : e.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static String text(Instant t) {
        return t == null ? null : t.toString();
    }

    /** Whom an activity targets. */
    public enum Scope {
        DEVICES, GROUP
    }

    /** How urgent. */
    public enum Priority {
        HIGH, MEDIUM, LOW
    }

    /** Whether work is still asked for. */
    public enum Status {
        /** Work is asked for; its counts follow the stored assessments. */
        ACTIVE,
        /** Done, by hand or by system confirmation (see {@link Completion}). */
        COMPLETED,
        /** Withdrawn: no longer asked for, no longer counted or completed. */
        CANCELLED
    }

    /** How an activity was completed. */
    public enum Completion {
        /** Someone marked it complete. */
        MANUAL,
        /** Every targeted device passed the control in an assessment stored after the activity was created. */
        SYSTEM_CONFIRMATION
    }

    /**
     * What is needed to create an activity.
     *
     * @param title     what to do
     * @param controlId the related control (must be known to the store)
     * @param scope     devices or a group
     * @param devices   the device ids (scope DEVICES; each known to the store)
     * @param group     the group name (scope GROUP)
     * @param priority  high, medium or low
     * @param due       the due date (today or later), or {@code null} for "attention required"
     * @param notes     free text; may be {@code null}
     * @param requester who asks
     */
    public record Request(String title, String controlId, Scope scope, List<String> devices, String group,
            Priority priority, LocalDate due, String notes, String requester) {
        public Request {
            devices = devices == null ? List.of() : List.copyOf(devices);
        }
    }

    /**
     * What to change on an activity; {@code null} fields stay as they are.
     *
     * @param title    the new title (not blank), or {@code null}
     * @param priority the new priority, or {@code null}
     * @param due      the new due date (today or later), or {@code null}
     * @param notes    the new notes ({@code ""} removes them), or {@code null}
     * @param noDue    whether to remove the due date ("attention required"); not with {@code due}
     */
    public record Update(String title, Priority priority, LocalDate due, String notes, boolean noDue) {

        /** An update that keeps the due date unless {@code due} gives a new one. */
        public Update(String title, Priority priority, LocalDate due, String notes) {
            this(title, priority, due, notes, false);
        }

        /** @return whether it changes nothing */
        public boolean isEmpty() {
            return title == null && priority == null && due == null && notes == null && !noDue;
        }
    }
}
