package org.bulwark.scoring.api;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * An exception for one control: it overlays the results of the devices in its scope while it is active. An
 * exception whose "control" is {@value #CVE_TARGET}<i>id</i> or {@value #SOFTWARE_TARGET}<i>source package</i>
 * covers vulnerabilities instead: the weaknesses with that id (or alias), or every weakness of that source package,
 * on the devices in its scope (see {@code docs/scoring.md}); configuration scoring passes over it.
 *
 * @param id            a unique id
 * @param controlId     the control, or a {@value #CVE_TARGET} or {@value #SOFTWARE_TARGET} target
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

    /** The prefix of an exception's target that names a vulnerability by id, e.g. {@code cve:CVE-2024-1234}. */
    public static final String CVE_TARGET = "cve:";
    /** The prefix of an exception's target that names a source package, e.g. {@code software:openssl}. */
    public static final String SOFTWARE_TARGET = "software:";

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

    /**
     * @return whether it covers a weakness: {@code vulnId} or one of its {@code aliases} (ignoring case) for a
     *         {@value #CVE_TARGET} exception, {@code sourcePackage} for a {@value #SOFTWARE_TARGET} one; never for
     *         a control's exception
     * @since 1.3
     */
    public boolean coversWeakness(String vulnId, List<String> aliases, String sourcePackage) {
        if (controlId.startsWith(SOFTWARE_TARGET)) {
            return controlId.substring(SOFTWARE_TARGET.length()).equals(sourcePackage);
        }
        if (!controlId.startsWith(CVE_TARGET)) {
            return false;
        }
        String id = controlId.substring(CVE_TARGET.length());
        return id.equalsIgnoreCase(vulnId) || aliases.stream().anyMatch(id::equalsIgnoreCase);
    }

    /** @return whether it is a {@value #CVE_TARGET} or {@value #SOFTWARE_TARGET} exception rather than a control's */
    public boolean isWeaknessException() {
        return controlId.startsWith(CVE_TARGET) || controlId.startsWith(SOFTWARE_TARGET);
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
