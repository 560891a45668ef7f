package org.bulwark.cli.internal;

import org.bulwark.testing.TestBundle;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;

/** Test bundles with one DS component and no classes, to see how {@code plugins} reports SCR's states. */
final class ComponentBundles {

    private ComponentBundles() {
    }

    /** Installs and starts bundle {@code bsn} 2.3.4 whose only component's XML is {@code component}. */
    static Bundle install(BundleContext context, String bsn, String component) throws Exception {
        return TestBundle.of(bsn, "2.3.4").header("Service-Component", "OSGI-INF/c.xml")
                .entry("OSGI-INF/c.xml", component).install(context);
    }
}
