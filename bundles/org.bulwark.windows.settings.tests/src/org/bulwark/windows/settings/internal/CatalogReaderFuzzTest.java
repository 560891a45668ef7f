package org.bulwark.windows.settings.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Random;

import org.bulwark.windows.settings.CatalogException;
import org.junit.jupiter.api.Test;

/**
 * Mutated catalogues (fixed seed): the reader returns settings or throws a {@link CatalogException} naming the file,
 * never anything else, and never hangs.
 */
class CatalogReaderFuzzTest {

    private static final String SEED = "{\"format\":1,\"settings\":[{\"id\":\"net.llmnr\",\"key\":\"windows.net.llmnr\","
            + "\"mdmWinsEligible\":true,\"mdm\":{\"hive\":\"SOFTWARE\",\"path\":\"Microsoft\\\\PolicyManager\\\\current\\\\device\\\\X\","
            + "\"value\":\"Allow#a\",\"map\":{\"1\":\"0\",\"0\":\"1\"}},\"gpo\":{\"hive\":\"SOFTWARE\",\"path\":\"Policies\\\\Y\","
            + "\"value\":\"EnableMulticast\"},\"local\":{\"hive\":\"SYSTEM\",\"path\":\"CurrentControlSet\\\\Z\",\"value\":\"V\"},"
            + "\"default\":{\"value\":\"1\",\"owner\":\"Windows\"}}]}";

    @Test
    void mutatedCataloguesAreReadOrRefusedNamingTheFile() {
        byte[] seed = SEED.getBytes(StandardCharsets.UTF_8);
        Random random = new Random(20261202L);
        int read = 0;
        int refused = 0;
        for (int i = 0; i < 3000; i++) {
            byte[] b = mutate(seed, random);
            boolean ok = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
                try {
                    new CatalogReader("fuzz.json").read(new ByteArrayInputStream(b));
                    return true;
                } catch (CatalogException e) {
                    assertTrue(e.getMessage().startsWith("fuzz.json"), e.getMessage());
                    return false;
                }
            });
            if (ok) {
                read++;
            } else {
                refused++;
            }
        }
        assertEquals(3000, read + refused);
        // with this seed: the mutations the reader accepts (e.g. in a string's text) and those it refuses
        assertEquals(129, read);
    }

    private static byte[] mutate(byte[] seed, Random r) {
        byte[] b = seed.clone();
        int n = 1 + r.nextInt(4);
        for (int k = 0; k < n; k++) {
            int at = r.nextInt(b.length);
            switch (r.nextInt(4)) {
                case 0 -> b[at] = (byte) r.nextInt(256);
                case 1 -> b[at] = (byte) "{}[]\":,\\0 ".charAt(r.nextInt(10));
                case 2 -> b = java.util.Arrays.copyOf(b, at);
                default -> {
                    byte[] longer = new byte[b.length + 1];
                    System.arraycopy(b, 0, longer, 0, at);
                    longer[at] = b[at];
                    System.arraycopy(b, at, longer, at + 1, b.length - at);
                    b = longer;
                }
            }
            if (b.length == 0) {
                break;
            }
        }
        return b;
    }
}
