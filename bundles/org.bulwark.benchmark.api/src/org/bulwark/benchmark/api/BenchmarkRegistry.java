package org.bulwark.benchmark.api;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The content shipped by installed bundles. A bundle ships content by naming its files in the
 * {@value #HEADER} manifest header (comma-separated paths inside the bundle). Content appears when its
 * bundle starts and disappears when it stops. When a bundle is uninstalled (a plug-in removed from the
 * plug-in folder), its content stays for the life of the runtime, so that its controls become NOT_CHECKED
 * instead of leaving the score; a bundle of the same symbolic name replaces it. A control id that is already
 * taken by content of a bundle installed earlier (built-in content first) is reported in {@link #problems()}
 * and that control is ignored.
 */
@ProviderType
public interface BenchmarkRegistry {

    /** The manifest header naming a bundle's content files. */
    String HEADER = "Bulwark-Benchmark";

    /** @return the content of every active bundle, in the order the bundles were installed, then retired content */
    List<Benchmark> benchmarks();

    /** @return content that was rejected (malformed files, clashing control ids), with the reason */
    List<BenchmarkException> problems();
}
