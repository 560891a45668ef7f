/**
 * The collector TCK: JUnit 5 checks that a {@link org.bulwark.collector.api.Collector} keeps the contract of
 * the collector SPI. Extend {@link org.bulwark.collector.tck.CollectorContract} in a test of your plug-in
 * (in OSGi, e.g. a Tycho test fragment, or outside OSGi by overriding
 * {@link org.bulwark.collector.tck.CollectorContract#collector()}); the single checks are in
 * {@link org.bulwark.collector.tck.CollectorChecks} for tests of your own.
 *
 * <p>1.1.0: {@code Fixture.chmod} and {@code Fixture.chown}.
 */
@Export
@Version("1.1.0")
package org.bulwark.collector.tck;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
