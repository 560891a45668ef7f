/**
 * The use cases every front end runs — the command line, the fleet server and the workbench — written once:
 * where the data lives ({@link org.bulwark.operations.api.Locations}), assess-and-store
 * ({@link org.bulwark.operations.api.Assessments}), a fleet server's upload intake
 * ({@link org.bulwark.operations.api.UploadIntake}), exception and remediation changes with their validation
 * ({@link org.bulwark.operations.api.ExceptionOperations}, {@link org.bulwark.operations.api.RemediationOperations}),
 * the recommendation rows with their status ({@link org.bulwark.operations.api.RecommendationRows}), one JSON and
 * CSV vocabulary for stored entities ({@link org.bulwark.operations.api.EntityJson},
 * {@link org.bulwark.operations.api.EntityCsv}) and atomic file output
 * ({@link org.bulwark.operations.api.FileOutput}). Front ends only translate: options or a request into the
 * records here, {@link org.bulwark.operations.api.OperationException} into an exit code or an HTTP status.
 * The services are implemented by Bulwark ({@code @ProviderType}); the few call-backs front ends implement are
 * {@code @ConsumerType}. No JSON library type appears here: JSON trees are {@code Map<String, Object>} and
 * {@code List<Object>} of strings, numbers, booleans and {@code null}, which Jackson serializes as they are.
 *
 * <p>1.1.0: {@code EntityJson.inventory} and {@code EntityJson.software}, the installed software.
 * <p>1.2.0: {@code UploadIntake.prepare} and {@code UploadIntake.save}, an upload checked and authorized before it
 * is stored (so a server de-duplicates it per machine, after authorization), with
 * {@link org.bulwark.operations.api.PreparedUpload}.
 * <p>1.3.0: {@code EntityJson.osPlatform} and {@code EntityJson.device(Device, String, String)}, a device's platform
 * in Defender's {@code osPlatform} values.
 * <p>1.4.0: {@code VulnerabilityOperations.exposure(FeedStore, Assessment, Instant)}, the exposure of an assessment
 * before it is stored, and {@code ReportSink.write(Assessment, ReportedExposure)}, which a sink that shows it
 * overrides; {@code Assessments.changes} with {@link org.bulwark.operations.api.Changes}, a page of a device's
 * change timeline.
 * <p>1.5.0: {@code VulnerabilityOperations.updateFeeds} with {@link org.bulwark.operations.api.FeedSource}, the
 * feeds fetched from their publishers' URLs (conditional requests) and imported as files are.
 * <p>1.6.0: {@code DeviceExposure.excepted} with {@link org.bulwark.operations.api.ExceptedFinding}, weaknesses
 * covered by {@code cve:} and {@code software:} exceptions (credited ones leave the exposure score);
 * {@code VulnerabilityOperations.importFeeds} with the files' origins.
 */
@Export
@Version("1.6.0")
package org.bulwark.operations.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
