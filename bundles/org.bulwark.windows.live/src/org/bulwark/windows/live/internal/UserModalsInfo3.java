package org.bulwark.windows.live.internal;

import com.sun.jna.Pointer;
import com.sun.jna.Structure.FieldOrder;

/**
 * {@code USER_MODALS_INFO_3} (lmaccess.h), filled by {@code NetUserModalsGet} level 3: three DWORDs, 12 bytes on
 * Windows x64. Duration and window are in seconds; a threshold of 0 means no lockout.
 */
@FieldOrder({ "usrmod3_lockout_duration", "usrmod3_lockout_observation_window", "usrmod3_lockout_threshold" })
public final class UserModalsInfo3 extends Win32Structure {
    public int usrmod3_lockout_duration;
    public int usrmod3_lockout_observation_window;
    public int usrmod3_lockout_threshold;

    UserModalsInfo3(Pointer memory) {
        super(memory);
        read();
    }

    UserModalsInfo3() {
    }
}
