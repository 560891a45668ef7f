package org.bulwark.cli.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;

/** Test bundles with one DS component and no classes, to see how {@code plugins} reports SCR's states. */
final class ComponentBundles {

    private ComponentBundles() {
    }

    /** Installs and starts bundle {@code bsn} 2.3.4 whose only component's XML is {@code component}. */
    static Bundle install(BundleContext context, String bsn, String component) throws Exception {
        Manifest m = new Manifest();
        m.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        m.getMainAttributes().putValue("Bundle-ManifestVersion", "2");
        m.getMainAttributes().putValue("Bundle-SymbolicName", bsn);
        m.getMainAttributes().putValue("Bundle-Version", "2.3.4");
        m.getMainAttributes().putValue("Service-Component", "OSGI-INF/c.xml");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JarOutputStream jar = new JarOutputStream(bytes, m)) {
            jar.putNextEntry(new JarEntry("OSGI-INF/c.xml"));
            jar.write(component.getBytes(StandardCharsets.UTF_8));
        }
        Bundle b = context.installBundle("test:" + bsn, new ByteArrayInputStream(bytes.toByteArray()));
        b.start();
        return b;
    }
}
