package org.bulwark.windows.live.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Win32 results given by a test: the modals and audit bits, registry keys with their values, and failures by key.
 * Counts the calls, so a test can see that none was made.
 */
final class FakeWin32Calls implements Win32Calls {
    Modals0 modals0 = new Modals0(0, 0, 0, 0, 0);
    Modals3 modals3 = new Modals3(0, 0, 0);
    Win32Failure modalsFailure;
    Win32Failure auditFailure;
    /** bits per subcategory GUID (upper case); absent ones are 0 */
    final Map<String, Integer> audit = new HashMap<>();
    /** values per "ROOT\key" (upper case) */
    final Map<String, List<RawValue>> keys = new HashMap<>();
    /** failures per "ROOT\key" (upper case) */
    final Map<String, Integer> failures = new HashMap<>();
    final List<String> sids = new ArrayList<>();
    int calls;

    FakeWin32Calls key(String root, String key, RawValue... values) {
        keys.put((root + "\\" + key).toUpperCase(Locale.ROOT), List.of(values));
        return this;
    }

    private List<RawValue> values(String root, String key) throws Win32Failure {
        calls++;
        String k = (root + "\\" + key).toUpperCase(Locale.ROOT);
        if (failures.containsKey(k)) {
            throw new Win32Failure("RegOpenKeyEx " + root + "\\" + key, failures.get(k));
        }
        List<RawValue> v = keys.get(k);
        if (v == null) {
            throw new Win32Failure("RegOpenKeyEx " + root + "\\" + key, Win32Failure.ERROR_FILE_NOT_FOUND);
        }
        return v;
    }

    @Override
    public Modals0 userModals0() throws Win32Failure {
        calls++;
        if (modalsFailure != null) {
            throw modalsFailure;
        }
        return modals0;
    }

    @Override
    public Modals3 userModals3() throws Win32Failure {
        calls++;
        if (modalsFailure != null) {
            throw modalsFailure;
        }
        return modals3;
    }

    @Override
    public int[] auditPolicy(List<String> guids) throws Win32Failure {
        calls++;
        if (auditFailure != null) {
            throw auditFailure;
        }
        return guids.stream().mapToInt(g -> audit.getOrDefault(g.toUpperCase(Locale.ROOT), 0)).toArray();
    }

    @Override
    public Optional<RawValue> value(String root, String key, String name) throws Win32Failure {
        return values(root, key).stream().filter(v -> v.name().equalsIgnoreCase(name)).findFirst();
    }

    @Override
    public List<String> subkeys(String root, String key) throws Win32Failure {
        values(root, key);
        String prefix = (root + "\\" + key + "\\").toUpperCase(Locale.ROOT);
        return keys.keySet().stream().filter(k -> k.startsWith(prefix) && k.indexOf('\\', prefix.length()) < 0)
                .map(k -> k.substring(prefix.length())).sorted().toList();
    }

    @Override
    public List<String> valueNames(String root, String key) throws Win32Failure {
        return values(root, key).stream().map(RawValue::name).toList();
    }

    @Override
    public List<String> loadedUserSids() {
        calls++;
        return sids;
    }
}
