package org.bulwark.windows.offline.internal;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.bulwark.windows.api.Hkey;
import org.bulwark.windows.api.PolicyFileView;
import org.bulwark.windows.api.RegPath;
import org.bulwark.windows.api.RegValue;
import org.bulwark.windows.api.RegistryView;
import org.bulwark.windows.api.RuntimeView;
import org.bulwark.windows.api.SecurityPolicyView;
import org.bulwark.windows.api.WindowsEdition;
import org.bulwark.windows.api.WindowsReadException;
import org.bulwark.windows.api.WindowsTarget;

/**
 * A mounted Windows volume, opened: its four machine hives, each profile's {@code NTUSER.DAT} (profiles and their
 * SIDs from {@code ProfileList}), and its edition. Opening never throws: what cannot be read is a problem, and
 * reads from it say why. Immutable; thread-safe.
 */
final class OfflineTarget implements WindowsTarget {

    static final String CONFIG = "Windows/System32/config/";
    static final RegPath PROFILE_LIST = RegPath.of(Hkey.SOFTWARE,
            "Microsoft\\Windows NT\\CurrentVersion\\ProfileList");
    /** The most profiles opened; more is not a real machine. */
    static final int MAX_PROFILES = 1000;

    private final OfflineRegistry registry;
    private final OfflineSecurityPolicy securityPolicy;
    private final OfflinePolicyFiles policyFiles;
    private final Optional<WindowsEdition> edition;
    private final List<String> problems;

    private OfflineTarget(OfflineRegistry registry, OfflinePolicyFiles policyFiles, Optional<WindowsEdition> edition,
            List<String> problems) {
        this.registry = registry;
        this.securityPolicy = new OfflineSecurityPolicy(registry, policyFiles);
        this.policyFiles = policyFiles;
        this.edition = edition;
        this.problems = List.copyOf(problems);
    }

    /** @return whether {@code files} hold a Windows system volume ({@code Windows/System32/config/SOFTWARE}) */
    static boolean isWindows(ImageFiles files) {
        try {
            return files.locate(CONFIG + "SOFTWARE").isPresent();
        } catch (java.io.IOException e) {
            return false;
        }
    }

    static OfflineTarget open(ImageFiles files) {
        List<String> problems = new ArrayList<>();
        Map<Hkey, HiveSlot> machine = new EnumMap<>(Hkey.class);
        for (Hkey h : List.of(Hkey.SOFTWARE, Hkey.SYSTEM, Hkey.SECURITY, Hkey.SAM)) {
            HiveSlot slot = HiveSlot.open(files, CONFIG + h.name());
            machine.put(h, slot);
            problems.addAll(slot.problems());
        }
        OfflineRegistry machineOnly = new OfflineRegistry(machine, Map.of());
        Map<String, HiveSlot> users = new LinkedHashMap<>();
        try {
            for (String sid : machineOnly.subkeys(PROFILE_LIST)) {
                if (users.size() >= MAX_PROFILES) {
                    problems.add(machineOnly.where(PROFILE_LIST) + ": more than " + MAX_PROFILES
                            + " profiles; the rest are not read");
                    break;
                }
                Optional<String> home = machineOnly.value(PROFILE_LIST.child(sid), "ProfileImagePath")
                        .flatMap(RegValue::text);
                Optional<String> rel = home.flatMap(OfflineTarget::volumePath);
                if (rel.isEmpty() || !sid.toUpperCase(Locale.ROOT).startsWith("S-1-5-21-")) {
                    continue; // service profiles (S-1-5-18/19/20) have their hives elsewhere
                }
                HiveSlot slot = HiveSlot.open(files, rel.get() + "/NTUSER.DAT");
                users.put(sid, slot);
                problems.addAll(slot.problems());
            }
        } catch (WindowsReadException e) {
            problems.add(e.getMessage());
        }
        OfflineRegistry registry = new OfflineRegistry(machine, users);
        Optional<WindowsEdition> edition = Optional.empty();
        try {
            edition = Editions.read(registry);
        } catch (WindowsReadException e) {
            problems.add(e.getMessage());
        }
        return new OfflineTarget(registry, new OfflinePolicyFiles(files), edition, problems);
    }

    /**
     * @return {@code C:\Users\alice} (or {@code %SystemDrive%\Users\alice}) as a path from the volume's root,
     *         {@code Users/alice}; empty for a path on another drive or with {@code ..}
     */
    static Optional<String> volumePath(String windowsPath) {
        String p = windowsPath.strip().replace('/', '\\');
        String lower = p.toLowerCase(Locale.ROOT);
        if (lower.startsWith("%systemdrive%\\")) {
            p = p.substring("%systemdrive%\\".length());
        } else if (lower.length() > 3 && lower.charAt(1) == ':' && lower.charAt(2) == '\\'
                && lower.charAt(0) == 'c') {
            p = p.substring(3);
        } else {
            return Optional.empty();
        }
        for (String part : p.split("\\\\")) {
            if (part.equals("..") || part.contains("%")) {
                return Optional.empty();
            }
        }
        return p.isEmpty() ? Optional.empty() : Optional.of(p.replace('\\', '/'));
    }

    @Override
    public boolean live() {
        return false;
    }

    @Override
    public RegistryView registry() {
        return registry;
    }

    @Override
    public SecurityPolicyView securityPolicy() {
        return securityPolicy;
    }

    @Override
    public PolicyFileView policyFiles() {
        return policyFiles;
    }

    @Override
    public RuntimeView runtime() {
        return new OfflineRuntime();
    }

    @Override
    public Optional<WindowsEdition> edition() {
        return edition;
    }

    @Override
    public List<String> problems() {
        return problems;
    }
}
