package org.bulwark.scap;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/** The profiles of SCAP content, resolved. Implemented by Bulwark; thread-safe. */
@ProviderType
public interface ScapProfiles {

    /**
     * Reads the content (and the tailoring) and resolves every profile of every benchmark, the tailoring's last.
     *
     * @param content a data stream or plain XCCDF 1.2 file, see {@link ScapContentReader#read(Path)}
     * @param tailoring a tailoring file of the (first) benchmark, or empty
     * @return the profiles in document order
     * @throws ScapContentException when either file cannot be read or is malformed
     */
    List<ResolvedProfile> profiles(Path content, Optional<Path> tailoring) throws ScapContentException;

    /**
     * Resolves one profile of a benchmark.
     *
     * @param benchmark the benchmark
     * @param tailoring its tailoring, or empty
     * @param profileId a profile id of the tailoring or the benchmark (the tailoring's first)
     * @return the profile resolved
     * @throws ScapContentException naming the profile when neither holds it
     */
    ResolvedProfile resolve(Benchmark benchmark, Optional<Tailoring> tailoring, String profileId)
            throws ScapContentException;
}
