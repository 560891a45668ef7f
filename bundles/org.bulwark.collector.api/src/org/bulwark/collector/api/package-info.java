/**
 * The collector SPI: what a plug-in implements to feed facts about a device into Bulwark.
 *
 * <p>A collector is an OSGi service of type {@link org.bulwark.collector.api.Collector}. It reads
 * the configuration state of the device described by an {@link org.bulwark.collector.api.AssessmentContext}
 * and returns {@link org.bulwark.collector.api.Observation}s: keyed facts with their effective value and
 * the {@link org.bulwark.collector.api.Source} they came from. Controls in benchmark content name the keys
 * they read; the scoring service matches them. Collectors never decide pass or fail.
 *
 * <p>A {@link org.bulwark.collector.api.PlatformProbe} recognises a target root's platform and reads its
 * identity; {@link org.bulwark.collector.api.TargetRoot} resolves the target's paths below its root without
 * ever leaving it.
 *
 * <p>This package is versioned semantically. {@code Collector} and {@code PlatformProbe} are consumer types:
 * third parties implement them, so adding a method to them is a major change. The other types are implemented
 * or created by Bulwark. 1.1.0 added {@code PlatformProbe}, {@code ProbedTarget} and {@code TargetRoot}.
 */
@Export
@Version("1.1.0")
package org.bulwark.collector.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
