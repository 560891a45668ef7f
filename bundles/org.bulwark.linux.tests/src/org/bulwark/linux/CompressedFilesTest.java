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
