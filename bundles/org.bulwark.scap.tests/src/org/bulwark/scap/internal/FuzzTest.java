package org.bulwark.scap.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Random;

import org.bulwark.scap.Benchmark;
import org.bulwark.scap.ScapContentException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fixed-seed mutations of real content: whatever the bytes, the reader returns content or throws a
 * {@link ScapContentException} naming the file, within a bounded time.
 */
class FuzzTest {

    private static final byte[] SPECIAL = "<>&\"'=/:#;!?[] \n\u0000x".getBytes(StandardCharsets.ISO_8859_1);

    @TempDir
    Path dir;

    private final StaxScapContentReader reader = new StaxScapContentReader();

    @Test
    void mutatedDataStreams() throws Exception {
        int[] outcomes = fuzz(Fixtures.DATA_STREAM.getBytes(StandardCharsets.UTF_8), 0x5CA9L, 600);
        assertEquals(600, outcomes[0] + outcomes[1]);
    }

    @Test
    void mutatedSsgCpeOval() throws Exception {
        Path oval = SsgContentTest.SSG.resolve("ssg-debian11-cpe-oval.xml");
        assumeTrue(Files.isRegularFile(oval), "ssg-debian is not installed (no " + oval + ")");
        int[] outcomes = fuzz(Files.readAllBytes(oval), 0xDEB11L, 60);
        assertEquals(60, outcomes[0] + outcomes[1]);
    }

    @Test
    void mutatedTailorings() throws Exception {
        Benchmark b = reader.read(Fixtures.write(dir, "ds.xml", Fixtures.DATA_STREAM)).benchmark().orElseThrow();
        byte[] seed = Fixtures.TAILORING.getBytes(StandardCharsets.UTF_8);
        Random random = new Random(0x7A11L);
        Path file = dir.resolve("t.xml");
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            for (int i = 0; i < 400; i++) {
                Files.write(file, mutate(seed, random));
                try {
                    reader.readTailoring(file, b);
                } catch (ScapContentException e) {
                    assertEquals(file.toString(), e.file());
                } catch (Throwable t) {
                    fail("iteration " + i + ": " + t, t);
                }
            }
        });
    }

    /** @return {ok, refused} */
    private int[] fuzz(byte[] seed, long randomSeed, int rounds) {
        Random random = new Random(randomSeed);
        Path file = dir.resolve("fuzz.xml");
        int[] outcomes = new int[2];
        assertTimeoutPreemptively(Duration.ofSeconds(120), () -> {
            for (int i = 0; i < rounds; i++) {
                Files.write(file, mutate(seed, random));
                try {
                    reader.read(file);
                    outcomes[0]++;
                } catch (ScapContentException e) {
                    assertEquals(file.toString(), e.file());
                    outcomes[1]++;
                } catch (Throwable t) {
                    fail("iteration " + i + ": " + t, t);
                }
            }
        });
        return outcomes;
    }

    /** Swaps two quoted attribute values: well-formed, but ids and references move. */
    static byte[] swapQuoted(byte[] b, Random random) {
        String s = new String(b, StandardCharsets.ISO_8859_1);
        int a1 = s.indexOf('"', random.nextInt(s.length()));
        int a2 = a1 < 0 ? -1 : s.indexOf('"', a1 + 1);
        int b1 = a2 < 0 ? -1 : s.indexOf('"', random.nextInt(s.length()));
        int b2 = b1 < 0 ? -1 : s.indexOf('"', b1 + 1);
        if (b2 < 0 || b1 <= a2 && b2 >= a1) {
            return b;
        }
        int p1 = Math.min(a1, b1);
        int e1 = p1 == a1 ? a2 : b2;
        int p2 = p1 == a1 ? b1 : a1;
        int e2 = p1 == a1 ? b2 : a2;
        String t = s.substring(0, p1 + 1) + s.substring(p2 + 1, e2) + s.substring(e1, p2 + 1) + s.substring(p1 + 1, e1)
                + s.substring(e2);
        return t.getBytes(StandardCharsets.ISO_8859_1);
    }

    static byte[] mutate(byte[] seed, Random random) {
        byte[] b = seed.clone();
        int edits = 1 + random.nextInt(4);
        for (int e = 0; e < edits; e++) {
            int at = random.nextInt(b.length);
            switch (random.nextInt(8)) {
            case 0 -> b[at] = (byte) random.nextInt(256);
            case 1 -> b[at] = SPECIAL[random.nextInt(SPECIAL.length)];
            case 2 -> {
                int n = Math.min(b.length - at, 1 + random.nextInt(64));
                byte[] c = new byte[b.length - n];
                System.arraycopy(b, 0, c, 0, at);
                System.arraycopy(b, at + n, c, at, b.length - at - n);
                b = c.length == 0 ? b : c;
            }
            case 3 -> {
                int n = Math.min(b.length - at, 1 + random.nextInt(256));
                byte[] c = new byte[b.length + n];
                System.arraycopy(b, 0, c, 0, at + n);
                System.arraycopy(b, at, c, at + n, b.length - at);
                b = c;
            }
            case 4 -> b = Arrays.copyOf(b, Math.max(1, at));
            case 5, 6 -> b = swapQuoted(b, random);
            default -> {
                // swap two bytes: moves quotes and brackets
                int other = random.nextInt(b.length);
                byte t = b[at];
                b[at] = b[other];
                b[other] = t;
            }
            }
        }
        return b;
    }
}
