package org.bulwark.benchmark.api;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The content shipped by installed bundles. A bundle ships content by naming its files in the
 * {@value #HEADER} manifest header (comma-separated paths inside the bundle). Content appears when its
 * bundle starts and disappears when it stops. A control id that is already taken by content loaded
 * earlier (built-in content first) is reported in {@link #problems()} and that control is ignored.
 */
@ProviderType
public interface BenchmarkRegistry {

    /** The manifest header naming a bundle's content files. */
    String HEADER = "Bulwark-Benchmark";

    /** @return the content of every active bundle, in the order the bundles were started */
    List<Benchmark> benchmarks();

    /** @return content that was rejected (malformed files, clashing control ids), with the reason */
    List<BenchmarkException> problems();
}
