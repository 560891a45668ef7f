/**
 * Reports of assessments: a {@link org.bulwark.report.api.ReportWriter} renders an
 * {@link org.bulwark.scoring.api.Assessment} as text for a terminal, JSON (the saved, schema-checked report),
 * CSV (one row per recommendation), one self-contained HTML page, or the compact upload document an agent sends
 * a fleet server; a {@link org.bulwark.report.api.ReportReader} reads saved JSON reports back into what fleet
 * scoring needs, and uploads into what a fleet server needs. Both are implemented by Bulwark
 * ({@code @ProviderType}). The JSON format is described by {@code docs/report.schema.json} (a copy ships in
 * the implementation bundle, {@code org.bulwark.report}, at
 * {@value org.bulwark.report.api.ReportReader#SCHEMA_RESOURCE}) and {@code docs/report-formats.md}. This API has
 * its own bundle, {@code org.bulwark.report.api}, so that consumers build against it rather than the
 * implementation.
 *
 * <p>1.4.0: {@code ReportedUpload.software} and {@code ReportedUpload.platform}, the device's software inventories
 * and the platform they were read on. 1.5.0: {@code ReportedExposure} and
 * {@code ReportWriter.write(…, ReportedExposure)}, the exposure section of a device's report.
 */
@Export
@Version("1.5.0")
package org.bulwark.report.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
