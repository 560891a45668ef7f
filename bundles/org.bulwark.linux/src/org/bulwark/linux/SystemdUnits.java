package org.bulwark.linux;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.bulwark.collector.api.Observation;
import org.bulwark.collector.api.Source;

/**
 * Whether systemd units are enabled, read from unit files and {@code *.wants} / {@code *.requires} links
 * only — never through {@code systemctl} or a running systemd, so that it works in containers and on mounted
 * images. Stateless; thread-safe.
 *
 * <p>The state is {@code masked} (the unit file in {@code /etc} or {@code /run} links to {@code /dev/null}),
 * {@code enabled} (a link named after the unit in a {@code *.wants} or {@code *.requires} directory below
 * {@code /etc/systemd/system}, or the vendor's {@code /usr/lib/systemd/system}), {@code static} (no
 * {@code [Install]} section: started only as a dependency) or {@code disabled}.
 */
public final class SystemdUnits {

    /** The unit search path, in order of precedence. */
    public static final List<String> UNIT_DIRS = List.of("/etc/systemd/system", "/run/systemd/system",
            "/usr/local/lib/systemd/system", "/usr/lib/systemd/system", "/lib/systemd/system");

    private static final List<String> WANTS_DIRS = List.of("/etc/systemd/system", "/usr/lib/systemd/system",
            "/lib/systemd/system");

    private SystemdUnits() {
    }

    /**
     * The enablement of {@code unit} (e.g. {@code auditd.service}) as observation {@code key}: PRESENT with
     * {@code enabled}, {@code disabled}, {@code static} or {@code masked}; ABSENT when no unit file exists.
     */
    public static Observation observeState(Path root, String key, String unit) {
        String unitFile = null;
        for (String dir : UNIT_DIRS) {
            String path = TargetFiles.child(dir, unit);
            Optional<String> link = TargetFiles.linkTarget(root, path);
            if (link.isPresent() && link.get().equals("/dev/null")) {
                return Observation.of(key, "masked", Source.file(path, 0).withDetail("linked to /dev/null"));
            }
            if (Files.isRegularFile(TargetFiles.resolve(root, path))) {
                unitFile = path;
                break;
            }
        }
        if (unitFile == null) {
            return Observation.absent(key, Source.file(TargetFiles.child(UNIT_DIRS.get(0), unit), 0),
                    "no unit file " + unit + " (not installed)");
        }
        try {
            for (String dir : WANTS_DIRS) {
                Optional<String> wantedBy = findWantsLink(root, dir, unit);
                if (wantedBy.isPresent()) {
                    return Observation.of(key, "enabled", Source.file(wantedBy.get(), 0));
                }
            }
        } catch (UnreadableException e) {
            return Observation.unreadable(key, Source.file(e.path(), 0), e.reason());
        }
        Optional<TextFile> text;
        try {
            text = TargetFiles.read(root, unitFile);
        } catch (UnreadableException e) {
            return Observation.unreadable(key, Source.file(e.path(), 0), e.reason());
        }
        boolean install = text.isPresent() && text.get().lines().stream().anyMatch(l -> l.strip().equals("[Install]"));
        return Observation.of(key, install ? "disabled" : "static",
                Source.file(unitFile, 0).withDetail(install ? "no *.wants link" : "no [Install] section"));
    }

    private static Optional<String> findWantsLink(Path root, String dir, String unit) throws UnreadableException {
        Path base = TargetFiles.resolve(root, dir);
        if (!Files.isDirectory(base)) {
            return Optional.empty();
        }
        List<String> candidates = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(base)) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                if ((name.endsWith(".wants") || name.endsWith(".requires")) && Files.isDirectory(entry)) {
                    candidates.add(name);
                }
            }
        } catch (IOException e) {
            throw new UnreadableException(dir, TargetFiles.reasonFor(e));
        }
        candidates.sort(null);
        for (String wants : candidates) {
            Path link = base.resolve(wants).resolve(unit);
            if (Files.isSymbolicLink(link) || Files.exists(link)) {
                return Optional.of(dir + "/" + wants + "/" + unit);
            }
        }
        return Optional.empty();
    }

    /** @return the path of the unit file in effect for {@code unit}, if any (masked units have none) */
    public static Optional<String> unitFile(Path root, String unit) {
        for (String dir : UNIT_DIRS) {
            String path = TargetFiles.child(dir, unit);
            Optional<String> link = TargetFiles.linkTarget(root, path);
            if (link.isPresent() && link.get().equals("/dev/null")) {
                return Optional.empty();
            }
            if (Files.isRegularFile(TargetFiles.resolve(root, path))) {
                return Optional.of(path);
            }
        }
        return Optional.empty();
    }
}
