package org.bulwark.testing;

import java.time.Duration;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.Map;

import org.bulwark.testing.internal.ComponentStates;
import org.bulwark.testing.internal.Durations;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;
import org.osgi.util.tracker.ServiceTracker;

/**
 * Services of the test runtime, looked up in the bundle of the calling test (for a test fragment: its host), so
 * the framework's class-space checks are those of the code under test.
 *
 * <pre>
 * ScoringService scoring = Services.await(ScoringService.class, Duration.ofSeconds(5));
 * </pre>
 *
 * A service returned by {@code await} is held by the calling bundle until that bundle stops: a delayed DS
 * component is not deactivated under the test that uses it.
 */
public final class Services {

    /** The timeout of {@link #await(Class)}. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    private Services() {
    }

    /**
     * @return the service of {@code type} with the highest ranking, waiting up to {@link #DEFAULT_TIMEOUT}
     * @throws AssertionError when none is registered within the timeout (see {@link #await(Class, Duration)})
     */
    public static <T> T await(Class<T> type) {
        return await(callerContext(), type, DEFAULT_TIMEOUT);
    }

    /**
     * @return the service of {@code type} with the highest ranking, waiting up to {@code timeout}
     * @throws AssertionError when none is registered within the timeout, naming the type, the timeout and, when
     *         {@code ServiceComponentRuntime} is present, the state of every DS component that provides the type
     *         (disabled, without configuration, unsatisfied references, failed activation…)
     */
    public static <T> T await(Class<T> type, Duration timeout) {
        return await(callerContext(), type, timeout);
    }

    /** {@link #await(Class, Duration)} in the given bundle context. */
    public static <T> T await(BundleContext context, Class<T> type, Duration timeout) {
        long millis = Durations.positiveMillis(timeout);
        ServiceTracker<T, T> tracker = new ServiceTracker<>(context, type, null);
        tracker.open();
        try {
            tracker.waitForService(millis);
            ServiceReference<T> reference = tracker.getServiceReference();
            T service = reference == null ? null : context.getService(reference); // held: see the class comment
            if (service == null) {
                // a tracker does not track a service it cannot get: ask the registry whether there is one
                ServiceReference<T> registered = context.getServiceReference(type);
                Bundle registrant = registered == null ? null : registered.getBundle();
                String got = registrant == null ? ""
                        : " (bundle " + registrant.getSymbolicName() + " registers one, but getting it returned null:"
                                + " did its component fail to activate?)";
                throw new AssertionError("no " + type.getName() + " service within " + Durations.format(timeout)
                        + got + "; " + ComponentStates.describe(context, type.getName(), registrant != null));
            }
            return service;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for a " + type.getName() + " service", e);
        } finally {
            tracker.close();
        }
    }

    /**
     * Registers {@code service} under {@code type} in the calling test's bundle, for a try-with-resources block.
     * In a JUnit 5 test, {@link TestServices} unregisters after each test without one.
     */
    public static <S> Registration<S> register(Class<S> type, S service) {
        return register(callerContext(), type, service, Map.of());
    }

    /** Registers {@code service} under {@code type} with {@code properties} in {@code context}. */
    public static <S> Registration<S> register(BundleContext context, Class<S> type, S service,
            Map<String, ?> properties) {
        Dictionary<String, Object> dictionary = new Hashtable<>(properties);
        ServiceRegistration<S> registration = context.registerService(type, service, dictionary);
        return new Registration<>(registration);
    }

    /**
     * @return the bundle context of the class that called the public method of this package that called this
     *         (two frames above)
     */
    static BundleContext callerContext() {
        Class<?> caller = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE)
                .walk(frames -> frames.skip(2).findFirst()).orElseThrow().getDeclaringClass();
        return contextOf(caller);
    }

    /** @return the bundle context of the bundle that loaded {@code type} (for a fragment's class: its host) */
    static BundleContext contextOf(Class<?> type) {
        Bundle bundle = FrameworkUtil.getBundle(type);
        if (bundle == null) {
            throw new IllegalStateException(type.getName() + " is not loaded by an OSGi bundle: run the test in OSGi"
                    + " or pass a BundleContext");
        }
        BundleContext context = bundle.getBundleContext();
        if (context == null) {
            throw new IllegalStateException("bundle " + bundle.getSymbolicName() + " of " + type.getName()
                    + " has no context: it is not started");
        }
        return context;
    }
}
