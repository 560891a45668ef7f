package org.bulwark.report.api;

import java.io.IOException;
import java.io.OutputStream;

import org.bulwark.scoring.api.Assessment;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Renders assessments. All formats are UTF-8. Scores are shown with one decimal in TEXT, CSV and HTML, and
 * as "—" when nothing is counted (never as 100); JSON carries them unrounded, or {@code null}. A
 * stateless, thread-safe service.
 */
@ProviderType
public interface ReportWriter {

    /**
     * Writes {@code assessment} in {@code format} to {@code out}. The stream is flushed, not closed.
     *
     * @throws IOException when writing fails
     */
    default void write(Assessment assessment, ReportFormat format, OutputStream out) throws IOException {
        write(assessment, format, out, null);
    }

    /**
     * Writes {@code assessment} in {@code format} to {@code out}. The stream is flushed, not closed.
     *
     * @param fullReport where the full report was written, e.g. a file name; the TEXT summary ends with a line
     *                   naming it. Ignored by the other formats; may be {@code null}
     * @throws IOException when writing fails
     */
    void write(Assessment assessment, ReportFormat format, OutputStream out, String fullReport) throws IOException;
}
