package org.bulwark.scoring.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.bulwark.collector.api.PlatformFacts;

/**
 * Reads platform facts from the target's own files, so that they are right for a mounted filesystem too:
 * {@code /etc/os-release} (or {@code /usr/lib/os-release}), {@code /etc/machine-id} and {@code /etc/hostname}.
 */
final class PlatformProbe {

    private PlatformProbe() {
    }

    static PlatformFacts probe(Path root, boolean live) {
        Map<String, String> os = osRelease(root);
        String family = os.isEmpty() ? (live ? family(System.getProperty("os.name", "")) : "unknown") : "linux";
        String hostname = firstLine(root.resolve("etc/hostname"));
        if (hostname == null && live) {
            hostname = firstLine(Path.of("/proc/sys/kernel/hostname"));
        }
        if (hostname == null) {
            hostname = live ? System.getenv().getOrDefault("HOSTNAME", "localhost") : root.getFileName() == null
                    ? "localhost" : root.getFileName().toString();
        }
        String machineId = firstLine(root.resolve("etc/machine-id"));
        if (machineId == null || machineId.isBlank()) {
            machineId = firstLine(root.resolve("var/lib/dbus/machine-id"));
        }
        if (machineId == null || machineId.isBlank()) {
            // No machine id (minimal containers): derive a stable one from what identifies the target.
            machineId = UUID.nameUUIDFromBytes(("bulwark:" + hostname + ":" + os.getOrDefault("ID", ""))
                    .getBytes(StandardCharsets.UTF_8)).toString().replace("-", "");
        }
        String name = os.getOrDefault("PRETTY_NAME", os.getOrDefault("NAME", live ? System.getProperty("os.name")
                : "unknown"));
        return new PlatformFacts(family, os.getOrDefault("ID", "unknown"), os.getOrDefault("VERSION_ID", ""), name,
                System.getProperty("os.arch", "unknown"), hostname.trim(), machineId.trim());
    }

    private static String family(String osName) {
        String n = osName.toLowerCase(Locale.ROOT);
        if (n.contains("linux")) {
            return "linux";
        }
        if (n.contains("windows")) {
            return "windows";
        }
        if (n.contains("mac")) {
            return "macos";
        }
        return "unknown";
    }

    /** Parses os-release(5): KEY=value lines, values optionally quoted. */
    static Map<String, String> osRelease(Path root) {
        Map<String, String> out = new HashMap<>();
        for (String candidate : List.of("etc/os-release", "usr/lib/os-release")) {
            Path p = root.resolve(candidate);
            if (!Files.isRegularFile(p)) {
                continue;
            }
            try {
                for (String line : Files.readAllLines(p, StandardCharsets.UTF_8)) {
                    int eq = line.indexOf('=');
                    if (line.startsWith("#") || eq <= 0) {
                        continue;
                    }
                    String v = line.substring(eq + 1).trim();
                    if (v.length() >= 2 && (v.charAt(0) == '"' || v.charAt(0) == '\'')
                            && v.charAt(v.length() - 1) == v.charAt(0)) {
                        v = v.substring(1, v.length() - 1);
                    }
                    out.put(line.substring(0, eq).trim(), v);
                }
                return out;
            } catch (IOException e) {
                // unreadable: try the next candidate
            }
        }
        return out;
    }

    private static String firstLine(Path p) {
        try {
            if (!Files.isRegularFile(p)) {
                return null;
            }
            List<String> lines = Files.readAllLines(p, StandardCharsets.UTF_8);
            return lines.isEmpty() || lines.get(0).isBlank() ? null : lines.get(0).trim();
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
