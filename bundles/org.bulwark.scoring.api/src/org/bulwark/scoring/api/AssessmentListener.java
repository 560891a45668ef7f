package org.bulwark.scoring.api;

import org.osgi.annotation.versioning.ConsumerType;

/** Follows an assessment's progress, e.g. to show it on a terminal or in a progress monitor. */
@ConsumerType
public interface AssessmentListener {

    /** Does nothing. */
    AssessmentListener NONE = new AssessmentListener() {
    };

    /** Collection starts with {@code total} collectors. */
    default void started(int total) {
    }

    /** One collector finished (in any outcome). Called from collector threads. */
    default void collectorFinished(CollectorRun run, int done, int total) {
    }
}
