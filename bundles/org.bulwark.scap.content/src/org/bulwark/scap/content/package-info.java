/**
 * SCAP content as Bulwark content: {@link org.bulwark.scap.content.ScapBenchmarks} turns the rules of one
 * profile of a data stream into Bulwark {@link org.bulwark.benchmark.api.Control}s and, for as long as the
 * {@link org.bulwark.scap.content.ScapAssessment} it returns is open, registers the collector that evaluates
 * their OVAL checks, so that an ordinary assessment with that content scores, reports and stores them.
 *
 * <p>This package is versioned semantically. The service is implemented by Bulwark ({@code @ProviderType}); the
 * records are values.
 *
 * <p>1.1: {@link org.bulwark.scap.content.ScapAssessment#writeResults} and
 * {@link org.bulwark.scap.content.ScapResultFormat}: XCCDF and ARF results.
 */
@Export
@Version("1.1.0")
package org.bulwark.scap.content;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
