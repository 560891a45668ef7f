package org.bulwark.linux;

/**
 * xxHash32 (Yann Collet's specification, {@code doc/xxhash_spec.md} of the xxHash project), the checksum of LZ4
 * frames: their header, blocks and content.
 */
final class XxHash32 {

    private static final int P1 = 0x9E3779B1;
    private static final int P2 = 0x85EBCA77;
    private static final int P3 = 0xC2B2AE3D;
    private static final int P4 = 0x27D4EB2F;
    private static final int P5 = 0x165667B1;

    private XxHash32() {
    }

    /** @return the xxHash32 of {@code length} bytes of {@code b} from {@code offset}, with seed 0 */
    static int hash(byte[] b, int offset, int length) {
        int p = offset;
        int end = offset + length;
        int h;
        if (length >= 16) {
            int v1 = P1 + P2;
            int v2 = P2;
            int v3 = 0;
            int v4 = -P1;
            for (int limit = end - 16; p <= limit; p += 16) {
                v1 = round(v1, le32(b, p));
                v2 = round(v2, le32(b, p + 4));
                v3 = round(v3, le32(b, p + 8));
                v4 = round(v4, le32(b, p + 12));
            }
            h = Integer.rotateLeft(v1, 1) + Integer.rotateLeft(v2, 7) + Integer.rotateLeft(v3, 12)
                    + Integer.rotateLeft(v4, 18);
        } else {
            h = P5;
        }
        h += length;
        for (; p + 4 <= end; p += 4) {
            h = Integer.rotateLeft(h + le32(b, p) * P3, 17) * P4;
        }
        for (; p < end; p++) {
            h = Integer.rotateLeft(h + (b[p] & 0xFF) * P5, 11) * P1;
        }
        h ^= h >>> 15;
        h *= P2;
        h ^= h >>> 13;
        h *= P3;
        h ^= h >>> 16;
        return h;
    }

    private static int round(int acc, int lane) {
        return Integer.rotateLeft(acc + lane * P2, 13) * P1;
    }

    private static int le32(byte[] b, int p) {
        return (b[p] & 0xFF) | (b[p + 1] & 0xFF) << 8 | (b[p + 2] & 0xFF) << 16 | (b[p + 3] & 0xFF) << 24;
    }
}
