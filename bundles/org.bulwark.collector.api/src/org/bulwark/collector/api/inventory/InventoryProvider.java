package org.bulwark.collector.api.inventory;

import org.bulwark.collector.api.AssessmentContext;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Lists the software installed on a target. Register an implementation as an OSGi service of this type; the
 * assessment service tracks every registered provider and calls it with the assessment's context.
 * <h2>Contract</h2>
 * <ul>
 * <li><b>Read only</b>, and only below {@link AssessmentContext#root()} (the same rules as a
 * {@link org.bulwark.collector.api.Collector}).</li>
 * <li><b>Thread safety.</b> {@link #inventory} may be called concurrently for different assessments; keep no
 * state between calls.</li>
 * <li><b>Deadline.</b> Return by {@link AssessmentContext#deadline()}; check {@link AssessmentContext#isCancelled()}
 * in long loops.</li>
 * <li><b>Never guess.</b> A target this provider does not apply to is {@link SoftwareInventory#unavailable};
 * a database that exists but cannot be read is {@link SoftwareInventory#unreadable}.</li>
 * </ul>
 */
@ConsumerType
public interface InventoryProvider {

    /** A stable, unique id, e.g. {@code linux.dpkg}. */
    String id();

    /**
     * Reads the installed software of the target described by {@code context}.
     *
     * @return never {@code null}
     * @throws Exception when nothing could be read; the message is shown to people
     */
    SoftwareInventory inventory(AssessmentContext context) throws Exception;
}
