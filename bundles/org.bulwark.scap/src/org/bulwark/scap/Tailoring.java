package org.bulwark.scap;

import java.util.List;

/**
 * An XCCDF 1.2 tailoring file: profiles that usually extend a profile of the benchmark they tailor.
 *
 * @param file the file's name as given
 * @param id the tailoring id
 * @param benchmarkHref the {@code benchmark href} (the data stream or benchmark file), or {@code ""}
 * @param version its version text
 * @param profiles its profiles in document order
 */
public record Tailoring(String file, String id, String benchmarkHref, String version, List<Profile> profiles) {

    public Tailoring {
        profiles = List.copyOf(profiles);
    }
}
