/**
 * Results, scores and the services that produce them: the {@link org.bulwark.scoring.api.AssessmentService}
 * runs collectors and evaluates controls into {@link org.bulwark.scoring.api.ControlResult}s; the
 * {@link org.bulwark.scoring.api.ScoringService} turns results into the scores described in
 * {@code docs/scoring.md}. Both are implemented by Bulwark ({@code @ProviderType}).
 *
 * <p>1.2.0: {@code Assessment.software}, the inventories of the registered
 * {@code org.bulwark.collector.api.inventory.InventoryProvider}s.
 * <p>1.3.0: {@code ControlException.CVE_TARGET} and {@code SOFTWARE_TARGET}, exceptions for weaknesses
 * ({@code coversWeakness}, {@code isWeaknessException}).
 */
@Export
@Version("1.3.0")
package org.bulwark.scoring.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
