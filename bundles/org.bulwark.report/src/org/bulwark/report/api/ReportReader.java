package org.bulwark.report.api;

import java.io.InputStream;
import java.nio.file.Path;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Reads saved JSON reports (written by {@link ReportWriter} in {@link ReportFormat#JSON}) back into what fleet
 * scoring needs. Checks every field it reads and the format version; a stateless, thread-safe service.
 */
@ProviderType
public interface ReportReader {

    /** The report format version this reader understands and the writer produces. */
    int FORMAT = 1;

    /** The path of the report's JSON Schema (draft 2020-12) inside the report bundle. */
    String SCHEMA_RESOURCE = "schema/report.schema.json";

    /**
     * Reads a report file.
     *
     * @throws ReportException naming the file, line and field when the file is unreadable, not JSON, of
     *                         another format version, or a field is missing or wrong
     */
    ReportedAssessment read(Path file) throws ReportException;

    /**
     * Reads a report from {@code in}, which is read fully and closed; {@code origin} names it in errors.
     *
     * @throws ReportException as {@link #read(Path)}
     */
    ReportedAssessment read(String origin, InputStream in) throws ReportException;
}
