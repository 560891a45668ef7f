package org.bulwark.scap;

import java.nio.file.Path;

import org.osgi.annotation.versioning.ProviderType;

/** Reads SCAP content files into immutable models. Implemented by Bulwark; thread-safe. */
@ProviderType
public interface ScapContentReader {

    /**
     * Reads a source data stream, a plain XCCDF 1.2 benchmark or an OVAL 5.11 definitions file.
     *
     * @param file the content file (read once, never written)
     * @return the content; never {@code null}
     * @throws ScapContentException when the file cannot be read or is not well-formed, supported SCAP content,
     *         naming the file, line and element
     */
    ScapContent read(Path file) throws ScapContentException;
}
