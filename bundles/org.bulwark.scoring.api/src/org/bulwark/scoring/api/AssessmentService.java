package org.bulwark.scoring.api;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Assesses a device: runs the registered collectors that the selected controls need, in parallel, each
 * under the request's deadline; evaluates every control; scores the result. A collector that throws, runs
 * past its deadline or returns malformed observations turns its controls into ERROR with the reason; a
 * control whose keys no collector provides is NOT_CHECKED. Thread-safe; assessments may run concurrently.
 */
@ProviderType
public interface AssessmentService {

    /**
     * Runs one assessment.
     *
     * @throws InterruptedException when the calling thread is interrupted; collectors are cancelled
     */
    Assessment assess(AssessmentRequest request, AssessmentListener listener) throws InterruptedException;

    /** @return the collectors registered right now, as id, category and bundle ({@link CollectorRun#outcome()} SKIPPED) */
    List<CollectorRun> collectors();
}
