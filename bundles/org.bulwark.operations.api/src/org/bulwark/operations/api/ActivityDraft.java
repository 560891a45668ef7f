package org.bulwark.operations.api;

import java.time.LocalDate;
import java.util.List;

import org.bulwark.store.api.Remediation;

/**
 * A new remediation activity as a front end asks for it; {@link RemediationOperations#create} checks and stores
 * it.
 *
 * @param title     what to do (not blank, at most {@value RemediationOperations#MAX_TITLE} characters)
 * @param controlId the related control
 * @param scope     devices or a group
 * @param devices   the device ids (scope DEVICES, at least one), else empty
 * @param group     the group (scope GROUP), else {@code null}
 * @param priority  high, medium or low; {@code null} for medium
 * @param due       the due date (today or later, UTC), or {@code null} for "attention required"
 * @param notes     free text, or {@code null}
 */
public record ActivityDraft(String title, String controlId, Remediation.Scope scope, List<String> devices,
        String group, Remediation.Priority priority, LocalDate due, String notes) {

    public ActivityDraft {
        devices = devices == null ? List.of() : List.copyOf(devices);
    }
}
