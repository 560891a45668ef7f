package org.bulwark.testing;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.osgi.framework.BundleContext;

/**
 * A JUnit 5 extension for services a test registers: each is unregistered after the test (after its
 * {@code @AfterEach} methods), in the reverse order of registration.
 *
 * <pre>
 * &#64;RegisterExtension
 * final TestServices services = new TestServices();
 *
 * &#64;BeforeEach
 * void collector() {
 *     services.register(Collector.class, new FactsFileCollector());
 * }
 * </pre>
 *
 * Use an instance field: the registrations are the current test's. Not thread-safe: register from the test's
 * thread.
 */
public final class TestServices implements AfterEachCallback {

    private final BundleContext context;
    private final Deque<Registration<?>> registrations = new ArrayDeque<>();

    /** Registers in the bundle of the test class that creates it (for a test fragment: its host). */
    public TestServices() {
        this.context = Services.callerContext();
    }

    /** Registers in {@code context}. */
    public TestServices(BundleContext context) {
        this.context = context;
    }

    /** @return {@code service} registered under {@code type} until the end of the test */
    public <S> Registration<S> register(Class<S> type, S service) {
        return register(type, service, Map.of());
    }

    /** @return {@code service} registered under {@code type} with {@code properties} until the end of the test */
    public <S> Registration<S> register(Class<S> type, S service, Map<String, ?> properties) {
        Registration<S> registration = Services.register(context, type, service, properties);
        registrations.push(registration);
        return registration;
    }

    /** Unregisters every service registered since the last call, the last registered first. */
    @Override
    public void afterEach(ExtensionContext extensionContext) {
        while (!registrations.isEmpty()) {
            registrations.pop().close();
        }
    }
}
