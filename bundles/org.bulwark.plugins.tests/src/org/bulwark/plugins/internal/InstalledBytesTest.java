package org.bulwark.plugins.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.File;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;

/**
 * What the installer installs is what it checked (issue 16, finding 2): a jar swapped for another under the same
 * name between the check and the install is not what runs; and a forged signature is never installed.
 */
class InstalledBytesTest {

    @TempDir
    static Path dir;

    static Signing signing;
    static Path vendor;
    static Path trusted;

    private final BundleContext context = FrameworkUtil.getBundle(InstalledBytesTest.class).getBundleContext();
    private Bundle installed;

    @BeforeAll
    static void keys() throws Exception {
        signing = new Signing(dir);
        // every key of the class in one batch of keytool commands
        trusted = signing.together(() -> {
            Path ca = signing.authority("ca", "CN=Install Test CA");
            vendor = signing.issued("Vendor", ca);
            signing.issued("Mallory", signing.authority("fake-ca", "CN=Install Test CA"));
            return signing.export(ca, "ca", "trusted.pem");
        });
    }

    @AfterEach
    void uninstall() throws Exception {
        if (installed != null) {
            installed.uninstall();
        }
    }

    /**
     * A file whose content changes between two opens, deterministically: every {@link #toPath()} after the first
     * gives the other jar, as a jar replaced on disk right after it was read would.
     */
    private static final class Swapped extends File {
        private static final long serialVersionUID = 1L;
        private final transient Path later;
        private int opened;

        Swapped(Path first, Path later) {
            super(first.toString());
            this.later = later;
        }

        @Override
        public Path toPath() {
            return opened++ == 0 ? super.toPath() : later;
        }
    }

    private static String entry(Bundle b, String name) throws Exception {
        URL url = b.getEntry(name);
        if (url == null) {
            return null;
        }
        try (InputStream in = url.openStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private SignedPluginInstaller installer() {
        return new SignedPluginInstaller(context, true, trusted.toString(), null);
    }

    @Test
    void aJarSwappedAfterTheCheckIsNotWhatIsInstalled() throws Exception {
        Path good = signing.sign(signing.plugin("swap.jar", "test.swap"), vendor, "Vendor");
        Path evil = signing.plugin("evil.jar", "test.swap", "{\"format\": 666}");

        Swapped artifact = new Swapped(good, evil);
        installer().install(artifact);
        installed = context.getBundle(good.toFile().toURI().normalize().toString());
        assertNotNull(installed, "the checked jar is installed");
        assertEquals("{\"format\": 1}", entry(installed, "content/controls.json"), "the checked bytes run");
        assertEquals(Bundle.ACTIVE, installed.getState());
        // the installed content is the checked jar's: its signature came along
        assertNotNull(entry(installed, "META-INF/VENDOR.SF"));
    }

    @Test
    void anUpdateSwappedAfterTheCheckIsNotWhatIsInstalled() throws Exception {
        Path jar = signing.sign(signing.plugin("update.jar", "test.update"), vendor, "Vendor");
        SignedPluginInstaller installer = installer();
        installer.install(jar.toFile());
        installed = context.getBundle(jar.toFile().toURI().normalize().toString());
        assertNotNull(installed);

        Path next = signing.sign(signing.plugin("update-2.jar", "test.update", "{\"format\": 1, \"v\": 2}"), vendor,
                "Vendor");
        Files.copy(next, jar, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Path evil = signing.plugin("update-evil.jar", "test.update", "{\"format\": 666}");
        installer.update(new Swapped(jar, evil));
        installed = context.getBundle(jar.toFile().toURI().normalize().toString());
        assertNotNull(installed);
        assertEquals("{\"format\": 1, \"v\": 2}", entry(installed, "content/controls.json"));
    }

    @Test
    void aForgedChainIsNeverInstalled() throws Exception {
        Path mallory = dir.resolve("Mallory.p12");
        Path chain = dir.resolve("chain.pem");
        Files.write(chain, (Files.readString(dir.resolve("Mallory.pem")) + Files.readString(trusted))
                .getBytes(StandardCharsets.US_ASCII));
        Path jar = signing.sign(signing.plugin("forged.jar", "test.forged"), mallory, "Mallory", "-certchain",
                chain.toString());
        SignedPluginInstaller installer = installer();
        installer.install(jar.toFile());
        installed = context.getBundle(jar.toFile().toURI().normalize().toString());
        assertNull(installed, "the forged jar's activator never runs");
        assertEquals("it is signed by CN=Mallory, which is not a trusted signer",
                installer.refused().get(jar.toFile().getAbsolutePath()));
    }
}
