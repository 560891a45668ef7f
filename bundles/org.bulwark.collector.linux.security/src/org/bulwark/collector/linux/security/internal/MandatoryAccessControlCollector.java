package org.bulwark.collector.linux.security.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.bulwark.collector.api.AssessmentContext;
import org.bulwark.collector.api.Category;
import org.bulwark.collector.api.Collector;
import org.bulwark.collector.api.Observation;
import org.bulwark.collector.api.Source;
import org.bulwark.linux.KeyValueConfig;
import org.bulwark.linux.SystemdUnits;
import org.bulwark.linux.TargetFiles;
import org.bulwark.linux.TextFile;
import org.bulwark.linux.UnreadableException;
import org.osgi.service.component.annotations.Component;

/**
 * Mandatory access control and platform protections. Boot-time configuration:
 * {@code linux.systemd.unit.apparmor.service}, {@code linux.selinux.mode} ({@code SELINUX=} in
 * {@code /etc/selinux/config}). Live systems only (else UNAVAILABLE): {@code linux.apparmor.enabled}
 * ({@code yes}/{@code no}), {@code linux.apparmor.profiles.enforce} and {@code .complain} (counts),
 * {@code linux.kernel.lockdown} (the selected mode), {@code linux.secureboot.enabled} ({@code yes}/{@code no};
 * ABSENT when not booted with EFI).
 */
@Component(service = Collector.class)
public final class MandatoryAccessControlCollector implements Collector {

    static final String SECURE_BOOT_VAR = "/sys/firmware/efi/efivars/SecureBoot-8be4df61-93ca-11d2-aa0d-00e098032b8c";
    static final String PROFILES = "/sys/kernel/security/apparmor/profiles";

    private static final Set<String> PROVIDES = Set.of("linux.systemd.unit.apparmor.service", "linux.selinux.mode",
            "linux.apparmor.enabled", "linux.apparmor.profiles.enforce", "linux.apparmor.profiles.complain",
            "linux.kernel.lockdown", "linux.secureboot.enabled");

    @Override
    public String id() {
        return "linux.security.mac";
    }

    @Override
    public Category category() {
        return Category.SECURITY_CONTROLS;
    }

    @Override
    public Set<String> provides() {
        return PROVIDES;
    }

    @Override
    public List<Observation> collect(AssessmentContext context) {
        Path root = context.root();
        List<Observation> result = new ArrayList<>();
        result.add(SystemdUnits.observeState(root, "linux.systemd.unit.apparmor.service", "apparmor.service"));
        result.add(Values.lower(KeyValueConfig.read(root, "/etc/selinux/config", KeyValueConfig.Syntax.EQUALS,
                KeyValueConfig.Wins.LAST, false).observe("linux.selinux.mode", "SELINUX",
                        Source.file("/etc/selinux/config", 0))));
        if (!context.live()) {
            for (String key : List.of("linux.apparmor.enabled", "linux.apparmor.profiles.enforce",
                    "linux.apparmor.profiles.complain", "linux.kernel.lockdown", "linux.secureboot.enabled")) {
                result.add(Observation.unavailable(key, "the running kernel's state exists only on a live system"));
            }
            return result;
        }
        result.add(apparmorEnabled(root));
        result.addAll(profiles(root));
        result.add(lockdown(root));
        result.add(secureBoot(root));
        return result;
    }

    static Observation apparmorEnabled(Path root) {
        String key = "linux.apparmor.enabled";
        String path = "/sys/module/apparmor/parameters/enabled";
        try {
            Optional<TextFile> f = TargetFiles.read(root, path);
            if (f.isEmpty()) {
                return Observation.of(key, "no", Source.runtime(path).withDetail("the kernel has no AppArmor module"));
            }
            String v = f.get().lines().isEmpty() ? "" : f.get().lines().get(0).strip();
            return Observation.of(key, v.equals("Y") ? "yes" : "no", Source.runtime(path));
        } catch (UnreadableException e) {
            return Observation.unreadable(key, Source.runtime(path), e.reason());
        }
    }

    static List<Observation> profiles(Path root) {
        String enforceKey = "linux.apparmor.profiles.enforce";
        String complainKey = "linux.apparmor.profiles.complain";
        try {
            Optional<TextFile> f = TargetFiles.read(root, PROFILES);
            if (f.isEmpty()) {
                String reason = "no AppArmor profiles are loaded (" + PROFILES + " does not exist)";
                return List.of(Observation.absent(enforceKey, Source.runtime(PROFILES), reason),
                        Observation.absent(complainKey, Source.runtime(PROFILES), reason));
            }
            int enforce = 0;
            int complain = 0;
            for (String line : f.get().lines()) {
                if (line.endsWith("(enforce)")) {
                    enforce++;
                } else if (line.endsWith("(complain)")) {
                    complain++;
                }
            }
            return List.of(Observation.of(enforceKey, Integer.toString(enforce), Source.runtime(PROFILES)),
                    Observation.of(complainKey, Integer.toString(complain), Source.runtime(PROFILES)));
        } catch (UnreadableException e) {
            return List.of(Observation.unreadable(enforceKey, Source.runtime(PROFILES), e.reason()),
                    Observation.unreadable(complainKey, Source.runtime(PROFILES), e.reason()));
        }
    }

    static Observation lockdown(Path root) {
        String key = "linux.kernel.lockdown";
        String path = "/sys/kernel/security/lockdown";
        try {
            Optional<TextFile> f = TargetFiles.read(root, path);
            if (f.isEmpty() || f.get().lines().isEmpty()) {
                return Observation.absent(key, Source.runtime(path), "the kernel has no lockdown support");
            }
            String line = f.get().lines().get(0);
            int open = line.indexOf('[');
            int close = line.indexOf(']');
            if (open < 0 || close < open) {
                return Observation.unparseable(key, Source.runtime(path), path + ":1: no selected mode in '" + line + "'");
            }
            return Observation.of(key, line.substring(open + 1, close), Source.runtime(path));
        } catch (UnreadableException e) {
            return Observation.unreadable(key, Source.runtime(path), e.reason());
        }
    }

    static Observation secureBoot(Path root) {
        String key = "linux.secureboot.enabled";
        try {
            if (!TargetFiles.isDirectory(root, "/sys/firmware/efi")) {
                return Observation.absent(key, Source.runtime("/sys/firmware/efi"), "not booted with EFI");
            }
            Optional<byte[]> variable = TargetFiles.readBytes(root, SECURE_BOOT_VAR, 4096);
            if (variable.isEmpty()) {
                return Observation.of(key, "no", Source.runtime(SECURE_BOOT_VAR).withDetail("no SecureBoot variable"));
            }
            byte[] bytes = variable.get();
            if (bytes.length < 5) {
                return Observation.unparseable(key, Source.runtime(SECURE_BOOT_VAR), "EFI variable shorter than 5 bytes");
            }
            return Observation.of(key, bytes[4] == 1 ? "yes" : "no", Source.runtime(SECURE_BOOT_VAR));
        } catch (UnreadableException e) {
            return Observation.unreadable(key, Source.runtime(e.path()), e.reason());
        }
    }
}
