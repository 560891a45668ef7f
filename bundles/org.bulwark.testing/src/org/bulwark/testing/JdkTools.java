package org.bulwark.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The tools of the Java runtime the tests run on ({@code keytool}, {@code jarsigner}), and the keystores tests of
 * TLS need.
 *
 * @since 1.1.0
 */
public final class JdkTools {

    private JdkTools() {
    }

    /** Runs {@code tool} with {@code args}; fails the test, with its output, unless it exits 0 within a minute. */
    public static void run(String tool, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", tool).toString());
        Collections.addAll(command, args);
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), tool + " did not end within a minute: " + out);
        assertEquals(0, p.exitValue(), tool + " failed: " + out);
    }

    /**
     * @return {@code keystore}, written: PKCS12 with a self-signed EC (P-256) key under alias {@code bulwark} for
     *         {@code 127.0.0.1} and {@code localhost}, valid two days, store and key protected by {@code password}
     */
    public static Path selfSignedKeystore(Path keystore, String password) throws IOException, InterruptedException {
        run("keytool", "-genkeypair", "-alias", "bulwark", "-keyalg", "EC", "-groupname", "secp256r1", "-validity",
                "2", "-dname", "CN=localhost", "-ext", "SAN=ip:127.0.0.1,dns:localhost", "-storetype", "PKCS12",
                "-keystore", keystore.toString(), "-storepass", password, "-keypass", password);
        return keystore;
    }
}
