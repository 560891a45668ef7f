package org.bulwark.collector.tck;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;

import org.bulwark.collector.api.AssessmentContext;
import org.bulwark.collector.api.PlatformFacts;

/**
 * An {@link AssessmentContext} for tests: a (mounted, not live) root, platform facts, a deadline and a
 * cancellation flag the test controls.
 *
 * @param root      the target root
 * @param live      whether the root is to be taken as the running system
 * @param platform  the platform facts handed to the collector
 * @param deadline  when the collector must have returned
 * @param cancelled set to cancel the assessment
 */
public record TestContext(Path root, boolean live, PlatformFacts platform, Instant deadline, AtomicBoolean cancelled)
        implements AssessmentContext {

    /** Debian 12 on amd64, host {@code tck-host}. */
    public static final PlatformFacts DEBIAN = new PlatformFacts("linux", "debian", "12",
            "Debian GNU/Linux 12 (bookworm)", "amd64", "tck-host", "0123456789abcdef0123456789abcdef");

    /** A mounted (not live) Debian root with {@code budget} until the deadline. */
    public static TestContext of(Path root, Duration budget) {
        return new TestContext(root.toAbsolutePath().normalize(), false, DEBIAN, Instant.now().plus(budget),
                new AtomicBoolean());
    }

    /** A mounted (not live) Debian root whose deadline has passed and that is cancelled. */
    public static TestContext expired(Path root) {
        return new TestContext(root.toAbsolutePath().normalize(), false, DEBIAN, Instant.now().minusSeconds(1),
                new AtomicBoolean(true));
    }

    @Override
    public boolean isCancelled() {
        return cancelled.get() || Instant.now().isAfter(deadline);
    }
}
