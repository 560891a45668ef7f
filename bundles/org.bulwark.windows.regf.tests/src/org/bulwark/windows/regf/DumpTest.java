package org.bulwark.windows.regf;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.bulwark.windows.testing.HiveBuilder;
import org.bulwark.windows.testing.Hivex;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Fixture hives built from the reviewable .reg files beside this class (merged with hivexregedit into a copy of
 * {@link HiveBuilder#empty()}): Bulwark's dump equals reglookup's output and regfexport's (normalized).
 * Skipped, with a message, when the tools are absent.
 */
class DumpTest {
    private static Path fixture(String name, Path dir) throws IOException {
        Path reg = dir.resolve(name + ".reg");
        try (InputStream in = DumpTest.class.getResourceAsStream("hives/" + name + ".reg")) {
            Files.copy(in, reg);
        }
        Path hive = Files.write(dir.resolve(name.toUpperCase()), HiveBuilder.empty());
        Hivex.merge(hive, "HKEY_LOCAL_MACHINE\\" + name.toUpperCase(), reg);
        return hive;
    }

    @ParameterizedTest
    @ValueSource(strings = {"software", "system"})
    void dumpEqualsReglookup(String name, @TempDir Path dir) throws Exception {
        Hivex.assumeTool("reglookup");
        Path hive = fixture(name, dir);
        List<String> expected = Arrays.asList(Hivex.run(List.of("reglookup", hive.toString())).split("\n"));
        try (Hive h = Hive.open(hive)) {
            assertEquals(expected, Dumps.reglookup(h));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"software", "system"})
    void dumpEqualsRegfexport(String name, @TempDir Path dir) throws Exception {
        Hivex.assumeTool("regfexport");
        Path hive = fixture(name, dir);
        List<String> expected = Dumps.normalizeRegfexport(Hivex.run(List.of("regfexport", hive.toString())));
        try (Hive h = Hive.open(hive)) {
            assertEquals(expected, Dumps.regfexport(h));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"LF", "LH", "LI", "RI"})
    void builderLayoutsEqualReglookup(String layout, @TempDir Path dir) throws Exception {
        Hivex.assumeTool("reglookup");
        Path hive = new HiveBuilder().layout(HiveBuilder.Layout.valueOf(layout))
            .key("A\\B\\C").dword("d", 7).sz("s", "text").key("A\\D").qword("q", 9).multiSz("m", "x", "y")
            .key("E").binary("big", HiveTest.pattern(20_000)).key("F").key("G").key("H")
            .write(dir.resolve("hive"));
        List<String> expected = Arrays.asList(Hivex.run(List.of("reglookup", hive.toString())).split("\n"));
        try (Hive h = Hive.open(hive)) {
            assertEquals(expected, Dumps.reglookup(h));
        }
    }
}
