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

    /**
     * The path of the report's JSON Schema (draft 2020-12) inside the report bundle ({@code org.bulwark.report},
     * the implementation).
     */
    String SCHEMA_RESOURCE = "schema/report.schema.json";

    /**
     * The version of the upload document ({@code "upload": 1}, {@link ReportFormat#UPLOAD}) this reader
     * understands and the writer produces.
     *
     * @since 1.2
     */
    int UPLOAD = 1;

    /**
     * The path of the upload document's JSON Schema (draft 2020-12) inside the report bundle
     * ({@code org.bulwark.report}, the implementation).
     *
     * @since 1.2
     */
    String UPLOAD_SCHEMA_RESOURCE = "schema/upload.schema.json";

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

    /**
     * Reads what an agent sent a fleet server from {@code in}, which is read fully and closed: an upload document
     * ({@link ReportFormat#UPLOAD}) or a full report. Of an upload it checks the version, the device, the finish
     * time, each result's id (once each), state and reason, that evidence is an array, and that no field is unknown;
     * the evidence is checked to be JSON but not read. A report is checked as {@link #read(String, InputStream)}
     * does.
     *
     * @throws ReportException naming {@code origin}, the line and the field when the document is not JSON, of an
     *                         unknown kind or version, or a field is missing, unknown or wrong
     * @since 1.2
     */
    ReportedUpload readUpload(String origin, InputStream in) throws ReportException;
}
