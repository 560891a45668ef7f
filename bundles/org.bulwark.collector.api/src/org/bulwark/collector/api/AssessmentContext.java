package org.bulwark.collector.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import org.osgi.annotation.versioning.ProviderType;

/**
 * What a collector is asked to look at, and until when. Bulwark implements this type; collectors only
 * read it.
 */
@ProviderType
public interface AssessmentContext {

    /**
     * The root of the target's filesystem: {@code /} for this machine, or a mounted image, chroot or
     * container root. A collector reads files only below this directory, and names them in
     * {@link Source}s as the target sees them (relative to this root, starting with {@code /}).
     */
    Path root();

    /**
     * @return {@code true} when the target is the running system Bulwark runs on, so that runtime facts
     *         ({@code /proc}, sockets, processes) describe it; {@code false} for a mounted filesystem, where a
     *         collector reports such facts as {@link ObservationState#UNAVAILABLE}
     */
    boolean live();

    /** Facts about the target's platform. */
    PlatformFacts platform();

    /**
     * The moment by which the collector must have returned. A collector that is still running then is
     * abandoned: its thread is interrupted and its controls become ERROR.
     */
    Instant deadline();

    /** @return the time left until {@link #deadline()}, never negative */
    default Duration remaining() {
        Duration left = Duration.between(Instant.now(), deadline());
        return left.isNegative() ? Duration.ZERO : left;
    }

    /**
     * @return whether the assessment was cancelled or its deadline passed; long-running collectors check
     *         this (or their thread's interrupt flag) and return early
     */
    boolean isCancelled();

    /**
     * Resolves a path as the target sees it (e.g. {@code /etc/ssh/sshd_config}) to the file to read below
     * {@link #root()}, with {@link TargetRoot#resolve}: symbolic links are resolved by hand inside the root (an
     * absolute link starts again at the root), {@code ..} stops at the root, and the result never leaves it and
     * contains no symbolic link. Check the file's type without following links before you open it (a FIFO blocks
     * the reader) and bound what you read: the target's files are untrusted input.
     *
     * @throws UncheckedIOException when resolving the path takes more than {@value TargetRoot#MAX_SYMLINKS}
     *                              symbolic links (a loop) or a link on the way cannot be read; its message
     *                              names the path and the reason
     */
    default Path resolve(String targetPath) {
        try {
            return new TargetRoot(root()).resolve(targetPath);
        } catch (FileSystemLoopException e) {
            throw new UncheckedIOException(targetPath + ": too many levels of symbolic links", e);
        } catch (IOException e) {
            throw new UncheckedIOException(targetPath + ": " + e.getMessage(), e);
        }
    }
}
