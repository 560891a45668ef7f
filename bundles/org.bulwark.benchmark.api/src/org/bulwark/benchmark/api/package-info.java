/**
 * Benchmark content: the controls Bulwark checks, as data. A {@link org.bulwark.benchmark.api.Benchmark}
 * is read from a JSON file (format: {@code docs/benchmark-format.md}) by the
 * {@link org.bulwark.benchmark.api.BenchmarkLoader}; bundles ship content with the
 * {@value org.bulwark.benchmark.api.BenchmarkRegistry#HEADER} manifest header and the
 * {@link org.bulwark.benchmark.api.BenchmarkRegistry} collects it.
 */
@Export
@Version("1.1.0")
package org.bulwark.benchmark.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
