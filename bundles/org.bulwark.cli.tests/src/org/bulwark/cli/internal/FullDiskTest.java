package org.bulwark.cli.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.bulwark.testing.SmallFileSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * {@code bulwark assess} with its data directory (and H2 store) on a real small file system (a tmpfs; skipped
 * where none can be mounted) that is full: the report is written, nothing claims the assessment was stored, exit
 * code 6; once the space is back the next assessment is stored, with a new id.
 */
class FullDiskTest {

    private static final Pattern STORED = Pattern.compile("bulwark: stored as assessment #(\\d+)");

    @RegisterExtension
    final CliRun bulwark = CliRun.withFacts();

    @TempDir
    Path dir;

    @Test
    void assessOnAFullDiskWritesTheReportAndSaysNothingWasStored() throws Exception {
        Path small = Files.createDirectories(dir.resolve("small"));
        try (SmallFileSystem disk = SmallFileSystem.mount(small, "16m")) {
            Path data = disk.dir().resolve("data");
            assertEquals(ExitCodes.OK, assess(data, "before"), bulwark.err());
            long first = stored(bulwark.err());

            disk.fill();
            assertEquals(ExitCodes.STORE, assess(data, "full"), bulwark.err());
            String err = bulwark.err();
            assertFalse(err.contains("stored as assessment"), err);
            assertTrue(err.contains("bulwark: the report was written, but the assessment was not stored: "), err);
            Path report = dir.resolve("full.json");
            assertTrue(new ObjectMapper().readTree(report.toFile()).toString().contains("\"full\""),
                    "the report is whole JSON of device full");

            disk.free();
            assertEquals(ExitCodes.OK, assess(data, "after"), bulwark.err());
            long after = stored(bulwark.err());
            assertTrue(after > first, "a new id: " + after + " after " + first);
            assertEquals(ExitCodes.OK, bulwark.runWithData(data, "history", "--format", "json"), bulwark.err());
            var history = new ObjectMapper().readTree(bulwark.out());
            assertEquals(2, history.size(), "the two stored, not the one on the full disk: " + history);
        }
    }

    /** Assesses device {@code id} into {@code dir/id.json} with the store in {@code data}. */
    private int assess(Path data, String id) throws Exception {
        return bulwark.runWithData(data, "assess", "--root", FactsFixture.device(dir, id, "FPNFF").toString(),
                "--benchmark", FactsFixture.content(dir).toString(), "--format", "json", "-o",
                dir.resolve(id + ".json").toString());
    }

    private static long stored(String err) {
        Matcher m = STORED.matcher(err);
        assertTrue(m.find(), err);
        return Long.parseLong(m.group(1));
    }
}
