package org.bulwark.linux.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.bulwark.collector.api.Observation;
import org.bulwark.collector.api.ObservationState;
import org.bulwark.collector.api.PlatformFacts;
import org.bulwark.collector.api.PlatformProbe;
import org.bulwark.collector.api.ProbedTarget;
import org.bulwark.linux.OsRelease;
import org.bulwark.linux.TargetFiles;
import org.bulwark.linux.UnreadableException;
import org.osgi.service.component.annotations.Component;

/**
 * Recognises a Linux root, the running system or a mounted image, by its own files, read only through
 * {@link TargetFiles}: {@code /etc/os-release} (or {@code /usr/lib/os-release}) for the distribution, {@code
 * /etc/hostname} for the host name, {@code /etc/machine-id} (or {@code /var/lib/dbus/machine-id}) for the device
 * id. A root with none of them is not recognised, unless it is the running Linux system. Stateless; thread-safe.
 */
@Component(service = PlatformProbe.class)
public final class LinuxPlatformProbe implements PlatformProbe {

    static final List<String> MACHINE_ID_FILES = List.of("/etc/machine-id", "/var/lib/dbus/machine-id");
    static final String HOSTNAME_FILE = "/etc/hostname";

    /** An identity file is one short line; more is not one. */
    static final int MAX_IDENTITY_FILE = 4096;

    @Override
    public String id() {
        return "linux";
    }

    @Override
    public Optional<ProbedTarget> probe(Path root) {
        boolean live = isLive(root);
        List<String> problems = new ArrayList<>();
        Identity hostFile = firstLine(root, HOSTNAME_FILE, problems);
        Identity idFile = Identity.NONE;
        for (String file : MACHINE_ID_FILES) {
            Identity found = firstLine(root, file, problems);
            if (found.value().isPresent() || !idFile.exists()) {
                idFile = found;
            }
            if (found.value().isPresent()) {
                break;
            }
        }
        OsRelease os = OsRelease.read(root);
        Observation id = os.observe("linux.os.id", "ID");
        if (id.state() == ObservationState.UNREADABLE) {
            problems.add(id.reason());
        }
        if (!live && !os.exists() && !hostFile.exists() && !idFile.exists()) {
            return Optional.empty();
        }

        String hostname = hostFile.value().orElse(null);
        if (hostname == null && live) {
            hostname = firstLine(root, "/proc/sys/kernel/hostname", problems).value()
                    .orElse(System.getenv().getOrDefault("HOSTNAME", "localhost").strip());
        }
        if (hostname == null) {
            hostname = root.getFileName() == null ? "localhost" : root.getFileName().toString();
        }
        String osId = os.get("ID").orElse("");
        // No machine id (minimal containers): derive a stable one from what identifies the target.
        String machineId = idFile.value().orElse(UUID.nameUUIDFromBytes(("bulwark:" + hostname + ":" + osId)
                .getBytes(StandardCharsets.UTF_8)).toString().replace("-", ""));
        String name = os.get("PRETTY_NAME").or(() -> os.get("NAME"))
                .orElse(live ? System.getProperty("os.name", "unknown") : "unknown");
        PlatformFacts facts = new PlatformFacts("linux", osId.isEmpty() ? "unknown" : osId,
                os.get("VERSION_ID").orElse(""), name, System.getProperty("os.arch", "unknown"), hostname,
                machineId);
        return Optional.of(new ProbedTarget(facts, live, problems));
    }

    /** What an identity file gave: whether it exists, and its first line when that is one. */
    private record Identity(boolean exists, Optional<String> value) {
        static final Identity NONE = new Identity(false, Optional.empty());
    }

    /**
     * The first line of a small text file, trimmed; none when the file is missing, blank, unreadable (a problem),
     * or not text (a problem: control characters, such as a process environment's NUL separators).
     */
    private static Identity firstLine(Path root, String path, List<String> problems) {
        Optional<byte[]> bytes;
        try {
            bytes = TargetFiles.readBytes(root, path, MAX_IDENTITY_FILE);
        } catch (UnreadableException e) {
            problems.add(e.getMessage());
            return new Identity(true, Optional.empty());
        }
        if (bytes.isEmpty()) {
            return Identity.NONE;
        }
        String text = new String(bytes.get(), StandardCharsets.UTF_8);
        int newline = text.indexOf('\n');
        String line = (newline < 0 ? text : text.substring(0, newline)).strip();
        if (line.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            problems.add(path + ": not a line of text; ignored");
            return new Identity(true, Optional.empty());
        }
        return new Identity(true, line.isEmpty() ? Optional.empty() : Optional.of(line));
    }

    /** @return whether {@code root} is {@code /} of the running Linux system */
    private static boolean isLive(Path root) {
        try {
            return root.toRealPath().equals(root.getFileSystem().getPath("/"))
                    && System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux");
        } catch (IOException e) {
            return false;
        }
    }
}
