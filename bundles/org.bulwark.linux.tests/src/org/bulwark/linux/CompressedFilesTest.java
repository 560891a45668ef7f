package org.bulwark.linux;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Test vectors made with the lz4 1.9.4 and gzip command line tools. */
class CompressedFilesTest {

    static final String TEXT = "Package: libc6\nVersion: 2.36-9+deb12u10\n\n".repeat(3)
            + "Package: openssl\nVersion: 3.0.15-1~deb12u1\n";

    /** lz4 -B4 -BD --content-size: content size in the header, linked blocks. */
    static final String LZ4_LINKED = "BCJNGGxApgAAAAAAAACMSwAAAP8aUGFja2FnZTogbGliYzYKVmVyc2lvbjogMi4zNi05K2RlYjEydTEw"
            + "CgopAEh2b3BlbnNzbH0A8AIzLjAuMTUtMX5kZWIxMnUxCgAAAAAj3F1i";
    /** lz4 with default options. */
    static final String LZ4_DEFAULT = "BCJNGGRAp0sAAAD/GlBhY2thZ2U6IGxpYmM2ClZlcnNpb246IDIuMzYtOStkZWIxMnUxMAoKKQBI"
            + "dm9wZW5zc2x9APACMy4wLjE1LTF+ZGViMTJ1MQoAAAAAI9xdYg==";
    /** The bytes 0 to 255, which lz4 stores as an uncompressed block. */
    static final String LZ4_STORED = "BCJNGGRApwABAIAAAQIDBAUGBwgJCgsMDQ4PEBESExQVFhcYGRobHB0eHyAhIiMkJSYnKCkqKywtLi8w"
            + "MTIzNDU2Nzg5Ojs8PT4/QEFCQ0RFRkdISUpLTE1OT1BRUlNUVVZXWFlaW1xdXl9gYWJjZGVmZ2hpamtsbW5vcHFyc3R1dnd4eXp7fH1+f4CB"
            + "goOEhYaHiImKi4yNjo+QkZKTlJWWl5iZmpucnZ6foKGio6SlpqeoqaqrrK2ur7CxsrO0tba3uLm6u7y9vr/AwcLDxMXGx8jJysvMzc7P0NHS"
            + "09TV1tfY2drb3N3e3+Dh4uPk5ebn6Onq6+zt7u/w8fLz9PX29/j5+vv8/f7/AAAAAFMSRFk=";
    /** lz4 -BX -B4 --content-size: a checksum after every block, the content's checksum and its size. */
    static final String LZ4_CHECKSUMMED = "BCJNGHxApgAAAAAAAACxSwAAAP8aUGFja2FnZTogbGliYzYKVmVyc2lvbjogMi4zNi05K2RlYjEy"
            + "dTEwCgopAEh2b3BlbnNzbH0A8AIzLjAuMTUtMX5kZWIxMnUxCjYu9WwAAAAAI9xdYg==";
    static final String GZIP = "H4sICGDRCGsAA3NhbXBsZS50eHQAC0hMzk5MT7VSyMlMSjbjCkstKs7Mz7NSMNIzNtO11E5JTTI0KjU04OIKoJ3C"
            + "/ILUvOLiHIRSYz0DPUNTXcM6qGIuALxFDh2mAAAA";

    @TempDir
    Path root;

    @Test
    void decodesLz4Frames() throws Exception {
        byte[] text = TEXT.getBytes(StandardCharsets.UTF_8);
        assertArrayEquals(text, CompressedFiles.lz4(Base64.getDecoder().decode(LZ4_LINKED)));
        assertArrayEquals(text, CompressedFiles.lz4(Base64.getDecoder().decode(LZ4_DEFAULT)));
        byte[] all = new byte[256];
        for (int i = 0; i < 256; i++) {
            all[i] = (byte) i;
        }
        assertArrayEquals(all, CompressedFiles.lz4(Base64.getDecoder().decode(LZ4_STORED)));
    }

    @Test
    void xxHash32MatchesTheReferenceLibrary() {
        // the values of libxxhash 0.8.1's XXH32(input, length, 0)
        assertEquals(0x02cc5d05, XxHash32.hash(new byte[0], 0, 0));
        assertEquals(0x550d7456, XxHash32.hash("a".getBytes(StandardCharsets.US_ASCII), 0, 1));
        assertEquals(0x32d153ff, XxHash32.hash("abc".getBytes(StandardCharsets.US_ASCII), 0, 3));
        assertEquals(0xc2c45b69, XxHash32.hash("0123456789abcdef".getBytes(StandardCharsets.US_ASCII), 0, 16));
        byte[] fox = "The quick brown fox jumps over the lazy dog".getBytes(StandardCharsets.US_ASCII);
        assertEquals(0xe85ea4de, XxHash32.hash(fox, 0, fox.length));
        byte[] all = new byte[768];
        for (int i = 0; i < all.length; i++) {
            all[i] = (byte) i;
        }
        assertEquals(0xcdb946b1, XxHash32.hash(all, 0, all.length));
        byte[] framed = new byte[all.length + 10];
        System.arraycopy(all, 0, framed, 5, all.length);
        assertEquals(0xcdb946b1, XxHash32.hash(framed, 5, all.length), "from an offset");
    }

    @Test
    void everyChecksumOfAFrameIsVerified() throws Exception {
        byte[] good = Base64.getDecoder().decode(LZ4_CHECKSUMMED);
        assertArrayEquals(TEXT.getBytes(StandardCharsets.UTF_8), CompressedFiles.lz4(good));
        // the frame: magic (4), FLG BD, content size (8), header checksum (1) at 14, block size (4), block (75),
        // block checksum (4), end mark (4), content checksum (4)
        assertEquals("LZ4 frame header checksum mismatch", corrupt(good, 14));
        assertEquals("LZ4 block checksum mismatch", corrupt(good, 30));
        assertEquals("LZ4 block checksum mismatch", corrupt(good, 19 + 75 + 1));
        assertEquals("LZ4 content checksum mismatch", corrupt(good, good.length - 1));
        byte[] text = Base64.getDecoder().decode(LZ4_DEFAULT);
        assertEquals("LZ4 content checksum mismatch", corrupt(text, 30), "a changed literal, without block checksums");
        // a content size that does not match what the blocks decode to: its header checksum made to match
        byte[] size = good.clone();
        size[6] = (byte) 0xa7;
        size[14] = (byte) (XxHash32.hash(size, 4, 10) >>> 8);
        assertEquals("LZ4 frame decodes to 166 bytes, its header says 167",
                assertThrows(java.io.IOException.class, () -> CompressedFiles.lz4(size)).getMessage());
    }

    @Test
    void hostileFramesEndInAnErrorNotAHang() {
        // a skippable frame whose size runs backwards (0xfffffff8 = -8 as an int) or past the end
        byte[] backwards = {0x50, 0x2a, 0x4d, 0x18, (byte) 0xf8, (byte) 0xff, (byte) 0xff, (byte) 0xff};
        assertEquals("truncated LZ4 skippable frame",
                assertThrows(java.io.IOException.class, () -> CompressedFiles.lz4(backwards)).getMessage());
        // a block whose literal length bytes run past its end
        byte[] header = Base64.getDecoder().decode(LZ4_DEFAULT);
        byte[] frame = java.util.Arrays.copyOf(header, 7 + 4 + 3 + 4);
        frame[7] = 3;
        frame[8] = 0;
        frame[9] = 0;
        frame[10] = 0;
        frame[11] = (byte) 0xf0;
        frame[12] = (byte) 0xff;
        frame[13] = (byte) 0xff;
        assertEquals("LZ4 sequence runs past its block",
                assertThrows(java.io.IOException.class, () -> CompressedFiles.lz4(frame)).getMessage());
    }

    private static String corrupt(byte[] frame, int at) {
        byte[] bad = frame.clone();
        bad[at] ^= 0x20;
        return assertThrows(java.io.IOException.class, () -> CompressedFiles.lz4(bad)).getMessage();
    }

    @Test
    void readsBySuffix() throws Exception {
        Files.createDirectories(root.resolve("lists"));
        Files.write(root.resolve("lists/a_Packages.lz4"), Base64.getDecoder().decode(LZ4_DEFAULT));
        Files.write(root.resolve("lists/a_Packages.gz"), Base64.getDecoder().decode(GZIP));
        Files.writeString(root.resolve("lists/a_Packages"), TEXT);
        List<String> expected = List.of(TEXT.split("\n", -1)).subList(0, TEXT.split("\n", -1).length - 1);
        for (String name : List.of("a_Packages.lz4", "a_Packages.gz", "a_Packages")) {
            assertEquals(expected, CompressedFiles.read(root, "/lists/" + name).get().lines(), name);
        }
        Files.writeString(root.resolve("lists/bad_Packages.lz4"), "not lz4");
        UnreadableException e = assertThrows(UnreadableException.class,
                () -> CompressedFiles.read(root, "/lists/bad_Packages.lz4"));
        assertEquals("cannot decompress: not an LZ4 frame (magic 20746f6e)", e.reason());
    }
}
