package org.bulwark.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.bulwark.testing.internal.ToolBatch;

/**
 * The tools of the Java runtime the tests run on ({@code keytool}, {@code jarsigner}), and the keystores tests of
 * TLS need. {@link #batch(Path)} runs many commands in one JVM.
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
        exec(tool, command);
    }

    private static void exec(String what, List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), what + " did not end within a minute: " + out);
        assertEquals(0, p.exitValue(), what + " failed: " + out);
    }

    /**
     * @param dir a directory of the test's own, for the batch's command file and runner class
     * @return a batch of {@code keytool} and {@code jarsigner} commands, run in order in one JVM by
     *         {@link Batch#run()}
     * @since 1.4.0
     */
    public static Batch batch(Path dir) {
        return new Batch(dir);
    }

    /**
     * {@code keytool} and {@code jarsigner} commands run in one JVM: the same tools, with the same arguments as
     * {@link JdkTools#run}, without a JVM start per command. Not thread-safe.
     *
     * @since 1.4.0
     */
    public static final class Batch {

        private final Path dir;
        private final List<String> lines = new ArrayList<>();

        Batch(Path dir) {
            this.dir = dir;
        }

        /** Adds {@code tool} ({@code keytool} or {@code jarsigner}) with {@code args}. */
        public Batch add(String tool, String... args) {
            ToolBatch.mainClass(tool);
            StringBuilder line = new StringBuilder(tool);
            for (String a : args) {
                if (a.indexOf('\u0001') >= 0 || a.indexOf('\n') >= 0 || a.indexOf('\r') >= 0) {
                    throw new IllegalArgumentException("argument with a control character: " + a);
                }
                line.append('\u0001').append(a);
            }
            lines.add(line.toString());
            return this;
        }

        /** @return whether no command waits */
        public boolean isEmpty() {
            return lines.isEmpty();
        }

        /**
         * Runs the commands added since the last run, in order, in one child JVM; fails the test, with their output,
         * unless all end well within a minute.
         */
        public void run() throws IOException, InterruptedException {
            if (lines.isEmpty()) {
                return;
            }
            Path classes = dir.resolve("tool-batch");
            String resource = ToolBatch.class.getName().replace('.', '/') + ".class";
            Path classFile = classes.resolve(resource);
            if (!Files.exists(classFile)) {
                Files.createDirectories(classFile.getParent());
                try (InputStream in = ToolBatch.class.getClassLoader().getResourceAsStream(resource)) {
                    Files.copy(in, classFile);
                }
            }
            Path file = Files.createTempFile(dir, "tool-batch", ".txt");
            Files.write(file, lines, StandardCharsets.UTF_8);
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString()));
            for (String tool : List.of("keytool", "jarsigner")) {
                command.add("--add-exports");
                command.add(ToolBatch.addExports(tool));
            }
            command.addAll(List.of("-cp", classes.toString(), ToolBatch.class.getName(), file.toString()));
            lines.clear();
            exec("a batch of " + Files.readAllLines(file).size() + " keytool/jarsigner commands", command);
        }
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
