package org.bulwark.plugins.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;

/**
 * Signed plug-ins, with keys and signatures made by the JDK's keytool and jarsigner: a jar signed by a trusted
 * key is installed and started; unsigned, tampered, partly signed and untrusted jars are refused with the
 * reason and never installed.
 */
class SignedPluginsTest {

    @TempDir
    static Path dir;

    static Path trusted;
    static Path vendorStore;
    static Path malloryStore;

    private final BundleContext context = FrameworkUtil.getBundle(SignedPluginsTest.class).getBundleContext();

    @BeforeAll
    static void keys() throws Exception {
        Signing signing = new Signing(dir);
        trusted = signing.together(() -> {
            vendorStore = signing.keystore("Vendor");
            malloryStore = signing.keystore("Mallory");
            return signing.export(vendorStore, "Vendor", "trusted.pem");
        });
    }

    static Path plugin(String name, String bsn) throws IOException {
        return new Signing(dir).plugin(name, bsn);
    }

    static Path signed(String name, String bsn, Path store, String alias) throws Exception {
        return new Signing(dir).signed(name, bsn, store, alias);
    }

    static Path rewrite(Path jar, String name, String entry, String extra) throws IOException {
        return new Signing(dir).rewrite(jar, name, entry, extra);
    }

    private JarVerifier verifier() throws Exception {
        return new JarVerifier(JarVerifier.load(trusted, null));
    }

    @Test
    void theKeystorePasswordComesFromTheEnvironmentBeforeTheCommandLine() {
        // the launcher passes no password on the java command line (every user can read it there)
        assertEquals("from-env", SignedPluginInstaller.password("from-env", "from-property"));
        assertEquals("from-property", SignedPluginInstaller.password(null, "from-property"));
        assertEquals("from-property", SignedPluginInstaller.password("", "from-property"));
        assertEquals("changeit", SignedPluginInstaller.password(null, null));
    }

    @Test
    void verdicts() throws Exception {
        JarVerifier v = verifier();
        Path good = signed("good.jar", "test.signed.good", vendorStore, "Vendor");
        assertNull(v.refusal(good));
        assertEquals("it is not signed", v.refusal(plugin("unsigned.jar", "test.unsigned")));
        String tampered = v.refusal(rewrite(good, "tampered.jar", "content/controls.json", null));
        assertNotNull(tampered);
        assertTrue(tampered.startsWith("content/controls.json was modified after the jar was signed ("), tampered);
        assertEquals("extra.txt is not signed (added after signing?)",
                v.refusal(rewrite(good, "extended.jar", null, "extra.txt")));
        assertEquals("it is signed by CN=Mallory, which is not a trusted signer",
                v.refusal(signed("mallory.jar", "test.mallory", malloryStore, "Mallory")));
        // A keystore works as the trusted set as well as a PEM file.
        assertNull(new JarVerifier(JarVerifier.load(vendorStore, "changeit".toCharArray())).refusal(good));
    }

    private Bundle bundle(Path jar) {
        return context.getBundle(jar.toFile().toURI().normalize().toString());
    }

    @Test
    void installerLoadsOnlyTrustedJarsWhenRequired() throws Exception {
        SignedPluginInstaller installer = new SignedPluginInstaller(context, true, trusted.toString(), null);
        Path good = signed("installed.jar", "test.signed.installed", vendorStore, "Vendor");
        Path unsigned = plugin("refused.jar", "test.signed.refused");
        assertTrue(installer.canHandle(good.toFile()));

        installer.install(good.toFile());
        installer.install(unsigned.toFile());
        try {
            assertNotNull(bundle(good), "the trusted jar is installed");
            assertEquals(Bundle.ACTIVE, bundle(good).getState());
            assertNull(bundle(unsigned), "the unsigned jar is not");
            assertEquals("it is not signed", installer.refused().get(unsigned.toFile().getAbsolutePath()));

            // Replaced by a tampered copy: the installed bundle goes.
            Files.copy(rewrite(good, "tampered-copy.jar", "content/controls.json", null), good,
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            installer.update(good.toFile());
            assertNull(bundle(good), "a tampered update uninstalls the plug-in");
            assertTrue(installer.refused().get(good.toFile().getAbsolutePath()).contains("was modified"));
        } finally {
            Bundle b = bundle(good);
            if (b != null) {
                b.uninstall();
            }
        }
    }

    @Test
    void withoutTheOptionFileInstallKeepsTheJarsAndNoTrustMeansNothingLoads() throws Exception {
        assertFalse(new SignedPluginInstaller(context, false, null, null).canHandle(dir.resolve("x.jar").toFile()));
        SignedPluginInstaller untrusting = new SignedPluginInstaller(context, true, null, null);
        Path good = signed("no-trust.jar", "test.signed.notrust", vendorStore, "Vendor");
        untrusting.install(good.toFile());
        assertNull(bundle(good));
        assertEquals("no trusted signers are configured", untrusting.refused().get(good.toFile().getAbsolutePath()));
    }
}
