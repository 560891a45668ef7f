package org.bulwark.operations.api;

import java.io.IOException;
import java.nio.file.Path;

import org.osgi.annotation.versioning.ProviderType;

/** Writes files so that readers see the old content or the new, never half of it. Thread-safe. */
@ProviderType
public interface FileOutput {

    /**
     * Replaces {@code target} with {@code content}: writes a temporary file in the same directory (created when
     * missing), forces it to disk, moves it over {@code target} atomically and forces the directory.
     *
     * @throws IOException naming {@code target} when it exists and is not a regular file ({@code /dev/null}, a
     *                     FIFO, a directory) or is a symbolic link, or when it cannot be written; {@code target}
     *                     is then as it was
     */
    void replace(Path target, byte[] content) throws IOException;
}
