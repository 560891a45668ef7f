package org.bulwark.scap.oval;

import org.osgi.annotation.versioning.ProviderType;

/**
 * One evaluation run over one OVAL document, target and set of external variable values: each object is
 * collected, each variable computed and each test evaluated at most once, so evaluating many definitions
 * shares their work. Not thread-safe; keep it only as long as the target does not change.
 */
@ProviderType
public interface OvalRun {

    /**
     * Evaluates a definition. Never throws for content or target faults: an unknown id, an unreadable file, an
     * invalid pattern or a reference cycle is an {@link OvalOutcome#ERROR} result naming it.
     *
     * @param definitionId the definition's id
     * @return its result
     */
    OvalResult evaluate(String definitionId);
}
