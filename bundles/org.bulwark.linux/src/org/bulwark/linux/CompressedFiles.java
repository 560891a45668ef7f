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
 * {@code .gz} or {@code .lz4} (LZ4 frame format, as written by apt and the {@code lz4} tool; every checksum a frame
 * carries is verified). Decompression is bounded by {@link #MAX_SIZE}; malformed data is an error, never a hang.
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

    /**
     * Decodes one or more concatenated LZ4 frames (skippable frames are skipped), verifying every checksum a frame
     * has: its header's, each block's and its content's (xxHash32), and its content size when it gives one.
     */
    static byte[] lz4(byte[] in) throws IOException {
        Output out = new Output();
        int p = 0;
        while (p < in.length) {
            int magic = le32(in, p);
            p += 4;
            if ((magic & 0xFFFFFFF0) == 0x184D2A50) {
                long skip = le32(in, p) & 0xFFFFFFFFL;
                if (p + 4 + skip > in.length) {
                    throw new IOException("truncated LZ4 skippable frame");
                }
                p += 4 + (int) skip;
                continue;
            }
            if (magic != 0x184D2204) {
                throw new IOException("not an LZ4 frame (magic " + Integer.toHexString(magic) + ")");
            }
            p = frame(in, p, out);
        }
        return out.toByteArray();
    }

    /** Decodes the frame whose descriptor starts at {@code p}; @return where the next frame starts */
    private static int frame(byte[] in, int p, Output out) throws IOException {
        int descriptor = p;
        need(in, p, 2);
        int flg = in[p++] & 0xFF;
        int bd = in[p++] & 0xFF;
        if ((flg >> 6) != 1) {
            throw new IOException("unsupported LZ4 frame version");
        }
        if ((flg & 0x02) != 0 || (bd & 0x8F) != 0 || (bd >> 4 & 7) < 4) {
            throw new IOException("invalid LZ4 frame descriptor");
        }
        boolean blockChecksum = (flg & 0x10) != 0;
        boolean contentSize = (flg & 0x08) != 0;
        boolean contentChecksum = (flg & 0x04) != 0;
        boolean dictionary = (flg & 0x01) != 0;
        long size = -1;
        if (contentSize) {
            need(in, p, 8);
            size = (le32(in, p) & 0xFFFFFFFFL) | (long) le32(in, p + 4) << 32;
            p += 8;
        }
        p += dictionary ? 4 : 0;
        need(in, p, 1);
        if ((in[p] & 0xFF) != (XxHash32.hash(in, descriptor, p - descriptor) >>> 8 & 0xFF)) {
            throw new IOException("LZ4 frame header checksum mismatch");
        }
        if (dictionary) {
            throw new IOException("LZ4 frames with a dictionary are not supported");
        }
        p++;
        int start = out.size;
        while (true) {
            int block = le32(in, p);
            p += 4;
            if (block == 0) {
                break;
            }
            boolean stored = (block & 0x80000000) != 0;
            block &= 0x7FFFFFFF;
            need(in, p, block + (blockChecksum ? 4L : 0));
            if (blockChecksum && le32(in, p + block) != XxHash32.hash(in, p, block)) {
                throw new IOException("LZ4 block checksum mismatch");
            }
            if (stored) {
                out.write(in, p, block);
            } else {
                block(in, p, p + block, out);
            }
            p += block + (blockChecksum ? 4 : 0);
        }
        if (size >= 0 && size != out.size - start) {
            throw new IOException("LZ4 frame decodes to " + (out.size - start) + " bytes, its header says " + size);
        }
        if (contentChecksum) {
            if (le32(in, p) != XxHash32.hash(out.buf, start, out.size - start)) {
                throw new IOException("LZ4 content checksum mismatch");
            }
            p += 4;
        }
        return p;
    }

    private static void block(byte[] in, int p, int end, Output out) throws IOException {
        while (p < end) {
            int token = in[p++] & 0xFF;
            long literals = token >>> 4;
            if (literals == 15) {
                int b;
                do {
                    need(p < end);
                    b = in[p++] & 0xFF;
                    literals += b;
                } while (b == 255);
            }
            need(p + literals <= end);
            out.write(in, p, (int) literals);
            p += (int) literals;
            if (p >= end) {
                return; // the last sequence has literals only
            }
            need(p + 2 <= end);
            int offset = (in[p] & 0xFF) | (in[p + 1] & 0xFF) << 8;
            p += 2;
            long length = token & 15;
            if (length == 15) {
                int b;
                do {
                    need(p < end);
                    b = in[p++] & 0xFF;
                    length += b;
                } while (b == 255);
            }
            out.copyMatch(offset, length + 4);
        }
    }

    private static void need(byte[] in, int p, long bytes) throws IOException {
        if (p + bytes > in.length) {
            throw new IOException("truncated LZ4 frame");
        }
    }

    private static void need(boolean inBlock) throws IOException {
        if (!inBlock) {
            throw new IOException("LZ4 sequence runs past its block");
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

        void copyMatch(int offset, long length) throws IOException {
            if (offset <= 0 || offset > size) {
                throw new IOException("LZ4 match offset " + offset + " outside the output");
            }
            if (length > MAX_SIZE) {
                throw new IOException("decompresses to more than " + MAX_SIZE + " bytes");
            }
            ensure((int) length);
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
