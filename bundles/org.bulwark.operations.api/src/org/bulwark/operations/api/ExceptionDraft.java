package org.bulwark.operations.api;

import java.time.Instant;

import org.bulwark.scoring.api.ControlException;
import org.bulwark.scoring.api.Justification;

/**
 * A new exception as a front end asks for it; {@link ExceptionOperations#create} checks it, gives it an id when
 * it has none, and stores it.
 *
 * @param id            its id ({@value ExceptionOperations#ID_PATTERN}, at most {@value ExceptionOperations#MAX_ID}
 *                      characters), or {@code null} to generate one
 * @param controlId     the control
 * @param scope         whom it covers
 * @param target        the device id (scope DEVICE) or group name (scope GROUP); {@code null} for GLOBAL
 * @param justification why
 * @param expires       when it stops counting (in the future), or {@code null} for never
 * @param notes         free text, or {@code null}
 */
public record ExceptionDraft(String id, String controlId, ControlException.Scope scope, String target,
        Justification justification, Instant expires, String notes) {
}
