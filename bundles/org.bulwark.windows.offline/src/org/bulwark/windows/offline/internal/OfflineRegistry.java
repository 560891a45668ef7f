package org.bulwark.windows.offline.internal;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

import org.bulwark.windows.api.Hkey;
import org.bulwark.windows.api.RegKind;
import org.bulwark.windows.api.RegPath;
import org.bulwark.windows.api.RegValue;
import org.bulwark.windows.api.RegistryView;
import org.bulwark.windows.api.WindowsReadException;
import org.bulwark.windows.regf.HiveException;
import org.bulwark.windows.regf.HiveKey;
import org.bulwark.windows.regf.HiveValue;

/**
 * The registry of an image, read from its hive files. {@code CurrentControlSet} in the SYSTEM hive is resolved
 * through {@code Select\Current}. Immutable after construction; the hives are read-only, so it is thread-safe.
 */
final class OfflineRegistry implements RegistryView {

    private static final String CURRENT_CONTROL_SET = "CurrentControlSet";

    private final Map<Hkey, HiveSlot> machine;
    private final Map<String, HiveSlot> users;

    /**
     * @param machine the SOFTWARE, SYSTEM, SECURITY and SAM hives
     * @param users   each user's NTUSER.DAT by SID, in profile order
     */
    OfflineRegistry(Map<Hkey, HiveSlot> machine, Map<String, HiveSlot> users) {
        this.machine = new EnumMap<>(machine);
        this.users = new LinkedHashMap<>(users);
    }

    @Override
    public Optional<RegValue> value(RegPath key, String name) throws WindowsReadException {
        Optional<HiveKey> k = key(key);
        if (k.isEmpty()) {
            return Optional.empty();
        }
        try {
            return k.get().value(name).map(OfflineRegistry::convert);
        } catch (HiveException e) {
            throw failure(key, e);
        }
    }

    @Override
    public List<String> subkeys(RegPath key) throws WindowsReadException {
        Optional<HiveKey> k = key(key);
        if (k.isEmpty()) {
            return List.of();
        }
        try {
            List<String> out = new ArrayList<>();
            for (HiveKey sub : k.get().subkeys()) {
                out.add(sub.name());
            }
            return List.copyOf(out);
        } catch (HiveException e) {
            throw failure(key, e);
        }
    }

    @Override
    public List<String> valueNames(RegPath key) throws WindowsReadException {
        Optional<HiveKey> k = key(key);
        if (k.isEmpty()) {
            return List.of();
        }
        try {
            return k.get().values().stream().map(HiveValue::name).toList();
        } catch (HiveException e) {
            throw failure(key, e);
        }
    }

    @Override
    public boolean exists(RegPath key) throws WindowsReadException {
        return key(key).isPresent();
    }

    @Override
    public String where(RegPath key) {
        HiveSlot slot = slot(key);
        String file = slot == null ? "(no hive for " + key + ")" : slot.file();
        String path;
        try {
            path = resolve(key);
        } catch (WindowsReadException e) {
            path = key.path();
        }
        return file + " \\" + path + (slot != null && slot.dirty() ? " (hive possibly stale)" : "");
    }

    @Override
    public boolean stale(Hkey hive) {
        if (hive == Hkey.USER) {
            return users.values().stream().anyMatch(HiveSlot::dirty);
        }
        HiveSlot slot = machine.get(hive);
        return slot != null && slot.dirty();
    }

    @Override
    public List<String> userSids() {
        return List.copyOf(users.keySet());
    }

    private HiveSlot slot(RegPath key) {
        if (key.hive() == Hkey.USER) {
            for (Map.Entry<String, HiveSlot> e : users.entrySet()) {
                if (e.getKey().equalsIgnoreCase(key.userSid())) {
                    return e.getValue();
                }
            }
            return null;
        }
        return machine.get(key.hive());
    }

    private Optional<HiveKey> key(RegPath key) throws WindowsReadException {
        HiveSlot slot = slot(key);
        if (slot == null) {
            throw new WindowsReadException(key.toString(), "no hive of this user is in the image");
        }
        String path = resolve(key);
        try {
            return slot.get().find(path);
        } catch (HiveException e) {
            throw failure(key, e);
        }
    }

    /** @return the key's path in its hive, with {@code CurrentControlSet} replaced by the current control set */
    String resolve(RegPath key) throws WindowsReadException {
        String path = key.path();
        if (key.hive() != Hkey.SYSTEM) {
            return path;
        }
        String first = path.contains("\\") ? path.substring(0, path.indexOf('\\')) : path;
        if (!first.equalsIgnoreCase(CURRENT_CONTROL_SET)) {
            return path;
        }
        HiveSlot system = machine.get(Hkey.SYSTEM);
        if (system == null) {
            throw new WindowsReadException(key.toString(), "no SYSTEM hive");
        }
        OptionalLong current;
        try {
            current = system.get().find("Select").flatMap(OfflineRegistry::current).map(HiveValue::number)
                    .orElse(OptionalLong.empty());
        } catch (HiveException e) {
            throw new WindowsReadException(system.file(), system.reason(e));
        }
        if (current.isEmpty() || current.getAsLong() < 1 || current.getAsLong() > 999) {
            throw new WindowsReadException(system.file(),
                    "\\Select\\Current is missing or not a control set number; CurrentControlSet cannot be resolved");
        }
        return String.format(Locale.ROOT, "ControlSet%03d", current.getAsLong()) + path.substring(first.length());
    }

    private static Optional<HiveValue> current(HiveKey select) {
        try {
            return select.value("Current");
        } catch (HiveException e) {
            return Optional.empty();
        }
    }

    private WindowsReadException failure(RegPath key, HiveException e) {
        HiveSlot slot = slot(key);
        String file = slot == null ? key.toString() : slot.file();
        return new WindowsReadException(file, slot == null ? String.valueOf(e.getMessage()) : slot.reason(e), e);
    }

    static RegValue convert(HiveValue v) {
        RegKind kind;
        try {
            kind = RegKind.valueOf(v.type().name());
        } catch (IllegalArgumentException e) {
            kind = RegKind.OTHER;
        }
        List<String> texts = kind == RegKind.MULTI_SZ ? v.texts() : List.of();
        return new RegValue(v.name(), kind, v.rawType(), v.number(), v.text(), texts, v.data());
    }
}
