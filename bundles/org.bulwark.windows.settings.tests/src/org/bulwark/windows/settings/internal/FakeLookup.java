package org.bulwark.windows.settings.internal;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.bulwark.windows.settings.LookupException;
import org.bulwark.windows.settings.RegistryLookup;

/** A registry made of a map, for tests. */
final class FakeLookup implements RegistryLookup {
    private final Map<String, String> values = new HashMap<>();
    private final Map<String, String> pol = new HashMap<>();
    private final Set<String> stale = new HashSet<>();
    private final Map<String, String> broken = new HashMap<>();

    FakeLookup set(String hive, String path, String value, String data) {
        values.put(hive + "\\" + path.toLowerCase() + "\\" + value.toLowerCase(), data);
        return this;
    }

    FakeLookup pol(String hive, String path, String value, String file) {
        pol.put(hive + "\\" + path.toLowerCase() + "\\" + value.toLowerCase(), file);
        return this;
    }

    FakeLookup dirty(String hive) {
        stale.add(hive);
        return this;
    }

    /** Every read from {@code hive} fails with {@code message}. */
    FakeLookup broken(String hive, String message) {
        broken.put(hive, message);
        return this;
    }

    @Override
    public Optional<String> read(String hive, String path, String value) throws LookupException {
        if (broken.containsKey(hive)) {
            throw new LookupException(broken.get(hive));
        }
        return Optional.ofNullable(values.get(hive + "\\" + path.toLowerCase() + "\\" + value.toLowerCase()));
    }

    @Override
    public String where(String hive, String path) {
        return "/Windows/System32/config/" + hive + " \\" + path;
    }

    @Override
    public boolean stale(String hive) {
        return stale.contains(hive);
    }

    @Override
    public Optional<String> policyFile(String hive, String path, String value) {
        return Optional.ofNullable(pol.get(hive + "\\" + path.toLowerCase() + "\\" + value.toLowerCase()));
    }
}
