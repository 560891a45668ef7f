package org.bulwark.windows.regf.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Random;

import org.bulwark.windows.testing.Allocations;
import org.bulwark.windows.testing.PolWriter;
import org.bulwark.windows.testing.PolicyBlobs;
import org.junit.jupiter.api.Test;

/**
 * Fixed-seed mutation fuzzing of the policy decoders over real fixtures (a Registry.pol from PolWriter, a UTF-16LE
 * GptTmpl.inf, an audit.csv, SAM F blobs and PolAdtEv): a mutated input decodes or is refused with a
 * PolicyFileException naming the file and an offset, line or field; never another exception, never a hang, never
 * more allocation than a small multiple of the input.
 */
class PolicyFuzzTest {
    private static final int ROUNDS = 1000;
    private static final String NAME = "FUZZ";

    interface Decoder {
        Object decode(byte[] bytes, String name) throws PolicyFileException;
    }

    static byte[] pol() {
        return new PolWriter().dword("Software\\Policies\\Microsoft\\Windows Defender", "DisableAntiSpyware", 0)
            .sz("Software\\Policies\\Microsoft\\Windows NT\\DNSClient", "NameServer", "10.0.0.1")
            .delete("Software\\Policies\\Microsoft\\WindowsFirewall\\DomainProfile", "EnableFirewall")
            .entry("Software\\Policies\\Microsoft\\Edge", "Blob", 3, new byte[] {1, 2, 3, 4, 5, 6, 7})
            .entry("Software\\Policies\\Microsoft\\Edge", "**DelVals.", 1, new byte[] {' ', 0, 0, 0}).bytes();
    }

    static byte[] inf() {
        String text = "[Unicode]\r\nUnicode=yes\r\n[System Access]\r\nMinimumPasswordLength = 14\r\n"
            + "PasswordComplexity = 1\r\nLockoutBadCount = 5\r\n; a comment\r\n[Event Audit]\r\nAuditLogonEvents = 3\r\n"
            + "[Registry Values]\r\nMACHINE\\System\\CurrentControlSet\\Control\\Lsa\\NoLMHash=4,1\r\n"
            + "[Privilege Rights]\r\nSeDenyNetworkLogonRight = *S-1-5-32-546,Gäste\r\n[Version]\r\n"
            + "signature=\"$CHICAGO$\"\r\nRevision=1\r\n";
        byte[] body = text.getBytes(StandardCharsets.UTF_16LE);
        byte[] out = new byte[body.length + 2];
        out[0] = (byte) 0xFF;
        out[1] = (byte) 0xFE;
        System.arraycopy(body, 0, out, 2, body.length);
        return out;
    }

    static byte[] auditCsv() {
        return ("Machine Name,Policy Target,Subcategory,Subcategory GUID,Inclusion Setting,Exclusion Setting,"
            + "Setting Value\r\n"
            + ",System,Audit Credential Validation,{0cce923f-69ae-11d9-bed3-505054503030},Success and Failure,,3\r\n"
            + ",System,\"Audit Logon, \"\"quoted\"\"\",{0cce9215-69ae-11d9-bed3-505054503030},Success,,1\r\n"
            + ",,Option:CrashOnAuditFail,,Disabled,,0\r\n").getBytes(StandardCharsets.UTF_8);
    }

    static byte[] domainF() {
        return PolicyBlobs.domainF(14, 24, Duration.ofDays(60), Duration.ofDays(1), Duration.ofMinutes(15),
            Duration.ofMinutes(30), true, 5);
    }

    static byte[] mutate(byte[] in, Random random) {
        byte[] b = in.clone();
        int at = b.length == 0 ? 0 : random.nextInt(b.length);
        switch (random.nextInt(6)) {
            case 0 -> {
                for (int i = 0, n = 1 + random.nextInt(8); i < n && b.length > 0; i++) {
                    b[random.nextInt(b.length)] ^= (byte) (1 << random.nextInt(8));
                }
            }
            case 1 -> b = Arrays.copyOf(b, at);
            case 2 -> {
                // a length, count or size field (any aligned dword) made huge
                int[] huge = {0xffffffff, 0x7fffffff, 0x80000000, 0xfffffff0, 0x10000000};
                int p = at & ~3;
                if (p + 4 <= b.length) {
                    ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).putInt(p, huge[random.nextInt(huge.length)]);
                }
            }
            case 3 -> {
                String special = "[];=,\"\r\n\u0000\uFFFF";
                byte[] c = (special.charAt(random.nextInt(special.length())) + "").getBytes(StandardCharsets.UTF_16LE);
                byte[] d = new byte[b.length + c.length];
                System.arraycopy(b, 0, d, 0, at);
                System.arraycopy(c, 0, d, at, c.length);
                System.arraycopy(b, at, d, at + c.length, b.length - at);
                b = d;
            }
            case 4 -> {
                int len = Math.min(b.length - at, 1 + random.nextInt(40));
                byte[] d = new byte[b.length + len];
                System.arraycopy(b, 0, d, 0, at + len);
                System.arraycopy(b, at, d, at + len, b.length - at);
                b = d;
            }
            default -> {
                int len = Math.min(b.length - at, 1 + random.nextInt(40));
                byte[] d = new byte[b.length - len];
                System.arraycopy(b, 0, d, 0, at);
                System.arraycopy(b, at + len, d, at, b.length - at - len);
                b = d;
            }
        }
        return b;
    }

    static void assertRefusal(PolicyFileException e) {
        assertEquals(NAME, e.file(), e::getMessage);
        assertTrue(e.where().matches("offset 0x[0-9a-f]+|line [0-9]+|field [A-Za-z]+"), e::getMessage);
        assertTrue(e.getMessage().startsWith(NAME + " at " + e.where() + ": "), e::getMessage);
        assertNull(e.getCause(), e::getMessage);
    }

    /**
     * Decodes every mutation: counts of decoded and refused. The allocation allowance has 1 MiB for the classes a
     * first refusal initialises (java.util.Formatter alone allocates 600 KB once).
     */
    static int[] fuzz(Decoder decoder, byte[] original, long seed) throws Exception {
        Allocations.assumeSupported();
        decoder.decode(original, NAME);
        Random random = new Random(seed);
        int[] outcome = new int[2];
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            for (int round = 0; round < ROUNDS; round++) {
                byte[] b = mutate(original, random);
                int r = round;
                long before = Allocations.current();
                try {
                    decoder.decode(b, NAME);
                    outcome[0]++;
                } catch (PolicyFileException e) {
                    assertRefusal(e);
                    outcome[1]++;
                }
                long used = Allocations.current() - before;
                assertTrue(used <= 40L * b.length + (1 << 20), () -> "round " + r + ": " + used + " bytes allocated for " + b.length);
            }
        });
        assertEquals(ROUNDS, outcome[0] + outcome[1]);
        return outcome;
    }

    private static void assertBoth(int[] o) {
        assertTrue(o[0] > 0 && o[1] > 0, "decoded " + o[0] + ", refused " + o[1]);
    }

    @Test
    void registryPol() throws Exception {
        assertBoth(fuzz(PolicyFile::parse, pol(), 1));
    }

    @Test
    void securityTemplate() throws Exception {
        assertBoth(fuzz(SecurityTemplate::parse, inf(), 2));
    }

    @Test
    void auditCsvFile() throws Exception {
        assertBoth(fuzz(AuditCsv::parse, auditCsv(), 3));
        assertBoth(fuzz(AuditCsv::parse, utf16(auditCsv()), 4));
    }

    @Test
    void samDomainF() throws Exception {
        assertBoth(fuzz(SamDomainPolicy::decode, domainF(), 5));
        assertBoth(fuzz(SamUserFlags::decode, PolicyBlobs.userF(0x0011), 6));
        assertBoth(fuzz(SamUserName::decode, BlobsTest.userV(4, "Administrator"), 8));
    }

    @Test
    void securityAccountRights() throws Exception {
        assertBoth(fuzz(AccountRights::privileges, AccountRightsTest.privilgs(7, 17, 20, 29), 9));
        assertBoth(fuzz(AccountRights::logonRights, AccountRightsTest.dword(0x402), 10));
    }

    @Test
    void polAdtEv() throws Exception {
        assertBoth(fuzz(AuditPolicy::decode, PolicyBlobs.polAdtEv(PolicyBlobs.polAdtEvLayout(3)), 7));
    }

    @Test
    void aPolRecordClaiming4GiBOfDataFailsWithoutAllocatingIt() {
        byte[] pol = pol();
        // the first record's size field: after "[" key NUL ";" value NUL ";" type ";"
        int size = 8 + 2 + ("Software\\Policies\\Microsoft\\Windows Defender".length() + 1) * 2 + 2
            + ("DisableAntiSpyware".length() + 1) * 2 + 2 + 4 + 2;
        assertEquals(4, ByteBuffer.wrap(pol).order(ByteOrder.LITTLE_ENDIAN).getInt(size));
        ByteBuffer.wrap(pol).order(ByteOrder.LITTLE_ENDIAN).putInt(size, 0xfffffff0);
        long before = Allocations.current();
        PolicyFileException e = assertThrows(PolicyFileException.class, () -> PolicyFile.parse(pol, "T"));
        assertTrue(Allocations.current() - before < 64 << 10);
        assertEquals("T at offset 0x" + Integer.toHexString(size + 6) + ": data size 4294967280 runs past the end of"
            + " the file", e.getMessage());
    }

    @Test
    void malformedTextNamesItsOffset() {
        byte[] inf = inf();
        byte[] odd = Arrays.copyOf(inf, inf.length + 1);
        PolicyFileException e = assertThrows(PolicyFileException.class, () -> SecurityTemplate.parse(odd, "T"));
        assertEquals("T at offset 0x" + Integer.toHexString(inf.length) + ": not valid UTF-16LE text",
            e.getMessage());
        byte[] csv = auditCsv();
        csv[20] = (byte) 0xC3;
        PolicyFileException c = assertThrows(PolicyFileException.class, () -> AuditCsv.parse(csv, "C"));
        assertEquals("C at offset 0x14: not valid UTF-8 text", c.getMessage());
    }

    private static byte[] utf16(byte[] utf8) {
        return new String(utf8, StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_16LE);
    }
}
