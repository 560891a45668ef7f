package org.bulwark.collector.linux.application.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import org.bulwark.collector.api.AssessmentContext;
import org.bulwark.collector.api.Category;
import org.bulwark.collector.api.Collector;
import org.bulwark.collector.api.Observation;
import org.bulwark.collector.api.Source;
import org.bulwark.linux.CompressedFiles;
import org.bulwark.linux.DpkgStatus;
import org.bulwark.linux.FileStat;
import org.bulwark.linux.KeyValueConfig;
import org.bulwark.linux.TargetFiles;
import org.bulwark.linux.TextFile;
import org.bulwark.linux.UnreadableException;
import org.bulwark.version.api.DebianVersion;
import org.osgi.service.component.annotations.Component;

/**
 * The software's state:
 * <ul>
 * <li>{@code linux.reboot-required}: the packages that asked for a reboot
 * ({@code /var/run/reboot-required.pkgs}, or {@code yes}); ABSENT when no reboot is pending; UNAVAILABLE on a
 * mounted filesystem, since {@code /run} is emptied at boot;</li>
 * <li>{@code linux.apt.security-updates}: installed packages older than the version in a locally downloaded
 * security package index ({@code /var/lib/apt/lists/*security*_Packages}, plain, {@code .gz} or {@code .lz4}),
 * computed without network access;
 * ABSENT when none; UNAVAILABLE when there is no security index (apt never fetched one);</li>
 * <li>{@code linux.postfix.inet_interfaces}: where Postfix listens ({@code /etc/postfix/main.cf}; ABSENT when not
 * set, Postfix's default being {@code all});</li>
 * <li>{@code linux.server-config.world-readable.SERVER} for {@code nginx}, {@code apache2}, {@code mysql} and
 * {@code postgresql}: the regular files under the server's configuration directory ({@link #SERVER_CONFIG}) that
 * everybody may read, as {@code path (mode)}; ABSENT when there is none or the directory does not exist (whether
 * the server is installed is the controls' applicability, from the package database). Links are not followed;
 * at most {@value #MAX_CONFIG_FILES} files per directory are looked at.</li>
 * </ul>
 */
@Component(service = Collector.class)
public final class SystemStateCollector implements Collector {

    static final String LISTS = "/var/lib/apt/lists";

    /** Server name in the key → its configuration directory. */
    static final Map<String, String> SERVER_CONFIG = Map.of("nginx", "/etc/nginx", "apache2", "/etc/apache2",
            "mysql", "/etc/mysql", "postgresql", "/etc/postgresql");

    static final int MAX_CONFIG_FILES = 5000;

    static final String WORLD_READABLE = "linux.server-config.world-readable.";

    private static final Set<String> PROVIDES = Set.of("linux.reboot-required", "linux.apt.security-updates",
            "linux.postfix.inet_interfaces", WORLD_READABLE + "nginx", WORLD_READABLE + "apache2",
            WORLD_READABLE + "mysql", WORLD_READABLE + "postgresql");

    @Override
    public String id() {
        return "linux.application.state";
    }

    @Override
    public Category category() {
        return Category.APPLICATION;
    }

    @Override
    public Set<String> provides() {
        return PROVIDES;
    }

    @Override
    public List<Observation> collect(AssessmentContext context) {
        List<Observation> result = new ArrayList<>();
        result.add(rebootRequired(context));
        result.add(securityUpdates(context));
        result.add(KeyValueConfig.read(context.root(), "/etc/postfix/main.cf", KeyValueConfig.Syntax.EQUALS,
                KeyValueConfig.Wins.LAST, false).observe("linux.postfix.inet_interfaces", "inet_interfaces",
                        Source.builtInDefault("postfix: all")));
        for (String server : List.of("nginx", "apache2", "mysql", "postgresql")) {
            if (context.isCancelled()) {
                break;
            }
            result.add(worldReadableConfig(context.root(), server, SERVER_CONFIG.get(server)));
        }
        return result;
    }

    /** The regular files under {@code dir} (not following links) that others may read. */
    static Observation worldReadableConfig(Path root, String server, String dir) {
        String key = WORLD_READABLE + server;
        Path base;
        try {
            base = TargetFiles.resolve(root, dir);
        } catch (UnreadableException e) {
            return Observation.unreadable(key, Source.file(dir, 0), e.reason());
        }
        if (!Files.isDirectory(base, LinkOption.NOFOLLOW_LINKS)) {
            return Observation.absent(key, Source.file(dir, 0), dir + " does not exist");
        }
        List<String> readable = new ArrayList<>();
        try (Stream<Path> files = Files.walk(base)) {
            for (Path file : (Iterable<Path>) files.limit(MAX_CONFIG_FILES)::iterator) {
                if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                    continue;
                }
                String path = dir + "/" + base.relativize(file).toString();
                Optional<FileStat> stat = FileStat.of(root, path);
                if (stat.isPresent() && (Integer.parseInt(stat.get().mode(), 8) & 0004) != 0) {
                    readable.add(path + " (" + stat.get().mode() + ")");
                }
            }
        } catch (IOException | UncheckedIOException e) {
            IOException cause = e instanceof UncheckedIOException u ? u.getCause() : (IOException) e;
            return Observation.unreadable(key, Source.file(dir, 0), dir + ": " + TargetFiles.reasonFor(cause));
        } catch (UnreadableException e) {
            return Observation.unreadable(key, Source.file(dir, 0), e.reason());
        }
        readable.sort(null);
        return readable.isEmpty()
                ? Observation.absent(key, Source.file(dir, 0), "no file under " + dir + " is readable by others")
                : Observation.ofAll(key, readable, Source.file(dir, 0));
    }

    static Observation rebootRequired(AssessmentContext context) {
        String key = "linux.reboot-required";
        if (!context.live()) {
            return Observation.unavailable(key, "whether a reboot is pending exists only on a live system (/run)");
        }
        String flag = "/var/run/reboot-required";
        try {
            if (!TargetFiles.exists(context.root(), flag)) {
                return Observation.absent(key, Source.file(flag, 0), "no reboot is pending");
            }
        } catch (UnreadableException e) {
            return Observation.unreadable(key, Source.file(flag, 0), e.reason());
        }
        try {
            Optional<TextFile> pkgs = TargetFiles.read(context.root(), flag + ".pkgs");
            List<String> names = pkgs.map(t -> t.lines().stream().map(String::strip).filter(s -> !s.isEmpty())
                    .distinct().toList()).orElse(List.of());
            return names.isEmpty() ? Observation.of(key, "yes", Source.file(flag, 0))
                    : Observation.ofAll(key, names, Source.file(flag + ".pkgs", 0));
        } catch (UnreadableException e) {
            return Observation.of(key, "yes", Source.file(flag, 0));
        }
    }

    static Observation securityUpdates(AssessmentContext context) {
        String key = "linux.apt.security-updates";
        Path root = context.root();
        List<String> indexes = new ArrayList<>();
        try {
            for (String name : TargetFiles.list(root, LISTS, "")) {
                if (name.contains("security") && (name.endsWith("_Packages") || name.endsWith("_Packages.gz")
                        || name.endsWith("_Packages.lz4"))) {
                    indexes.add(TargetFiles.child(LISTS, name));
                }
            }
        } catch (UnreadableException e) {
            return Observation.unreadable(key, Source.file(LISTS, 0), e.reason());
        }
        if (indexes.isEmpty()) {
            return Observation.unavailable(key, "no security package index in " + LISTS
                    + " (*security*_Packages, .gz or .lz4); pending security updates cannot be computed offline");
        }
        DpkgStatus db = DpkgStatus.read(root);
        if (db.unreadable().isPresent()) {
            return Observation.unreadable(key, Source.packageDatabase(DpkgStatus.PATH), db.unreadable().get().reason());
        }
        Map<String, DebianVersion> candidates = new HashMap<>();
        for (String index : indexes) {
            if (context.isCancelled()) {
                break;
            }
            Optional<TextFile> file;
            try {
                file = CompressedFiles.read(root, index);
            } catch (UnreadableException e) {
                return Observation.unreadable(key, Source.file(index, 0), e.reason());
            }
            String pkg = null;
            for (String line : file.orElseThrow().lines()) {
                if (line.startsWith("Package: ")) {
                    pkg = line.substring(9).strip();
                } else if (line.startsWith("Version: ") && pkg != null && db.installed().containsKey(pkg)) {
                    Optional<DebianVersion> v = DebianVersion.parse(line.substring(9)).valid();
                    if (v.isPresent()) {
                        candidates.merge(pkg, v.get(), (x, y) -> x.compareTo(y) >= 0 ? x : y);
                    }
                } else if (line.isBlank()) {
                    pkg = null;
                }
            }
        }
        List<String> pending = new ArrayList<>();
        for (DpkgStatus.Package p : db.installed().values()) {
            DebianVersion candidate = candidates.get(p.name());
            Optional<DebianVersion> installed = DebianVersion.parse(p.version()).valid();
            if (candidate != null && installed.isPresent() && installed.get().compareTo(candidate) < 0) {
                pending.add(p.name());
            }
        }
        Source source = Source.derived("installed versions in " + DpkgStatus.PATH + " against " + String.join(", ", indexes));
        return pending.isEmpty() ? Observation.absent(key, source, "no pending security update")
                : Observation.ofAll(key, pending, source);
    }
}
