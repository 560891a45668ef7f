package org.bulwark.windows.testing;

/**
 * The bytes the current thread has allocated on the heap so far.
 *
 * @deprecated since 1.2: use {@code org.bulwark.testing.Allocations}, which every test fragment can import; this
 *             delegate stays for the fragments that import it from here
 */
@Deprecated
public final class Allocations {

    private Allocations() {
    }

    /** Skips the calling test, with a message, when this JVM cannot count allocated bytes. */
    public static void assumeSupported() {
        org.bulwark.testing.Allocations.assumeSupported();
    }

    /** The bytes allocated by the current thread since it started; -1 when the JVM cannot tell. */
    public static long current() {
        return org.bulwark.testing.Allocations.current();
    }
}
