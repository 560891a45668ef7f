package org.bulwark.collector.api;

import java.util.List;
import java.util.Set;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Reads facts about a device. Register an implementation as an OSGi service of this type (with
 * Declarative Services: {@code @Component(service = Collector.class)}); the scoring service tracks every
 * registered collector and uses it from the next assessment on.
 *
 * <h2>Contract</h2>
 * <ul>
 * <li><b>Read only.</b> A collector never changes the system it looks at: no writes, no service restarts,
 * no package installs, no network traffic. It reads only below {@link AssessmentContext#root()}.</li>
 * <li><b>Thread safety.</b> {@link #collect} may be called concurrently for different assessments and is
 * called on a thread Bulwark owns, in parallel with other collectors. Keep no state between calls.</li>
 * <li><b>Deadline.</b> Return by {@link AssessmentContext#deadline()}. After it, Bulwark interrupts the
 * thread, ignores whatever is returned later and reports ERROR for every control reading this collector's
 * keys. Check {@link AssessmentContext#isCancelled()} in long loops; do not swallow interrupts.</li>
 * <li><b>Report every key you provide.</b> For every key listed in {@link #provides()} that the target can
 * have, return an observation, also when the fact could not be read: then use
 * {@link Observation#unreadable}, {@link Observation#unparseable} or {@link Observation#unavailable} with
 * the reason. Never guess a value. A missing key is an ERROR for the controls that read it.</li>
 * <li><b>Failure.</b> An exception thrown from {@link #collect} turns every control reading this
 * collector's keys into ERROR with the exception's message; other collectors are unaffected. Prefer
 * per-key {@code UNREADABLE} observations so that one unreadable file does not fail every key.</li>
 * </ul>
 */
@ConsumerType
public interface Collector {

    /** A stable, unique id, e.g. {@code linux.sshd}. Shown in reports and used in error messages. */
    String id();

    /** The category whose controls this collector mainly serves. */
    Category category();

    /**
     * The observation keys this collector reports. An entry ending in {@code .*} stands for every key with
     * that prefix (e.g. {@code linux.sysctl.*}). The set must not change while the service is registered.
     */
    Set<String> provides();

    /**
     * Collects the facts of the target described by {@code context}.
     *
     * @return one observation per key provided, in any order; never {@code null}
     * @throws Exception when nothing could be collected; the message is shown to people
     */
    List<Observation> collect(AssessmentContext context) throws Exception;

    /** @return whether {@code key} is covered by {@code pattern} (an exact key or a prefix ending in {@code .*}) */
    static boolean covers(String pattern, String key) {
        if (pattern.endsWith(".*")) {
            return key.startsWith(pattern.substring(0, pattern.length() - 1));
        }
        return pattern.equals(key);
    }
}
