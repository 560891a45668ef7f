package org.bulwark.version.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.bulwark.linux.CompressedFiles;
import org.bulwark.linux.TextFile;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * dpkg itself is the oracle: thousands of real versions from this machine's apt package indexes and dpkg
 * database, paired at random (fixed seed) and as neighbours in {@link DebianVersion}'s sort order, are compared
 * by {@code dpkg --compare-versions} (one shell runs every call); and dpkg's syntax verdicts are compared with
 * {@link DebianVersion#parse}. Skipped only where dpkg is not installed.
 */
class DebianVersionOracleTest {

    static final int RANDOM_PAIRS = 5000;
    static final int SORTED_SAMPLE = 1500;

    /** A version in a relation field, e.g. {@code libc6 (>= 2.36)}. */
    private static final Pattern RELATION = Pattern.compile("\\((?:<<|<=|=|>=|>>)\\s*([^)\\s]+)\\s*\\)");

    private static final List<String> SYNTHETIC = List.of("1.0~~", "1.0~~a", "1.0~", "1.0", "1.0-0", "1.0+~", "1.0+",
            "1.0.a", "1.0.+", "1.0a", "1.0+b1", "1:0", "2:0", "0:1.0", "007", "7", "1.01", "1.1", "1.10", "1.9",
            "1-2-3", "1-2", "1.0-1~bpo12+1", "1.0-1", "1.0-1ubuntu1", "2147483647:1", "9.2p1-2+deb12u3", "1:2:3-4");

    private static Optional<Path> dpkg() {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":")) {
            Path candidate = Path.of(dir.isEmpty() ? "." : dir, "dpkg");
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    @Test
    void ordersRealVersionsExactlyAsDpkg(@TempDir Path dir) throws Exception {
        Path dpkg = dpkg().orElse(null);
        Assumptions.assumeTrue(dpkg != null, "dpkg is not installed: the oracle test needs dpkg --compare-versions");
        List<String> found = new ArrayList<>(versionsOnThisMachine());
        assertTrue(found.size() > 1, "no versions found in /var/lib/dpkg/status");
        List<String> invalid = new ArrayList<>();
        List<DebianVersion> versions = new ArrayList<>();
        for (String text : found) {
            DebianVersion.parse(text).valid().ifPresentOrElse(versions::add, () -> invalid.add(text));
        }
        // whatever this machine holds that is not valid, dpkg must judge the same way
        assertEquals(syntax(dir, dpkg, invalid), ours(invalid));
        for (String s : SYNTHETIC) {
            versions.add(((ParsedVersion.Valid) DebianVersion.parse(s)).version());
        }

        Random random = new Random(20261112L);
        List<DebianVersion[]> pairs = new ArrayList<>();
        for (int i = 0; i < RANDOM_PAIRS; i++) {
            pairs.add(new DebianVersion[] { versions.get(random.nextInt(versions.size())),
                    versions.get(random.nextInt(versions.size())) });
        }
        List<DebianVersion> sample = new ArrayList<>(versions);
        Collections.shuffle(sample, random);
        sample = new ArrayList<>(sample.subList(0, Math.min(SORTED_SAMPLE, sample.size())));
        sample.addAll(versions.subList(versions.size() - SYNTHETIC.size(), versions.size()));
        Collections.sort(sample);
        for (int i = 0; i + 1 < sample.size(); i++) {
            pairs.add(new DebianVersion[] { sample.get(i), sample.get(i + 1) });
        }

        StringBuilder input = new StringBuilder();
        for (DebianVersion[] p : pairs) {
            input.append(p[0]).append(' ').append(p[1]).append('\n');
        }
        List<String> dpkgSays = shell(dir, dpkg, input.toString(), """
                while read -r a b; do
                  if "$DPKG" --compare-versions -- "$a" lt "$b"; then echo -1
                  elif "$DPKG" --compare-versions -- "$a" eq "$b"; then echo 0
                  else echo 1; fi
                done""");
        assertEquals(pairs.size(), dpkgSays.size());
        List<String> disagreements = new ArrayList<>();
        for (int i = 0; i < pairs.size(); i++) {
            int ours = Integer.signum(pairs.get(i)[0].compareTo(pairs.get(i)[1]));
            if (ours != Integer.parseInt(dpkgSays.get(i))) {
                disagreements.add(pairs.get(i)[0] + " vs " + pairs.get(i)[1] + ": dpkg " + dpkgSays.get(i)
                        + ", DebianVersion " + ours);
            }
        }
        assertEquals(List.of(), disagreements);
    }

    @Test
    void judgesSyntaxExactlyAsDpkg(@TempDir Path dir) throws Exception {
        Path dpkg = dpkg().orElse(null);
        Assumptions.assumeTrue(dpkg != null, "dpkg is not installed: the oracle test needs dpkg --compare-versions");
        List<String> texts = List.of("1.0 2", ":1.0", "+:1.0", "a:1.0", "1a:1.0", "-1:1.0", "2147483648:1.0",
                "99999999999999999999:1", "-99999999999999999999:1", "2:", "1.0-", "-1", "2:-1", "a1.0", "~1", "1_0",
                "1.0\u00e9", "1.0-1_0", "1.0-1=0", "1.0-1:0", "a", "+1:2", "-0:2", "\t1.0 ", "  ", "1.0", "1:2:3-4");
        assertEquals(syntax(dir, dpkg, texts), ours(texts));
        assertEquals(List.of("version string has embedded spaces", "epoch in version is empty"),
                ours(texts).subList(0, 2));
    }

    /** dpkg's verdict on each text: the reason of its "bad syntax" error or warning, or {@code valid}. */
    private static List<String> syntax(Path dir, Path dpkg, List<String> texts) throws Exception {
        if (texts.isEmpty()) {
            return List.of();
        }
        StringBuilder input = new StringBuilder();
        texts.forEach(t -> input.append(t).append('\n'));
        return shell(dir, dpkg, input.toString(), """
                while IFS= read -r v; do
                  r=$("$DPKG" --compare-versions -- "$v" eq "$v" 2>&1 >/dev/null | sed -n 's/.*has bad syntax: //p' | head -n 1)
                  echo "${r:-valid}"
                done""");
    }

    private static List<String> ours(List<String> texts) {
        List<String> verdicts = new ArrayList<>();
        for (String t : texts) {
            ParsedVersion p = DebianVersion.parse(t);
            verdicts.add(p instanceof ParsedVersion.Invalid i ? i.reason() : "valid");
        }
        return verdicts;
    }

    /** Runs {@code script} with {@code input} on its standard input and {@code $DPKG} set; returns its lines. */
    private static List<String> shell(Path dir, Path dpkg, String input, String script)
            throws IOException, InterruptedException {
        Path in = Files.writeString(dir.resolve("input"), input, StandardCharsets.UTF_8);
        Path out = dir.resolve("output");
        ProcessBuilder pb = new ProcessBuilder("sh", "-c", script).redirectInput(in.toFile())
                .redirectOutput(out.toFile()).redirectError(ProcessBuilder.Redirect.INHERIT);
        pb.environment().put("DPKG", dpkg.toString());
        pb.environment().put("LC_ALL", "C");
        Process p = pb.start();
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError("dpkg did not finish within 5 minutes");
        }
        assertEquals(0, p.exitValue(), "the shell running dpkg failed");
        return Files.readAllLines(out, StandardCharsets.UTF_8);
    }

    /** Every version in this machine's apt package indexes and dpkg database (fields and relations). */
    static TreeSet<String> versionsOnThisMachine() throws IOException {
        List<String> files = new ArrayList<>();
        Path lists = Path.of("/var/lib/apt/lists");
        if (Files.isDirectory(lists)) {
            try (DirectoryStream<Path> entries = Files.newDirectoryStream(lists, "*_Packages*")) {
                for (Path p : entries) {
                    files.add(p.toString());
                }
            }
        }
        files.add("/var/lib/dpkg/status");
        TreeSet<String> versions = new TreeSet<>();
        for (String file : files) {
            Optional<TextFile> text;
            try {
                text = CompressedFiles.read(Path.of("/"), file);
            } catch (org.bulwark.linux.UnreadableException e) {
                throw new AssertionError(e.getMessage(), e);
            }
            for (String line : text.map(TextFile::lines).orElse(List.of())) {
                if (line.startsWith("Version: ")) {
                    versions.add(line.substring(9).strip());
                } else if (!line.startsWith(" ") && line.indexOf('(') > 0) {
                    Matcher m = RELATION.matcher(line);
                    while (m.find()) {
                        versions.add(m.group(1));
                    }
                }
            }
        }
        return versions;
    }
}
