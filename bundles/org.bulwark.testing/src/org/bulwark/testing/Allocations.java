package org.bulwark.testing;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.Method;

import org.junit.jupiter.api.Assumptions;

/**
 * The bytes the current thread has allocated on the heap so far (HotSpot's
 * {@code com.sun.management.ThreadMXBean#getCurrentThreadAllocatedBytes}, reached through the platform bean's own
 * interface so that no {@code com.sun} package is imported). Fuzz tests take the difference around a parse to
 * check that a reader allocates in proportion to its input, not to the lengths the input claims.
 *
 * @since 1.2
 */
public final class Allocations {
    private static final ThreadMXBean BEAN = ManagementFactory.getThreadMXBean();
    private static final Method CURRENT = find();

    private Allocations() {
    }

    /** Skips the calling test, with a message, when this JVM cannot count allocated bytes. */
    public static void assumeSupported() {
        Assumptions.assumeTrue(CURRENT != null, "this JVM does not count the bytes a thread allocates: test skipped");
    }

    /** The bytes allocated by the current thread since it started; -1 when the JVM cannot tell. */
    public static long current() {
        if (CURRENT == null) {
            return -1;
        }
        try {
            return (Long) CURRENT.invoke(BEAN);
        } catch (ReflectiveOperationException e) {
            return -1;
        }
    }

    private static Method find() {
        for (Class<?> c = BEAN.getClass(); c != null; c = c.getSuperclass()) {
            for (Class<?> i : c.getInterfaces()) {
                if (i.getName().equals("com.sun.management.ThreadMXBean")) {
                    try {
                        Method m = i.getMethod("getCurrentThreadAllocatedBytes");
                        m.invoke(BEAN);
                        return m;
                    } catch (ReflectiveOperationException | RuntimeException e) {
                        return null;
                    }
                }
            }
        }
        return null;
    }
}
