package org.bulwark.windows.live.internal;

import com.sun.jna.Pointer;
import com.sun.jna.Structure.FieldOrder;

/**
 * {@code USER_MODALS_INFO_0} (lmaccess.h), filled by {@code NetUserModalsGet} level 0: five DWORDs, 20 bytes on
 * Windows x64. jna-platform's {@code LMAccess} does not declare it. Ages are in seconds, {@code TIMEQ_FOREVER}
 * (0xFFFFFFFF) meaning never.
 */
@FieldOrder({ "usrmod0_min_passwd_len", "usrmod0_max_passwd_age", "usrmod0_min_passwd_age",
        "usrmod0_force_logoff", "usrmod0_password_hist_len" })
public final class UserModalsInfo0 extends Win32Structure {
    public int usrmod0_min_passwd_len;
    public int usrmod0_max_passwd_age;
    public int usrmod0_min_passwd_age;
    public int usrmod0_force_logoff;
    public int usrmod0_password_hist_len;

    UserModalsInfo0(Pointer memory) {
        super(memory);
        read();
    }

    UserModalsInfo0() {
    }
}
