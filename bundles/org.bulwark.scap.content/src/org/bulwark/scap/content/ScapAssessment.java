package org.bulwark.scap.content;

import java.io.IOException;
import java.io.OutputStream;

import org.bulwark.benchmark.api.Benchmark;
import org.bulwark.scap.ResolvedProfile;
import org.bulwark.scoring.api.Assessment;
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

    /**
     * Writes an assessment of this content as SCAP results. Each rule's result is the assessment's (so an
     * assessment read back from the store gives the same rule results); OVAL results, and the XCCDF
     * {@code unknown} of an OVAL check that was undecidable (which Bulwark reports as NOT_CHECKED), come from the
     * last evaluation of this content on the assessment's root, while this is open.
     *
     * @param assessment an assessment whose content is {@link #benchmark()}
     * @throws IOException when the content's file cannot be read again, or has changed since it was read
     *         (its sha256 differs), or {@code out} fails
     * @throws IllegalArgumentException when {@code assessment} is not of this content
     * @since 1.1
     */
    void writeResults(Assessment assessment, ScapResultFormat format, OutputStream out) throws IOException;

    /** Unregisters the collector; idempotent. */
    @Override
    void close();
}
