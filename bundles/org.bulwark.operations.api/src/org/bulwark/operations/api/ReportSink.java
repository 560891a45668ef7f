package org.bulwark.operations.api;

import java.io.IOException;

import org.bulwark.report.api.ReportedExposure;
import org.bulwark.scoring.api.Assessment;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Where a front end writes the report of an assessment (a terminal, a file, nothing). Called once, after the
 * collection and before the assessment is stored, so that a store that fails never costs the report.
 */
@ConsumerType
@FunctionalInterface
public interface ReportSink {

    /** Writes nothing. */
    ReportSink NONE = assessment -> {
    };

    /**
     * Writes the report of {@code assessment}.
     *
     * @throws IOException when it cannot be written; the assessment is then not stored
     */
    void write(Assessment assessment) throws IOException;

    /**
     * Writes the report of {@code assessment} with the device's exposure, which the assessment computed from the
     * store's feeds. A sink that shows exposure overrides this; the default writes the report without it.
     *
     * @param exposure the exposure, or {@code null} when none was computed (no store)
     * @throws IOException when it cannot be written; the assessment is then not stored
     * @since 1.4
     */
    default void write(Assessment assessment, ReportedExposure exposure) throws IOException {
        write(assessment);
    }
}
