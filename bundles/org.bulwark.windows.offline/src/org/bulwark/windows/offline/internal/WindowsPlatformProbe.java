package org.bulwark.windows.offline.internal;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import org.bulwark.collector.api.PlatformFacts;
import org.bulwark.collector.api.PlatformProbe;
import org.bulwark.collector.api.ProbedTarget;
import org.bulwark.windows.api.Hkey;
import org.bulwark.windows.api.RegPath;
import org.bulwark.windows.api.RegValue;
import org.bulwark.windows.api.WindowsEdition;
import org.bulwark.windows.api.WindowsReadException;
import org.osgi.service.component.annotations.Component;

/**
 * Recognises a mounted Windows system volume by {@code Windows/System32/config/SOFTWARE} (case-insensitively) and
 * reads its identity from the hives: the edition from {@code CurrentVersion} (Windows 11 told by its build), the host
 * name from {@code CurrentControlSet\Control\ComputerName\ComputerName}, the device id from
 * {@code Microsoft\Cryptography\MachineGuid}. What cannot be read is left out and named in the problems. The
 * SOFTWARE and SYSTEM hives are opened for the probe alone and let go; stateless; thread-safe.
 */
@Component(service = PlatformProbe.class)
public final class WindowsPlatformProbe implements PlatformProbe {

    static final RegPath COMPUTER_NAME = RegPath.of(Hkey.SYSTEM,
            "CurrentControlSet\\Control\\ComputerName\\ComputerName");
    static final RegPath CRYPTOGRAPHY = RegPath.of(Hkey.SOFTWARE, "Microsoft\\Cryptography");
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9._-]{1,63}");
    private static final Pattern GUID = Pattern.compile("[0-9A-Fa-f]{8}(-[0-9A-Fa-f]{4}){3}-[0-9A-Fa-f]{12}");

    @Override
    public String id() {
        return "windows";
    }

    @Override
    public Optional<ProbedTarget> probe(Path root) {
        ImageFiles files = new ImageFiles(root);
        if (!OfflineTarget.isWindows(files)) {
            return Optional.empty();
        }
        List<String> problems = new ArrayList<>();
        java.util.Map<Hkey, HiveSlot> hives = new java.util.EnumMap<>(Hkey.class);
        for (Hkey h : List.of(Hkey.SOFTWARE, Hkey.SYSTEM)) {
            HiveSlot slot = HiveSlot.open(files, OfflineTarget.CONFIG + h.name());
            hives.put(h, slot);
            problems.addAll(slot.problems());
        }
        try {
            OfflineRegistry registry = new OfflineRegistry(hives, java.util.Map.of());
            Optional<WindowsEdition> edition = Optional.empty();
            try {
                edition = Editions.read(registry);
            } catch (WindowsReadException e) {
                addOnce(problems, e.getMessage());
            }
            Optional<String> host = text(registry, COMPUTER_NAME, "ComputerName", HOST, problems);
            Optional<String> guid = text(registry, CRYPTOGRAPHY, "MachineGuid", GUID, problems);
            String hostname = host.orElse(root.getFileName() == null ? "localhost" : root.getFileName().toString());
            String machineId = guid.map(g -> g.toLowerCase(java.util.Locale.ROOT)).orElse(UUID.nameUUIDFromBytes(
                    ("bulwark:windows:" + hostname).getBytes(StandardCharsets.UTF_8)).toString());
            String version = edition.map(e -> e.release().versionId()).orElse("");
            String name = edition.map(WindowsEdition::displayName).orElse("Windows");
            PlatformFacts facts = new PlatformFacts("windows", "windows", version, name,
                    System.getProperty("os.arch", "unknown"), hostname, machineId);
            return Optional.of(new ProbedTarget(facts, false, problems));
        } finally {
            hives.values().forEach(s -> {
                if (s.hive() != null) {
                    s.hive().close();
                }
            });
        }
    }

    private static Optional<String> text(OfflineRegistry registry, RegPath key, String name, Pattern shape,
            List<String> problems) {
        try {
            Optional<String> v = registry.value(key, name).flatMap(RegValue::text).map(String::strip);
            if (v.isPresent() && !shape.matcher(v.get()).matches()) {
                problems.add(registry.where(key) + " " + name + ": not a valid value; ignored");
                return Optional.empty();
            }
            return v;
        } catch (WindowsReadException e) {
            addOnce(problems, e.getMessage());
            return Optional.empty();
        }
    }

    private static void addOnce(List<String> problems, String problem) {
        if (!problems.contains(problem)) {
            problems.add(problem);
        }
    }
}
