package org.bulwark.scap.content;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What to assess of SCAP content.
 *
 * @param content a SCAP 1.2/1.3 source data stream or a plain XCCDF 1.2 benchmark
 * @param tailoring an XCCDF 1.2 tailoring file of its benchmark, or empty
 * @param profileId the profile (of the tailoring or the benchmark), or empty for the benchmark's default
 *        selection (the rules whose {@code selected} attribute, and their groups', is true)
 * @param assumedPlatforms CPE names (e.g. {@code cpe:/o:debian:debian_linux:11}) the operator declares true of
 *        the target: their OVAL checks are not evaluated, and each assumption is named in the evidence of every
 *        rule it decides. The explicit way to run content written for a neighbouring release.
 */
public record ScapSelection(Path content, Optional<Path> tailoring, Optional<String> profileId,
        Set<String> assumedPlatforms) {

    public ScapSelection {
        Objects.requireNonNull(content, "content");
        tailoring = tailoring == null ? Optional.empty() : tailoring;
        profileId = profileId == null ? Optional.empty() : profileId;
        assumedPlatforms = assumedPlatforms == null ? Set.of() : Set.copyOf(assumedPlatforms);
    }
}
