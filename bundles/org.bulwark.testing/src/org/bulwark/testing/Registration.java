package org.bulwark.testing;

import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;

/**
 * A service registered by a test; {@link #close()} unregisters it (once: closing again, or after its bundle
 * stopped, does nothing).
 */
public final class Registration<S> implements AutoCloseable {

    private final ServiceRegistration<S> registration;
    private final ServiceReference<S> reference;

    Registration(ServiceRegistration<S> registration) {
        this.registration = registration;
        this.reference = registration.getReference();
    }

    /** @return the registered service's reference (still readable after {@link #close()}) */
    public ServiceReference<S> reference() {
        return reference;
    }

    /** @return whether the service is still registered */
    public boolean registered() {
        return reference.getBundle() != null;
    }

    /** Unregisters the service if it still is. */
    @Override
    public void close() {
        try {
            registration.unregister();
        } catch (IllegalStateException alreadyUnregistered) {
            // closed before, or the registering bundle stopped: nothing left to do
        }
    }
}
