package org.bulwark.windows.live.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.platform.win32.Advapi32;
import com.sun.jna.platform.win32.Advapi32Util;
import com.sun.jna.platform.win32.Guid.GUID;
import com.sun.jna.platform.win32.W32Errors;
import com.sun.jna.platform.win32.Win32Exception;
import com.sun.jna.platform.win32.WinError;
import com.sun.jna.platform.win32.WinNT;
import com.sun.jna.platform.win32.WinReg;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.PointerByReference;

/**
 * The Win32 calls through JNA. Windows only: constructing it loads nothing, the first call loads the libraries.
 * Registry keys are opened read-only with {@code KEY_WOW64_64KEY}, so a 32-bit JVM sees the 64-bit registry.
 * <b>Not run on Windows yet</b>: compiled and wired on Linux only.
 */
final class NativeWin32Calls implements Win32Calls {

    private static final int READ = WinNT.KEY_READ | WinNT.KEY_WOW64_64KEY;

    @Override
    public Modals0 userModals0() throws Win32Failure {
        Pointer p = modals(0);
        try {
            UserModalsInfo0 i = new UserModalsInfo0(p);
            return new Modals0(i.usrmod0_min_passwd_len, i.usrmod0_max_passwd_age, i.usrmod0_min_passwd_age,
                    i.usrmod0_force_logoff, i.usrmod0_password_hist_len);
        } finally {
            NetApi32Modals.load().NetApiBufferFree(p);
        }
    }

    @Override
    public Modals3 userModals3() throws Win32Failure {
        Pointer p = modals(3);
        try {
            UserModalsInfo3 i = new UserModalsInfo3(p);
            return new Modals3(i.usrmod3_lockout_duration, i.usrmod3_lockout_observation_window,
                    i.usrmod3_lockout_threshold);
        } finally {
            NetApi32Modals.load().NetApiBufferFree(p);
        }
    }

    private static Pointer modals(int level) throws Win32Failure {
        PointerByReference buffer = new PointerByReference();
        int status = NetApi32Modals.load().NetUserModalsGet(null, level, buffer);
        if (status != NetApi32Modals.NERR_SUCCESS) {
            throw new Win32Failure("NetUserModalsGet level " + level, status);
        }
        return buffer.getValue();
    }

    @Override
    public int[] auditPolicy(List<String> guids) throws Win32Failure {
        int size = new GUID().size();
        Memory asked = new Memory((long) size * Math.max(1, guids.size()));
        for (int i = 0; i < guids.size(); i++) {
            GUID g = GUID.fromString(guids.get(i));
            g.write();
            asked.write((long) i * size, g.getPointer().getByteArray(0, size), 0, size);
        }
        PointerByReference out = new PointerByReference();
        if (Advapi32Audit.load().AuditQuerySystemPolicy(asked, guids.size(), out) == 0) {
            throw new Win32Failure("AuditQuerySystemPolicy", Native.getLastError());
        }
        Pointer p = out.getValue();
        try {
            int[] bits = new int[guids.size()];
            int each = new AuditPolicyInformation().size();
            for (int i = 0; i < bits.length; i++) {
                bits[i] = new AuditPolicyInformation(p.share((long) i * each)).AuditingInformation;
            }
            return bits;
        } finally {
            Advapi32Audit.load().AuditFree(p);
        }
    }

    private static WinReg.HKEY root(String root) {
        return "HKU".equals(root) ? WinReg.HKEY_USERS : WinReg.HKEY_LOCAL_MACHINE;
    }

    private static Win32Failure failure(String call, String root, String key, Win32Exception e) {
        return new Win32Failure(call + " " + root + "\\" + key, e.getErrorCode());
    }

    /** Opens {@code key} read-only, or throws the failure with its code (2 = missing, 5 = access denied). */
    private static WinReg.HKEY open(String root, String key) throws Win32Failure {
        WinReg.HKEYByReference h = new WinReg.HKEYByReference();
        int rc = Advapi32.INSTANCE.RegOpenKeyEx(root(root), key, 0, READ, h);
        if (rc != W32Errors.ERROR_SUCCESS) {
            throw new Win32Failure("RegOpenKeyEx " + root + "\\" + key, rc);
        }
        return h.getValue();
    }

    @Override
    public Optional<RawValue> value(String root, String key, String name) throws Win32Failure {
        WinReg.HKEY h = open(root, key);
        try {
            IntByReference type = new IntByReference();
            IntByReference length = new IntByReference();
            int rc = Advapi32.INSTANCE.RegQueryValueEx(h, name, 0, type, (byte[]) null, length);
            if (rc == WinError.ERROR_FILE_NOT_FOUND) {
                return Optional.empty();
            }
            if (rc != W32Errors.ERROR_SUCCESS && rc != WinError.ERROR_MORE_DATA) {
                throw new Win32Failure("RegQueryValueEx " + root + "\\" + key + " " + name, rc);
            }
            byte[] data = new byte[length.getValue()];
            rc = Advapi32.INSTANCE.RegQueryValueEx(h, name, 0, type, data, length);
            if (rc != W32Errors.ERROR_SUCCESS) {
                throw new Win32Failure("RegQueryValueEx " + root + "\\" + key + " " + name, rc);
            }
            return Optional.of(new RawValue(name, type.getValue(), data));
        } finally {
            Advapi32.INSTANCE.RegCloseKey(h);
        }
    }

    @Override
    public List<String> subkeys(String root, String key) throws Win32Failure {
        WinReg.HKEY h = open(root, key);
        try {
            return List.of(Advapi32Util.registryGetKeys(h));
        } catch (Win32Exception e) {
            throw failure("RegEnumKeyEx", root, key, e);
        } finally {
            Advapi32.INSTANCE.RegCloseKey(h);
        }
    }

    @Override
    public List<String> valueNames(String root, String key) throws Win32Failure {
        WinReg.HKEY h = open(root, key);
        try {
            List<String> names = new ArrayList<>();
            char[] name = new char[16_384];
            for (int i = 0;; i++) {
                IntByReference length = new IntByReference(name.length);
                int rc = Advapi32.INSTANCE.RegEnumValue(h, i, name, length, null, null, (byte[]) null, null);
                if (rc == WinError.ERROR_NO_MORE_ITEMS) {
                    return names;
                }
                if (rc != W32Errors.ERROR_SUCCESS) {
                    throw new Win32Failure("RegEnumValue " + root + "\\" + key, rc);
                }
                names.add(new String(name, 0, length.getValue()));
            }
        } finally {
            Advapi32.INSTANCE.RegCloseKey(h);
        }
    }

    @Override
    public List<String> loadedUserSids() throws Win32Failure {
        return subkeys("HKU", "").stream().filter(s -> s.startsWith("S-1-5-21-") && !s.endsWith("_Classes"))
                .toList();
    }
}
