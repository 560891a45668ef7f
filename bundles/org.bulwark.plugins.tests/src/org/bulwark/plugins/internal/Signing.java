package org.bulwark.plugins.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;

import org.bulwark.testing.JdkTools;
import org.bulwark.testing.TestBundle;

/**
 * Keys, certificates, plug-in jars and signatures for the tests, made in a test's own directory by the JDK's
 * keytool and jarsigner (the tools a plug-in vendor uses). Every keystore is PKCS12 with password
 * {@code changeit}. Inside {@link #together(Callable)} the tools' commands wait and then run in one JVM (a Java start
 * per command made these tests slow); the paths the methods return exist once it returned.
 */
final class Signing {

    private final Path dir;
    private JdkTools.Batch batch;

    Signing(Path dir) {
        this.dir = dir;
    }

    /** @return what {@code work} returned, after the keytool and jarsigner commands it asked for ran, in one JVM */
    <T> T together(Callable<T> work) throws Exception {
        if (batch != null) {
            return work.call();
        }
        batch = JdkTools.batch(dir);
        try {
            T result = work.call();
            batch.run();
            return result;
        } finally {
            batch = null;
        }
    }

    private void tool(String name, String... args) throws Exception {
        if (batch == null) {
            JdkTools.run(name, args);
        } else {
            batch.add(name, args);
        }
    }

    Path dir() {
        return dir;
    }

    /**
     * A keystore {@code name.p12} with a self-signed key pair under alias {@code name}, DN {@code CN=name}.
     *
     * @param validity keytool options for the certificate's dates; none: valid from now for 30 days
     */
    Path keystore(String name, String... validity) throws Exception {
        Path store = dir.resolve(name + ".p12");
        List<String> args = new ArrayList<>(List.of("-genkeypair", "-keystore", store.toString(), "-storetype",
                "PKCS12", "-storepass", "changeit", "-keypass", "changeit", "-alias", name, "-dname", "CN=" + name,
                "-keyalg", "EC"));
        Collections.addAll(args, validity.length == 0 ? new String[] { "-validity", "30" } : validity);
        tool("keytool", args.toArray(String[]::new));
        return store;
    }

    /**
     * A CA keystore whose self-signed certificate has the DN {@code dn}, alias {@code ca}.
     *
     * @param validity keytool options for the certificate's dates; none: valid from now for 30 days
     */
    Path authority(String file, String dn, String... validity) throws Exception {
        Path store = dir.resolve(file + ".p12");
        List<String> args = new ArrayList<>(List.of("-genkeypair", "-keystore", store.toString(), "-storetype",
                "PKCS12", "-storepass", "changeit", "-keypass", "changeit", "-alias", "ca", "-dname", dn, "-keyalg",
                "EC", "-ext", "bc:c"));
        Collections.addAll(args, validity.length == 0 ? new String[] { "-validity", "30" } : validity);
        tool("keytool", args.toArray(String[]::new));
        return store;
    }

    /** Exports the certificate of {@code alias} in {@code store} as PEM to {@code file}. */
    Path export(Path store, String alias, String file) throws Exception {
        Path pem = dir.resolve(file);
        tool("keytool", "-exportcert", "-rfc", "-keystore", store.toString(), "-storepass", "changeit",
                "-alias", alias, "-file", pem.toString());
        return pem;
    }

    /**
     * A keystore {@code name.p12} whose key's certificate (DN {@code CN=name}) the CA in {@code ca} issued, with
     * the CA's certificate as the rest of its chain.
     *
     * @param validity extra {@code keytool -gencert} options, e.g. {@code -startdate -30d -validity 2}
     */
    Path issued(String name, Path ca, String... validity) throws Exception {
        Path store = keystore(name);
        Path csr = dir.resolve(name + ".csr");
        Path cert = dir.resolve(name + ".pem");
        tool("keytool", "-certreq", "-keystore", store.toString(), "-storepass", "changeit", "-alias", name,
                "-file", csr.toString());
        List<String> args = new ArrayList<>(List.of("-gencert", "-keystore", ca.toString(), "-storepass", "changeit",
                "-alias", "ca", "-infile", csr.toString(), "-outfile", cert.toString(), "-rfc"));
        Collections.addAll(args, validity.length == 0 ? new String[] { "-validity", "20" } : validity);
        tool("keytool", args.toArray(String[]::new));
        Path caCert = export(ca, "ca", name + "-issuer.pem");
        tool("keytool", "-importcert", "-keystore", store.toString(), "-storepass", "changeit", "-alias",
                "issuer", "-file", caCert.toString(), "-noprompt");
        tool("keytool", "-importcert", "-keystore", store.toString(), "-storepass", "changeit", "-alias", name,
                "-file", cert.toString(), "-noprompt");
        return store;
    }

    /** An unsigned plug-in jar: a manifest with {@code bsn} and {@code content/controls.json}. */
    Path plugin(String name, String bsn) throws IOException {
        return plugin(name, bsn, "{\"format\": 1}");
    }

    Path plugin(String name, String bsn, String controls) throws IOException {
        return TestBundle.of(bsn, "1.0.0").entry("content/controls.json", controls).write(dir.resolve(name));
    }

    /** Signs {@code jar} in place with the key {@code alias} of {@code store}, plus extra jarsigner options. */
    Path sign(Path jar, Path store, String alias, String... options) throws Exception {
        List<String> args = new ArrayList<>(List.of("-keystore", store.toString(), "-storepass", "changeit"));
        Collections.addAll(args, options);
        args.add(jar.toString());
        args.add(alias);
        tool("jarsigner", args.toArray(String[]::new));
        return jar;
    }

    Path signed(String name, String bsn, Path store, String alias) throws Exception {
        return sign(plugin(name, bsn), store, alias);
    }

    /** Copies {@code jar}, replacing the bytes of {@code entry} (null: none) and adding {@code extra} (null: none). */
    Path rewrite(Path jar, String name, String entry, String extra) throws IOException {
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
            }
        }
        return copy;
    }
}
