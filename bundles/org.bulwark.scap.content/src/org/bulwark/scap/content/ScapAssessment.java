package org.bulwark.scap.content;

import org.bulwark.benchmark.api.Benchmark;
import org.bulwark.scap.ResolvedProfile;
import org.osgi.annotation.versioning.ProviderType;

/**
 * SCAP content prepared for assessments: its controls, and the collector that evaluates them, registered until
 * {@link #close()}. Pass {@link #benchmark()} as the content of an assessment (instead of the installed content)
 * while this is open.
 */
@ProviderType
public interface ScapAssessment extends AutoCloseable {

    /**
     * @return the content: id {@code scap:<data stream file name>:<profile id>}, the benchmark's title and the
     *         profile's, version {@code <benchmark version> <profile id>}, origin the data stream (and tailoring)
     *         path, sha256 of the data stream's bytes, one control per selected rule
     */
    Benchmark benchmark();

    /** @return the profile as resolved */
    ResolvedProfile profile();

    /** Unregisters the collector; idempotent. */
    @Override
    void close();
}
