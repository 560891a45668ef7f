package org.bulwark.plugins.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.bulwark.testing.TestBundle;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;

/**
 * Jars whose two views disagree (issue 16, "Hardening"): the central directory (what the framework reads) and the
 * local entries in order (what a stream reads) must list the same entries, each once. The jars are a trusted
 * signer's, taken apart and put together again ({@link Zips}); each is refused with the reason and not installed.
 */
class ZipTricksTest {

    @TempDir
    static Path dir;

    static Path store;
    static Path trusted;
    /** A jar signed by the trusted signer: content/controls.json and content/extra.json. */
    static byte[] signed;
    /** An unsigned jar of the same bundle whose content/controls.json is another. */
    static byte[] evil;

    private final BundleContext context = FrameworkUtil.getBundle(ZipTricksTest.class).getBundleContext();

    @BeforeAll
    static void keys() throws Exception {
        Signing signing = new Signing(dir);
        store = signing.keystore("Zipper");
        trusted = signing.export(store, "Zipper", "trusted.pem");
        Path jar = TestBundle.of("test.zip", "1.0.0").entry("content/controls.json", "{\"format\": 1}")
                .entry("content/extra.json", "{}").write(dir.resolve("signed.jar"));
        signed = Files.readAllBytes(signing.sign(jar, store, "Zipper"));
        evil = TestBundle.of("test.zip", "1.0.0").entry("content/controls.json", "{\"format\": 666}").bytes();
    }

    /** Bytes where the stream of local entries ends: no local header follows. */
    private static final byte[] JUNK = "no local header here".getBytes(StandardCharsets.US_ASCII);

    /** @return what the installer said of the jar {@code bytes}, after asserting it installed nothing */
    private String refusedInstall(String name, byte[] bytes) throws Exception {
        Path jar = Files.write(dir.resolve(name), bytes);
        SignedPluginInstaller installer = new SignedPluginInstaller(context, true, trusted.toString(), null);
        installer.install(jar.toFile());
        Bundle b = context.getBundle(jar.toFile().toURI().normalize().toString());
        if (b != null) {
            b.uninstall();
        }
        assertNull(b, name + " is not installed");
        return installer.refused().get(jar.toFile().getAbsolutePath());
    }

    private static List<Object> without(List<Zips.Entry> entries, String name) {
        List<Object> out = new ArrayList<>(entries);
        out.remove(Zips.named(entries, name));
        return out;
    }

    @Test
    void theJarTakenApartAndPutTogetherIsTrusted() throws Exception {
        List<Zips.Entry> entries = Zips.entries(signed);
        assertNull(new JarVerifier(JarVerifier.load(trusted, null)).refusal(Zips.zip(entries, entries)));
    }

    @Test
    void aJarWhoseCentralDirectoryHidesAnEntryIsRefused() throws Exception {
        List<Zips.Entry> entries = Zips.entries(signed);
        Zips.Entry extra = Zips.named(entries, "content/extra.json");
        // the stream reads content/extra.json, the central directory does not list it
        List<Zips.Entry> listed = new ArrayList<>(entries);
        listed.remove(extra);
        assertEquals("its entries differ between the zip's directory and its contents (content/extra.json)",
                refusedInstall("hidden-from-directory.jar", Zips.zip(entries, listed)));
        // the central directory lists content/extra.json behind bytes where the stream of local entries ends
        List<Object> locals = without(entries, "content/extra.json");
        locals.add(JUNK);
        locals.add(extra);
        assertEquals("its entries differ between the zip's directory and its contents (content/extra.json)",
                refusedInstall("hidden-from-stream.jar", Zips.zip(locals, entries)));
    }

    @Test
    void aJarNamingAnEntryTwiceIsRefused() throws Exception {
        List<Zips.Entry> entries = Zips.entries(signed);
        Zips.Entry other = Zips.named(Zips.entries(evil), "content/controls.json");
        List<Zips.Entry> twice = new ArrayList<>(entries);
        twice.add(other);
        // both parts name content/controls.json twice, the second time with other content
        assertEquals("content/controls.json appears twice", refusedInstall("twice.jar", Zips.zip(twice, twice)));
        // only the central directory does: the other one is behind the end of the stream
        List<Object> locals = new ArrayList<>(entries);
        locals.add(JUNK);
        locals.add(other);
        assertEquals("content/controls.json appears twice",
                refusedInstall("twice-in-directory.jar", Zips.zip(locals, twice)));
    }
}
