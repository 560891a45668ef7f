package org.bulwark.windows.live.internal;

import java.util.List;
import java.util.Optional;

import org.bulwark.windows.api.Hkey;
import org.bulwark.windows.api.RegPath;
import org.bulwark.windows.api.RegValue;
import org.bulwark.windows.api.RegistryView;
import org.bulwark.windows.api.WindowsReadException;

/**
 * The registry of the running system. A key or value that does not exist is empty, as offline; any other failure
 * (access denied: SAM and SECURITY are SYSTEM-only even for administrators) is a {@link WindowsReadException}
 * naming the key, never a missing value. {@code CurrentControlSet} is resolved by Windows. Never stale. Thread-safe.
 */
final class LiveRegistry implements RegistryView {

    private final Win32Calls calls;

    LiveRegistry(Win32Calls calls) {
        this.calls = calls;
    }

    static String root(RegPath key) {
        return key.hive() == Hkey.USER ? "HKU" : "HKLM";
    }

    /** @return the key below its root, e.g. {@code SYSTEM\CurrentControlSet\Control\Lsa} */
    static String below(RegPath key) {
        String top = key.hive() == Hkey.USER ? key.userSid() : key.hive().name();
        return key.path().isEmpty() ? top : top + "\\" + key.path();
    }

    private WindowsReadException unreadable(RegPath key, Win32Failure e) {
        return new WindowsReadException(where(key), e.getMessage(), e);
    }

    @Override
    public Optional<RegValue> value(RegPath key, String name) throws WindowsReadException {
        try {
            return calls.value(root(key), below(key), name).map(Win32Translation::value);
        } catch (Win32Failure e) {
            if (e.missing()) {
                return Optional.empty();
            }
            throw unreadable(key, e);
        }
    }

    @Override
    public List<String> subkeys(RegPath key) throws WindowsReadException {
        try {
            return List.copyOf(calls.subkeys(root(key), below(key)));
        } catch (Win32Failure e) {
            if (e.missing()) {
                return List.of();
            }
            throw unreadable(key, e);
        }
    }

    @Override
    public List<String> valueNames(RegPath key) throws WindowsReadException {
        try {
            return List.copyOf(calls.valueNames(root(key), below(key)));
        } catch (Win32Failure e) {
            if (e.missing()) {
                return List.of();
            }
            throw unreadable(key, e);
        }
    }

    @Override
    public boolean exists(RegPath key) throws WindowsReadException {
        try {
            calls.valueNames(root(key), below(key));
            return true;
        } catch (Win32Failure e) {
            if (e.missing()) {
                return false;
            }
            throw unreadable(key, e);
        }
    }

    @Override
    public String where(RegPath key) {
        return "live " + root(key) + "\\" + below(key);
    }

    @Override
    public boolean stale(Hkey hive) {
        return false;
    }

    @Override
    public List<String> userSids() {
        try {
            return List.copyOf(calls.loadedUserSids());
        } catch (Win32Failure e) {
            return List.of();
        }
    }
}
