package org.bulwark.windows.regf.policy;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * The user name held in a SAM user's value {@code SAM\Domains\Account\Users\<RID>\V}.
 *
 * <p>V starts with a table of 12-byte entries (offset u32, length u32, unknown u32); entry 1, at 0x0C, is the user
 * name, UTF-16LE, its offset counted from the end of the 0xCC-byte header (layout as in mimikatz/kekeo's
 * {@code USER_ACCOUNT_V} and impacket's secretsdump {@code USER_ACCOUNT_V}, which reads
 * {@code V[NameOffset + 0xcc : NameOffset + 0xcc + NameLength]}).
 */
public record SamUserName(String name) {
    /** The size of V's header; the entries' offsets count from its end. */
    public static final int HEADER = 0xCC;

    public static SamUserName decode(byte[] userV, String file) throws PolicyFileException {
        if (userV.length < HEADER) {
            throw PolicyFileException.atField(file, "NameOffset", "user V of " + userV.length
                + " bytes is shorter than its 204-byte header");
        }
        ByteBuffer b = ByteBuffer.wrap(userV).order(ByteOrder.LITTLE_ENDIAN);
        long offset = Integer.toUnsignedLong(b.getInt(0x0C));
        long length = Integer.toUnsignedLong(b.getInt(0x10));
        long start = HEADER + offset;
        if (length % 2 != 0) {
            throw PolicyFileException.atOffset(file, 0x10, "user name length " + length + " is odd for UTF-16");
        }
        if (start + length > userV.length) {
            throw PolicyFileException.atOffset(file, 0x0C, "user name at 0x" + Long.toHexString(start) + " of "
                + length + " bytes runs past the end of the " + userV.length + "-byte V");
        }
        return new SamUserName(new String(userV, (int) start, (int) length, StandardCharsets.UTF_16LE));
    }
}
