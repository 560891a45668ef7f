package org.bulwark.collector.api;

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
     * Resolves a path as the target sees it (e.g. {@code /etc/ssh/sshd_config}) to the file to read
     * below {@link #root()}. The result never leaves the root: {@code ..} segments are normalized away.
     */
    default Path resolve(String targetPath) {
        String relative = targetPath.startsWith("/") ? targetPath.substring(1) : targetPath;
        Path resolved = root().resolve(relative).normalize();
        if (!resolved.startsWith(root())) {
            throw new IllegalArgumentException("path escapes the target root: " + targetPath);
        }
        return resolved;
    }
}
