package org.bulwark.collector.api;

import java.nio.file.Path;
import java.util.Optional;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Recognises the platform of a target root and reads the target's identity from the target's own files. Register
 * an implementation as an OSGi service of this type; the assessment service tracks every registered probe and
 * asks them, in service ranking order (highest first, then the oldest service), until one recognises the root.
 * Bulwark's Linux probe is in {@code org.bulwark.linux}; a probe for another platform registers beside it.
 *
 * <h2>Contract</h2>
 * <ul>
 * <li><b>Read only</b>, and only below {@code root}, through {@link TargetRoot}: the root may be a hostile image.</li>
 * <li><b>Never throw</b> for what the target's files hold: a file that cannot be read is left out of the facts
 * and named in {@link ProbedTarget#problems()}.</li>
 * <li><b>Quick</b>: a probe reads a handful of small files; it runs before any collector, on the caller's
 * thread. Thread-safe, no state between calls.</li>
 * </ul>
 */
@ConsumerType
public interface PlatformProbe {

    /** A stable id naming the platform, e.g. {@code linux}; shown when no probe recognises a root. */
    String id();

    /**
     * Looks at the target whose filesystem is mounted at {@code root}.
     *
     * @param root the target's {@code /}, absolute and normalized
     * @return the target's platform and identity when this probe recognises the root; empty otherwise
     */
    Optional<ProbedTarget> probe(Path root);
}
