package org.bulwark.windows.testing;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;

/**
 * Writes the SAM and SECURITY policy values in the layouts org.bulwark.windows.regf.policy decodes: DOMAIN_ACCOUNT_F
 * ({@code SAM\Domains\Account\F}), a user's {@code F} and {@code V} (its name), and {@code Policy\PolAdtEv}.
 */
public final class PolicyBlobs {
    private static final int DOMAIN_F_LENGTH = 0xB0;
    private static final int USER_F_LENGTH = 0x50;

    private PolicyBlobs() {
    }

    /**
     * DOMAIN_ACCOUNT_F with the given policy; a null duration is written as "never". Other fields hold fixed
     * plausible values (revision 3, NextRid 1001).
     */
    public static byte[] domainF(int minPasswordLength, int historyLength, Duration maxAge, Duration minAge,
        Duration lockoutDuration, Duration lockoutWindow, boolean complexity, int lockoutThreshold) {
        ByteBuffer b = ByteBuffer.allocate(DOMAIN_F_LENGTH).order(ByteOrder.LITTLE_ENDIAN);
        b.putShort(0x00, (short) 3);
        b.putLong(0x18, interval(maxAge));
        b.putLong(0x20, interval(minAge));
        b.putLong(0x28, Long.MIN_VALUE);
        b.putLong(0x30, interval(lockoutDuration));
        b.putLong(0x38, interval(lockoutWindow));
        b.putInt(0x48, 1001);
        b.putInt(0x4C, complexity ? 1 : 0);
        b.putShort(0x50, (short) minPasswordLength);
        b.putShort(0x52, (short) historyLength);
        b.putShort(0x54, (short) lockoutThreshold);
        b.putInt(0x58, 1);
        b.putInt(0x5C, 3);
        return b.array();
    }

    /** A user's F with the account control bits at 0x38 (e.g. 0x0011 = disabled normal account). */
    public static byte[] userF(int acb) {
        ByteBuffer b = ByteBuffer.allocate(USER_F_LENGTH).order(ByteOrder.LITTLE_ENDIAN);
        b.putShort(0x00, (short) 2);
        b.putShort(0x38, (short) acb);
        return b.array();
    }

    /**
     * A user's V holding {@code name} (UTF-16LE) as entry 1 of its table, right after the 0xCC-byte header; the
     * other entries are empty.
     */
    public static byte[] userV(String name) {
        byte[] n = name.getBytes(java.nio.charset.StandardCharsets.UTF_16LE);
        ByteBuffer b = ByteBuffer.allocate(0xCC + n.length).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(0x0C, 0).putInt(0x10, n.length);
        b.put(0xCC, n);
        return b.array();
    }

    /** A SECURITY {@code Policy\\Accounts\\<SID>\\Privilgs}: LSAPR_PRIVILEGE_SET of the given LUIDs (high part 0). */
    public static byte[] privilgs(int... luids) {
        ByteBuffer b = ByteBuffer.allocate(8 + 12 * luids.length).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(0, luids.length);
        for (int i = 0; i < luids.length; i++) {
            b.putInt(8 + 12 * i, luids[i]);
        }
        return b.array();
    }

    /** A SECURITY {@code Policy\\Accounts\\<SID>\\ActSysAc}: the u32 SECURITY_ACCESS_* flags. */
    public static byte[] actSysAc(int flags) {
        return ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(0, flags).array();
    }

    /**
     * PolAdtEv: the header, one u16 setting (0..3) per subcategory, category after category, then the counts.
     * {@code settings[c][s]} is subcategory s of category c in the stored order.
     */
    public static byte[] polAdtEv(int[][] settings) {
        int total = 0;
        for (int[] category : settings) {
            total += category.length;
        }
        int footer = 12 + 2 * total;
        ByteBuffer b = ByteBuffer.allocate(footer + 2 * settings.length + 4).order(ByteOrder.LITTLE_ENDIAN);
        b.putShort(0, (short) 0);
        b.putShort(2, (short) 1);
        b.putShort(4, (short) settings.length);
        b.putShort(8, (short) footer);
        int pos = 12;
        for (int[] category : settings) {
            for (int s : category) {
                b.putShort(pos, (short) s);
                pos += 2;
            }
        }
        for (int c = 0; c < settings.length; c++) {
            b.putShort(footer + 2 * c, (short) settings[c].length);
        }
        return b.array();
    }

    /** The subcategory counts of the Windows 10/11 layout, category by category. */
    public static int[][] polAdtEvLayout(int setting) {
        int[] counts = {5, 11, 14, 3, 6, 6, 6, 4, 4};
        int[][] out = new int[counts.length][];
        for (int c = 0; c < counts.length; c++) {
            out[c] = new int[counts[c]];
            java.util.Arrays.fill(out[c], setting);
        }
        return out;
    }

    private static long interval(Duration d) {
        if (d == null) {
            return Long.MIN_VALUE;
        }
        return -(d.getSeconds() * 10_000_000L + d.getNano() / 100);
    }
}
