package org.bulwark.scoring.api;

import java.time.Instant;
import java.util.Objects;

/**
 * An exception for one control: it overlays the results of the devices in its scope while it is active.
 *
 * @param id            a unique id
 * @param controlId     the control
 * @param scope         whom it covers
 * @param target        the device id (scope DEVICE), group name (scope GROUP), or {@code null} (GLOBAL)
 * @param justification why; decides whether it gives credit
 * @param author        who created it
 * @param created       when
 * @param expires       when it stops counting, or {@code null} for never
 * @param notes         free text; may be {@code null}
 */
public record ControlException(String id, String controlId, Scope scope, String target, Justification justification,
        String author, Instant created, Instant expires, String notes) {

    /** Whom an exception covers. */
    public enum Scope {
        DEVICE, GROUP, GLOBAL
    }

    public ControlException {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(controlId, "controlId");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(justification, "justification");
        Objects.requireNonNull(created, "created");
        if (scope != Scope.GLOBAL && target == null) {
            throw new IllegalArgumentException("exception " + id + ": scope " + scope + " needs a target");
        }
    }

    /** @return whether it counts at {@code now}: created and not yet expired */
    public boolean activeAt(Instant now) {
        return !created.isAfter(now) && (expires == null || now.isBefore(expires));
    }

    /** @return whether it covers {@code device} */
    public boolean covers(Device device) {
        return switch (scope) {
            case GLOBAL -> true;
            case DEVICE -> target.equals(device.id());
            case GROUP -> device.groups().contains(target);
        };
    }
}
