package org.bulwark.testing.internal;

import org.osgi.framework.BundleContext;

/** The state of the DS components that provide a service type, as a failed lookup reports it. */
public final class ComponentStates {

    private ComponentStates() {
    }

    /**
     * @param registered whether the caller found a service of {@code type} (and getting it returned null)
     * @return e.g. {@code "DS components providing it: a.Component (bundle a) UNSATISFIED_REFERENCE (unsatisfied
     *         reference store: b.Store)"}, {@code "no DS component provides it"} or
     *         {@code "ServiceComponentRuntime is not present"}
     */
    public static String describe(BundleContext context, String type, boolean registered) {
        try {
            return ScrStates.describe(context, type, registered);
        } catch (NoClassDefFoundError noScrPackage) {
            // the optional import of org.osgi.service.component.runtime is not wired
            return ScrStates.ABSENT;
        }
    }
}
