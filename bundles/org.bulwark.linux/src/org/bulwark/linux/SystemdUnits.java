package org.bulwark.linux;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
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
        Optional<UnitFile> found;
        try {
            found = find(root, unit);
        } catch (UnreadableException e) {
            return Observation.unreadable(key, Source.file(e.path(), 0), e.reason());
        }
        if (found.isEmpty()) {
            return Observation.absent(key, Source.file(TargetFiles.child(UNIT_DIRS.get(0), unit), 0),
                    "no unit file " + unit + " (not installed)");
        }
        String unitFile = found.get().path();
        if (found.get().masked()) {
            return Observation.of(key, "masked", Source.file(unitFile, 0).withDetail("linked to /dev/null"));
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

    /** The first unit file of a name on the search path: a file, or a link to {@code /dev/null} that masks it. */
    private record UnitFile(String path, boolean masked) {
    }

    private static Optional<UnitFile> find(Path root, String unit) throws UnreadableException {
        for (String dir : UNIT_DIRS) {
            String path = TargetFiles.child(dir, unit);
            Optional<String> link = TargetFiles.linkTarget(root, path);
            if (link.isPresent() && link.get().equals("/dev/null")) {
                return Optional.of(new UnitFile(path, true));
            }
            if (TargetFiles.isRegularFile(root, path)) {
                return Optional.of(new UnitFile(path, false));
            }
        }
        return Optional.empty();
    }

    private static Optional<String> findWantsLink(Path root, String dir, String unit) throws UnreadableException {
        Path base = TargetFiles.resolve(root, dir);
        if (!Files.isDirectory(base, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.empty();
        }
        List<String> candidates = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(base)) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                if ((name.endsWith(".wants") || name.endsWith(".requires"))
                        && TargetFiles.isDirectory(root, dir + "/" + name)) {
                    candidates.add(name);
                }
            }
        } catch (IOException e) {
            throw new UnreadableException(dir, TargetFiles.reasonFor(e));
        }
        candidates.sort(null);
        for (String wants : candidates) {
            Path link = TargetFiles.resolve(root, dir + "/" + wants).resolve(unit);
            if (Files.exists(link, LinkOption.NOFOLLOW_LINKS)) {
                return Optional.of(dir + "/" + wants + "/" + unit);
            }
        }
        return Optional.empty();
    }

    /**
     * @return the path of the unit file in effect for {@code unit}, if any (masked units have none)
     * @throws UnreadableException when a unit directory cannot be resolved or a link in it cannot be read
     */
    public static Optional<String> unitFile(Path root, String unit) throws UnreadableException {
        return find(root, unit).filter(u -> !u.masked()).map(UnitFile::path);
    }
}
