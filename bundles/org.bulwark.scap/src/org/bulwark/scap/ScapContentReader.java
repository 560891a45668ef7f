package org.bulwark.scap;

import java.nio.file.Path;

import org.osgi.annotation.versioning.ProviderType;

/** Reads SCAP content files into immutable models. Implemented by Bulwark; thread-safe. */
@ProviderType
public interface ScapContentReader {

    /**
     * Reads a source data stream, a plain XCCDF 1.2 benchmark or an OVAL 5.11 definitions file. Every reference
     * inside the content (profile selections, refined and exported values, {@code check-content-ref}s, OVAL
     * test, object, state, variable and definition references, {@code #platform} ids) is checked; a dangling
     * one is an error. For a plain XCCDF file the {@code check-content-ref href}s name files in the same
     * directory; the OVAL ones among them are read as well.
     *
     * @param file the content file (read once, never written)
     * @return the content; never {@code null}
     * @throws ScapContentException when the file cannot be read or is not well-formed, supported SCAP content,
     *         naming the file, line, column, element and attribute
     */
    ScapContent read(Path file) throws ScapContentException;

    /**
     * Reads an XCCDF 1.2 tailoring file and checks it against the benchmark it tailors: each profile's
     * {@code extends} names a profile of the benchmark or an earlier one of the file, and every selection and
     * refinement names an item of the benchmark.
     *
     * @param file the tailoring file
     * @param benchmark the benchmark it tailors
     * @return the tailoring; never {@code null}
     * @throws ScapContentException as {@link #read(Path)}
     */
    Tailoring readTailoring(Path file, Benchmark benchmark) throws ScapContentException;
}
