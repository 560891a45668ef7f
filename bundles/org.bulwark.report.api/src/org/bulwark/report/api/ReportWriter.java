package org.bulwark.report.api;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

import org.bulwark.scoring.api.Assessment;
import org.bulwark.scoring.api.FleetScore;
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
    default void write(Assessment assessment, ReportFormat format, OutputStream out, String fullReport)
            throws IOException {
        write(assessment, format, out, fullReport, null);
    }

    /**
     * Writes {@code assessment} in {@code format} to {@code out}, with the device's exposure next to its secure
     * score: TEXT shows the exposure score and the top weaknesses and software updates, HTML an exposure tile and
     * the weaknesses, JSON an {@code exposure} object. CSV, UPLOAD, JUNIT and SARIF ignore it (an upload carries
     * the inventory; a fleet server matches it itself). The stream is flushed, not closed.
     *
     * @param fullReport where the full report was written, or {@code null} (see above)
     * @param exposure   the exposure, or {@code null} when none was computed (no store)
     * @throws IOException when writing fails
     * @since 1.5
     */
    void write(Assessment assessment, ReportFormat format, OutputStream out, String fullReport,
            ReportedExposure exposure) throws IOException;

    /**
     * Writes, as text, a fleet score recomputed from saved reports (what {@code bulwark score} prints): the fleet
     * score with raw points, the five category scores, each device's score, coverage, and every counted
     * control's points, maximum and impact. Figures have four decimals, so they can be checked by hand against
     * {@code docs/scoring.md}; "—" where nothing is counted. The stream is flushed, not closed.
     *
     * @param score   the fleet score, e.g. from {@code ScoringService.score}
     * @param reports the reports it was computed from: they name the devices and the controls' titles
     * @throws IOException when writing fails
     */
    void writeFleet(FleetScore score, List<ReportedAssessment> reports, OutputStream out) throws IOException;

    /**
     * Writes a table as CSV with the escaping of {@link ReportFormat#CSV}: RFC 4180 (CRLF line ends; cells with
     * {@code "}, {@code ,} or line breaks quoted, quotes doubled), and a cell starting with {@code =}, {@code +},
     * {@code -}, {@code @}, tab or carriage return gets a leading {@code '} so that spreadsheets do not run it as
     * a formula. For other CSV exports (e.g. remediation activities), so that every CSV Bulwark writes is escaped
     * the same way. The stream is flushed, not closed.
     *
     * @param columns the header row
     * @param rows    the rows; {@code null} cells are written empty
     * @throws IOException when writing fails
     * @since 1.1
     */
    void writeCsv(List<String> columns, List<List<String>> rows, OutputStream out) throws IOException;
}
