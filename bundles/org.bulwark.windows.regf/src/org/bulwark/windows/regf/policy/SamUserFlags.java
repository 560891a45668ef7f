package org.bulwark.windows.regf.policy;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The account control bits (ACB, u16 at 0x38) of a SAM user's value {@code SAM\Domains\Account\Users\<RID>\F}.
 */
public record SamUserFlags(int acb) {
    public static final int ACB_DISABLED = 0x0001;
    public static final int ACB_PWNOTREQ = 0x0004;
    public static final int ACB_NORMAL = 0x0010;
    public static final int ACB_PWNOEXP = 0x0200;
    public static final int ACB_AUTOLOCK = 0x0400;

    public static SamUserFlags decode(byte[] userF, String name) throws PolicyFileException {
        if (userF.length < 0x3A) {
            throw PolicyFileException.atField(name, "AccountControl", "user F of " + userF.length
                + " bytes is shorter than the 58 that hold the account control bits");
        }
        return new SamUserFlags(Short.toUnsignedInt(ByteBuffer.wrap(userF).order(ByteOrder.LITTLE_ENDIAN)
            .getShort(0x38)));
    }

    public boolean disabled() {
        return (acb & ACB_DISABLED) != 0;
    }

    public boolean passwordNotRequired() {
        return (acb & ACB_PWNOTREQ) != 0;
    }

    public boolean passwordNeverExpires() {
        return (acb & ACB_PWNOEXP) != 0;
    }

    public boolean lockedOut() {
        return (acb & ACB_AUTOLOCK) != 0;
    }
}
