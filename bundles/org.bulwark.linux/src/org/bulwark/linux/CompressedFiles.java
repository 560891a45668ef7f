package org.bulwark.linux;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.zip.GZIPInputStream;

/**
 * Reads text files of the target that may be compressed as apt keeps its package indexes: plain,
 * {@code .gz} or {@code .lz4} (LZ4 frame format, as written by apt and the {@code lz4} tool). Decompression is
 * bounded by {@link #MAX_SIZE}.
 */
public final class CompressedFiles {

    /** The most bytes a file may decompress to. */
    public static final int MAX_SIZE = 256 * 1024 * 1024;

    private CompressedFiles() {
    }

    /**
     * Reads and, by its name's suffix, decompresses {@code targetPath}.
     *
     * @return the lines, or empty when the file does not exist
     * @throws UnreadableException when it cannot be read or is not valid compressed data
     */
    public static Optional<TextFile> read(Path root, String targetPath) throws UnreadableException {
        Optional<byte[]> read = TargetFiles.readBytes(root, targetPath, TargetFiles.MAX_FILE_SIZE);
        if (read.isEmpty()) {
            return Optional.empty();
        }
        byte[] raw = read.get();
        byte[] data;
        try {
            if (targetPath.endsWith(".gz")) {
                data = gunzip(raw);
            } else if (targetPath.endsWith(".lz4")) {
                data = lz4(raw);
            } else {
                data = raw;
            }
        } catch (IOException | RuntimeException e) {
            throw new UnreadableException(targetPath, "cannot decompress: " + e.getMessage());
        }
        List<String> lines = new ArrayList<>(Arrays.asList(new String(data, StandardCharsets.UTF_8).split("\r?\n", -1)));
        if (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
            lines.remove(lines.size() - 1);
        }
        return Optional.of(new TextFile(targetPath, lines));
    }

    static byte[] gunzip(byte[] raw) throws IOException {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(raw))) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buf = new byte[65536];
            for (int n; (n = in.read(buf)) > 0;) {
                out.write(buf, 0, n);
                if (out.size() > MAX_SIZE) {
                    throw new IOException("decompresses to more than " + MAX_SIZE + " bytes");
                }
            }
            return out.toByteArray();
        }
    }

    /** Decodes one or more concatenated LZ4 frames (skippable frames are skipped). */
    static byte[] lz4(byte[] in) throws IOException {
        Output out = new Output();
        int p = 0;
        while (p < in.length) {
            int magic = le32(in, p);
            p += 4;
            if ((magic & 0xFFFFFFF0) == 0x184D2A50) {
                p += 4 + le32(in, p);
                continue;
            }
            if (magic != 0x184D2204) {
                throw new IOException("not an LZ4 frame (magic " + Integer.toHexString(magic) + ")");
            }
            int flg = in[p++] & 0xFF;
            p++; // BD: block maximum size, not needed to decode
            if ((flg >> 6) != 1) {
                throw new IOException("unsupported LZ4 frame version");
            }
            boolean blockChecksum = (flg & 0x10) != 0;
            boolean contentSize = (flg & 0x08) != 0;
            boolean contentChecksum = (flg & 0x04) != 0;
            boolean dictionary = (flg & 0x01) != 0;
            p += (contentSize ? 8 : 0) + (dictionary ? 4 : 0) + 1; // + header checksum
            while (true) {
                int size = le32(in, p);
                p += 4;
                if (size == 0) {
                    break;
                }
                boolean stored = (size & 0x80000000) != 0;
                size &= 0x7FFFFFFF;
                if (p + size > in.length) {
                    throw new IOException("truncated LZ4 block");
                }
                if (stored) {
                    out.write(in, p, size);
                } else {
                    block(in, p, p + size, out);
                }
                p += size + (blockChecksum ? 4 : 0);
            }
            p += contentChecksum ? 4 : 0;
        }
        return out.toByteArray();
    }

    private static void block(byte[] in, int p, int end, Output out) throws IOException {
        while (p < end) {
            int token = in[p++] & 0xFF;
            int literals = token >>> 4;
            if (literals == 15) {
                int b;
                do {
                    b = in[p++] & 0xFF;
                    literals += b;
                } while (b == 255);
            }
            if (p + literals > end) {
                throw new IOException("LZ4 literals run past the block");
            }
            out.write(in, p, literals);
            p += literals;
            if (p >= end) {
                return; // the last sequence has literals only
            }
            int offset = (in[p] & 0xFF) | (in[p + 1] & 0xFF) << 8;
            p += 2;
            int length = token & 15;
            if (length == 15) {
                int b;
                do {
                    b = in[p++] & 0xFF;
                    length += b;
                } while (b == 255);
            }
            out.copyMatch(offset, length + 4);
        }
    }

    private static int le32(byte[] b, int p) throws IOException {
        if (p + 4 > b.length) {
            throw new IOException("truncated LZ4 frame");
        }
        return (b[p] & 0xFF) | (b[p + 1] & 0xFF) << 8 | (b[p + 2] & 0xFF) << 16 | (b[p + 3] & 0xFF) << 24;
    }

    /** A growable byte buffer that can copy from its own earlier output. */
    private static final class Output {
        private byte[] buf = new byte[1 << 16];
        private int size;

        void ensure(int more) throws IOException {
            if ((long) size + more > MAX_SIZE) {
                throw new IOException("decompresses to more than " + MAX_SIZE + " bytes");
            }
            if (size + more > buf.length) {
                buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + more));
            }
        }

        void write(byte[] src, int from, int length) throws IOException {
            ensure(length);
            System.arraycopy(src, from, buf, size, length);
            size += length;
        }

        void copyMatch(int offset, int length) throws IOException {
            if (offset <= 0 || offset > size) {
                throw new IOException("LZ4 match offset " + offset + " outside the output");
            }
            ensure(length);
            for (int i = 0; i < length; i++) {
                buf[size] = buf[size - offset];
                size++;
            }
        }

        byte[] toByteArray() {
            return Arrays.copyOf(buf, size);
        }
    }
}
