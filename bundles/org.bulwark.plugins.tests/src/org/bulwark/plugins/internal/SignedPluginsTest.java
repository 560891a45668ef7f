package org.bulwark.plugins.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

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

    static void run(String tool, String... args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", tool).toString());
        Collections.addAll(command, args);
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), tool + " failed: " + out);
    }

    static Path keystore(String name) throws Exception {
        Path store = dir.resolve(name + ".p12");
        run("keytool", "-genkeypair", "-keystore", store.toString(), "-storetype", "PKCS12", "-storepass", "changeit",
                "-keypass", "changeit", "-alias", name, "-dname", "CN=" + name, "-keyalg", "EC", "-validity", "30");
        return store;
    }

    @BeforeAll
    static void keys() throws Exception {
        vendorStore = keystore("Vendor");
        malloryStore = keystore("Mallory");
        trusted = dir.resolve("trusted.pem");
        run("keytool", "-exportcert", "-rfc", "-keystore", vendorStore.toString(), "-storepass", "changeit",
                "-alias", "Vendor", "-file", trusted.toString());
    }

    static Path plugin(String name, String bsn) throws IOException {
        Manifest m = new Manifest();
        Attributes a = m.getMainAttributes();
        a.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        a.putValue("Bundle-ManifestVersion", "2");
        a.putValue("Bundle-SymbolicName", bsn);
        a.putValue("Bundle-Version", "1.0.0");
        Path jar = dir.resolve(name);
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), m)) {
            out.putNextEntry(new JarEntry("content/controls.json"));
            out.write("{\"format\": 1}".getBytes(StandardCharsets.UTF_8));
        }
        return jar;
    }

    static Path signed(String name, String bsn, Path store, String alias) throws Exception {
        Path jar = plugin(name, bsn);
        run("jarsigner", "-keystore", store.toString(), "-storepass", "changeit", jar.toString(), alias);
        return jar;
    }

    /** Copies {@code jar}, replacing the bytes of {@code entry} (null: none) and adding {@code extra} (null: none). */
    static Path rewrite(Path jar, String name, String entry, String extra) throws IOException {
        Path copy = dir.resolve(name);
        try (JarFile in = new JarFile(jar.toFile(), false);
                OutputStream file = Files.newOutputStream(copy);
                JarOutputStream out = new JarOutputStream(file)) {
            for (JarEntry e : Collections.list(in.entries())) {
                out.putNextEntry(new JarEntry(e.getName()));
                try (InputStream data = in.getInputStream(e)) {
                    byte[] bytes = data.readAllBytes();
                    out.write(e.getName().equals(entry) ? "{\"format\": 2}".getBytes(StandardCharsets.UTF_8) : bytes);
                }
            }
            if (extra != null) {
                out.putNextEntry(new JarEntry(extra));
                out.write(new ByteArrayOutputStream().toByteArray());
            }
        }
        return copy;
    }

    private JarVerifier verifier() throws Exception {
        return new JarVerifier(JarVerifier.load(trusted, null));
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
