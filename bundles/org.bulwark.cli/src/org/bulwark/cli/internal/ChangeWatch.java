package org.bulwark.cli.internal;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

import org.bulwark.collector.api.Observation;
import org.bulwark.collector.api.Source;
import org.bulwark.collector.api.SourceKind;
import org.bulwark.collector.api.TargetRoot;
import org.bulwark.scoring.api.AssessedControl;
import org.bulwark.scoring.api.Assessment;
import org.bulwark.scoring.api.Evidence;

/**
 * What {@code bulwark agent --watch} watches: the files an assessment's evidence names (configuration files,
 * drop-ins, package databases, policies — the files the collectors read), through a {@link WatchService} on their
 * directories. A change to one of those files, or any change in a drop-in directory ({@code *.d}, where a new file
 * counts as much as a changed one), wakes the agent; other files of the same directories do not. Paths are
 * resolved below the assessed root with {@link TargetRoot#resolve} (links re-rooted), so nothing outside it is
 * watched; the
 * runtime's pseudo filesystems ({@code /proc}, {@code /sys}, {@code /dev}, {@code /run}) are not watched. At most
 * {@value #MAX_DIRECTORIES} directories. Not thread-safe; close it.
 */
final class ChangeWatch implements AutoCloseable {

    /** Directories watched at most (the kernel's inotify watches are a per-user resource). */
    static final int MAX_DIRECTORIES = 256;

    private static final Set<SourceKind> FILES = Set.of(SourceKind.FILE, SourceKind.DROP_IN,
            SourceKind.PACKAGE_DATABASE, SourceKind.POLICY);
    private static final List<String> NOT_WATCHED = List.of("/proc", "/sys", "/dev", "/run");

    private final WatchService service;
    /** For each watched directory, the names that count ({@code null}: every name, a drop-in directory). */
    private final Map<WatchKey, Set<String>> names = new HashMap<>();
    private final Map<WatchKey, Path> directories = new HashMap<>();

    private ChangeWatch(WatchService service) {
        this.service = service;
    }

    /** @return the target paths (e.g. {@code /etc/ssh/sshd_config}) of files the assessment's evidence names */
    static Set<String> files(Assessment a) {
        Set<String> out = new TreeSet<>();
        for (AssessedControl c : a.controls()) {
            for (Evidence e : c.result().evidence()) {
                add(out, e.source());
                for (Observation.Other o : e.others()) {
                    add(out, o.source());
                }
            }
        }
        return out;
    }

    private static void add(Set<String> out, Source s) {
        if (s == null || !FILES.contains(s.kind()) || s.location() == null || !s.location().startsWith("/")) {
            return;
        }
        for (String pseudo : NOT_WATCHED) {
            if (s.location().equals(pseudo) || s.location().startsWith(pseudo + "/")) {
                return;
            }
        }
        out.add(s.location());
    }

    /**
     * Watches the directories of {@code files} (target paths) below {@code root}; a file whose directory does not
     * exist, or cannot be resolved inside the root, is left out.
     *
     * @throws IOException when the platform has no watch service
     */
    static ChangeWatch of(Path root, Set<String> files) throws IOException {
        Map<String, Set<String>> byDirectory = new LinkedHashMap<>();
        for (String file : files) {
            int slash = file.lastIndexOf('/');
            String dir = slash == 0 ? "/" : file.substring(0, slash);
            String name = file.substring(slash + 1);
            if (dir.endsWith(".d")) {
                byDirectory.put(dir, null);
            } else if (!byDirectory.containsKey(dir) || byDirectory.get(dir) != null) {
                byDirectory.computeIfAbsent(dir, d -> new HashSet<>()).add(name);
            }
        }
        TargetRoot target = new TargetRoot(root);
        ChangeWatch w = new ChangeWatch(FileSystems.getDefault().newWatchService());
        try {
            for (Map.Entry<String, Set<String>> d : byDirectory.entrySet()) {
                if (w.directories.size() >= MAX_DIRECTORIES) {
                    break;
                }
                Path host;
                try {
                    host = target.resolve(d.getKey());
                } catch (IOException e) {
                    continue; // a loop, or a link that cannot be read: not watched
                }
                if (!Files.isDirectory(host, LinkOption.NOFOLLOW_LINKS)) {
                    continue;
                }
                WatchKey key = host.register(w.service, StandardWatchEventKinds.ENTRY_CREATE,
                        StandardWatchEventKinds.ENTRY_DELETE, StandardWatchEventKinds.ENTRY_MODIFY);
                w.names.put(key, d.getValue() == null ? null : Set.copyOf(d.getValue()));
                w.directories.put(key, host);
            }
        } catch (IOException | RuntimeException e) {
            w.close();
            throw e;
        }
        return w;
    }

    /** @return how many directories are watched */
    int directories() {
        return directories.size();
    }

    /**
     * Waits up to {@code timeout} for a change to a watched file; after the first, waits until {@code debounce}
     * passes without another (at most ten debounce windows in all), so that an editor's or a package manager's
     * several writes cost one assessment.
     *
     * @return the first changed file (a host path), or {@code null} when {@code timeout} passed without a change
     */
    Path await(Duration timeout, Duration debounce) throws InterruptedException {
        Path first = next(timeout.toMillis());
        if (first == null) {
            return null;
        }
        long end = System.nanoTime() + 10 * debounce.toNanos();
        while (System.nanoTime() < end && next(debounce.toMillis()) != null) {
            // another change within the window: wait on
        }
        return first;
    }

    /** @return the next change that counts within {@code millis}, or {@code null} */
    private Path next(long millis) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        while (true) {
            long left = end - System.nanoTime();
            if (left <= 0) {
                return null;
            }
            WatchKey key;
            try {
                key = service.poll(left, TimeUnit.NANOSECONDS);
            } catch (ClosedWatchServiceException e) {
                return null;
            }
            if (key == null) {
                return null;
            }
            Path changed = null;
            Set<String> wanted = names.get(key);
            for (WatchEvent<?> event : key.pollEvents()) {
                if (event.kind() == StandardWatchEventKinds.OVERFLOW) {
                    changed = directories.get(key); // events were lost: count it as a change
                } else if (changed == null && event.context() instanceof Path p
                        && (wanted == null || wanted.contains(p.toString()))) {
                    changed = directories.get(key).resolve(p);
                }
            }
            key.reset();
            if (changed != null) {
                return changed;
            }
        }
    }

    @Override
    public void close() {
        try {
            service.close();
        } catch (IOException e) {
            // nothing is held that closing could lose
        }
    }
}
