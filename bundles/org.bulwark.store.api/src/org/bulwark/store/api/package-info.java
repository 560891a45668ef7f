/**
 * The assessment store: every assessment kept whole (score over time, {@link org.bulwark.store.api.AssessmentDiff}
 * between two assessments), exceptions and remediation activities. An
 * {@link org.bulwark.store.api.AssessmentStoreFactory} service opens an {@link org.bulwark.store.api.AssessmentStore}
 * on a JDBC URL (embedded H2 by default, PostgreSQL for servers). Both are implemented by Bulwark
 * ({@code @ProviderType}); the schema and transactions are described in {@code docs/ARCHITECTURE.md}.
 *
 * <p>1.4.0: {@link org.bulwark.store.api.SoftwareInventories}, the devices' installed software, and
 * {@link org.bulwark.store.api.FeedStore}, the vulnerability feeds.
 * <p>1.5.0: {@link org.bulwark.store.api.DeviceRegistry#device(String)}, one device by id.
 * <p>1.6.0: {@link org.bulwark.store.api.DeviceRegistry#platforms()} and
 * {@link org.bulwark.store.api.DevicePlatform}, each device's platform.
 * <p>1.7.0: {@code AssessmentSummary.exposure} and {@code AssessmentHistory.save}/{@code saveCompressed} with it,
 * each assessment's exposure score as computed when it was stored.
 */
@Export
@Version("1.7.0")
package org.bulwark.store.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
