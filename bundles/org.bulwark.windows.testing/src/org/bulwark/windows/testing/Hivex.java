package org.bulwark.windows.testing;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;

/**
 * Runs hivex's {@code hivexregedit} (Debian packages libhivex-bin and libwin-hivex-perl) and the other hive tools
 * the cross-checks use. A test that needs a tool calls {@link #assumeTool(String)}: it is skipped, with a message
 * naming the packages, when the tool is absent.
 */
public final class Hivex {
    private static final long TIMEOUT_SECONDS = 120;

    private Hivex() {
    }

    /** Whether an executable of that name is on the PATH. */
    public static boolean available(String tool) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }

    /** Skips the calling test, with a message, when the tool is not installed. */
    public static void assumeTool(String tool) {
        Assumptions.assumeTrue(available(tool), () -> tool + " is not installed (Debian: apt-get install libhivex-bin"
            + " libwin-hivex-perl reglookup libregf-utils; releng/install-prerequisites.sh does it): test skipped");
    }

    /**
     * Merges a {@code .reg} file (UTF-8 text; every ancestor key its own section) into a hive in place:
     * {@code hivexregedit --merge --prefix PREFIX HIVE REGFILE}. Skips the calling test when hivexregedit is absent.
     */
    public static void merge(Path hive, String prefix, Path regFile) throws IOException {
        assumeTool("hivexregedit");
        run(List.of("hivexregedit", "--merge", "--prefix", prefix, hive.toString(), regFile.toString()));
    }

    /** Runs a command, returning its standard output; fails with its output when it exits with another code than 0. */
    public static String run(List<String> command) throws IOException {
        Path out = Files.createTempFile("bulwark-hive-tool", ".out");
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException(command + " did not finish within " + TIMEOUT_SECONDS + " s");
            }
            String output = Files.readString(out, StandardCharsets.UTF_8);
            if (process.exitValue() != 0) {
                throw new IOException(command + " exited with " + process.exitValue() + ": " + output);
            }
            return output;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(command + " was interrupted", e);
        } finally {
            Files.deleteIfExists(out);
        }
    }
}
