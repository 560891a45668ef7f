package org.bulwark.windows.live.internal;

import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.WString;
import com.sun.jna.ptr.PointerByReference;
import com.sun.jna.win32.StdCallLibrary;

/**
 * The netapi32 functions jna-platform 5.18.1 does not declare. Loaded only through {@link #load()}: referring to
 * this interface loads no native library, so the bundle resolves and activates on Linux without touching JNA's
 * native part.
 */
interface NetApi32Modals extends StdCallLibrary {

    /** {@code NERR_Success}. */
    int NERR_SUCCESS = 0;
    /** {@code ERROR_ACCESS_DENIED}. */
    int ERROR_ACCESS_DENIED = 5;

    /**
     * {@code NET_API_STATUS NetUserModalsGet(LPCWSTR servername, DWORD level, LPBYTE *bufptr)}: level 0 fills
     * {@code USER_MODALS_INFO_0}, level 3 {@code USER_MODALS_INFO_3}; the buffer is freed with
     * {@link #NetApiBufferFree}. A null server name is the local computer.
     */
    int NetUserModalsGet(WString serverName, int level, PointerByReference buffer);

    /** {@code NET_API_STATUS NetApiBufferFree(LPVOID Buffer)}. */
    int NetApiBufferFree(Pointer buffer);

    /** @return the library, loading it on first use (Windows only) */
    static NetApi32Modals load() {
        return Holder.INSTANCE;
    }

    /** Initialised on the first {@link #load()}, never when the interface is merely referred to. */
    final class Holder {
        static final NetApi32Modals INSTANCE = Native.load("Netapi32", NetApi32Modals.class,
                com.sun.jna.win32.W32APIOptions.DEFAULT_OPTIONS);

        private Holder() {
        }
    }
}
