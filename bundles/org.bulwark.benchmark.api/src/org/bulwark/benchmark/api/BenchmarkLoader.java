package org.bulwark.benchmark.api;

import java.io.InputStream;
import java.nio.file.Path;

import org.osgi.annotation.versioning.ProviderType;

/** Reads and validates content files. A service; thread-safe. */
@ProviderType
public interface BenchmarkLoader {

    /**
     * Reads a content file.
     *
     * @throws BenchmarkException naming the file, line and field when the file is unreadable, not JSON,
     *                            or breaks the format; nothing of it is returned
     */
    Benchmark load(Path file) throws BenchmarkException;

    /**
     * Reads content from a stream; {@code origin} names it in errors and in the result. The stream is read
     * fully and closed.
     */
    Benchmark load(String origin, InputStream in) throws BenchmarkException;
}
