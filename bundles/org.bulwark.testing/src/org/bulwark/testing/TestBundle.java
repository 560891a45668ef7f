package org.bulwark.testing;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;

/**
 * A bundle jar a test builds in memory: a manifest naming the bundle, more headers, and entries in the order
 * added.
 *
 * <pre>
 * Bundle b = TestBundle.of("test.probe", "1.0.0").header("Service-Component", "OSGI-INF/c.xml")
 *         .entry("OSGI-INF/c.xml", xml).install(context);
 * </pre>
 *
 * Not thread-safe.
 *
 * @since 1.1.0
 */
public final class TestBundle {

    private final String symbolicName;
    private final Manifest manifest = new Manifest();
    private final Map<String, byte[]> entries = new LinkedHashMap<>();

    private TestBundle(String symbolicName, String version) {
        this.symbolicName = symbolicName;
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue("Bundle-ManifestVersion", "2");
        main.putValue("Bundle-SymbolicName", symbolicName);
        main.putValue("Bundle-Version", version);
    }

    /** @return a bundle {@code symbolicName} at {@code version}, without other headers or entries yet */
    public static TestBundle of(String symbolicName, String version) {
        return new TestBundle(symbolicName, version);
    }

    /** @return this bundle with the manifest header {@code name: value} */
    public TestBundle header(String name, String value) {
        manifest.getMainAttributes().putValue(name, value);
        return this;
    }

    /** @return this bundle with the entry {@code path} holding {@code text} in UTF-8 */
    public TestBundle entry(String path, String text) {
        return entry(path, text.getBytes(StandardCharsets.UTF_8));
    }

    /** @return this bundle with the entry {@code path} holding {@code content} */
    public TestBundle entry(String path, byte[] content) {
        entries.put(path, content.clone());
        return this;
    }

    /** @return the jar's bytes */
    public byte[] bytes() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JarOutputStream jar = new JarOutputStream(bytes, manifest)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                jar.putNextEntry(new JarEntry(e.getKey()));
                jar.write(e.getValue());
                jar.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** @return {@code file}, the jar written to it */
    public Path write(Path file) throws IOException {
        return Files.write(file, bytes());
    }

    /** @return the bundle installed from location {@code test:<symbolic name>} and started */
    public Bundle install(BundleContext context) throws BundleException {
        Bundle b = context.installBundle("test:" + symbolicName, new ByteArrayInputStream(bytes()));
        b.start();
        return b;
    }
}
