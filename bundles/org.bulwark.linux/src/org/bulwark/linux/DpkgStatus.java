package org.bulwark.linux;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.bulwark.collector.api.Observation;
import org.bulwark.collector.api.Source;
import org.bulwark.collector.api.SourceKind;

/**
 * The dpkg package database, {@code /var/lib/dpkg/status}: which packages are installed, in which version, built
 * from which source package. A package counts as installed unless its status is {@code not-installed} or
 * {@code config-files} (removed, configuration left behind). The inventory is keyed by (name, architecture):
 * a {@code Multi-Arch: same} package installed for two architectures is two packages. The source is the
 * {@code Source:} field, {@code name} or {@code name (version)}; dpkg writes the version only when it differs from
 * the binary's, and omits the field when the source has the binary's name. Immutable once read; thread-safe.
 */
public final class DpkgStatus {

    /** The database file. */
    public static final String PATH = "/var/lib/dpkg/status";

    private static final Set<String> NOT_INSTALLED = Set.of("not-installed", "config-files");

    /**
     * One installed package.
     *
     * @param name         e.g. {@code openssh-server}
     * @param version      e.g. {@code 1:9.2p1-2+deb12u3}
     * @param architecture e.g. {@code amd64}, or empty
     * @param status       the dpkg status word, e.g. {@code installed}
     * @param line         the line of its {@code Package:} field
     * @param sourceName   the source package it was built from, e.g. {@code util-linux} for {@code bsdutils}
     * @param sourceVersion the source package's version, e.g. {@code 2.38.1-5+deb12u3} for {@code bsdutils
     *                     1:2.38.1-5+deb12u3}, or {@code 5.2.15-2} for the binNMU {@code bash 5.2.15-2+b8}
     */
    public record Package(String name, String version, String architecture, String status, int line,
            String sourceName, String sourceVersion) {

        /** A package whose source has its own name and version (no {@code Source:} field). */
        public Package(String name, String version, String architecture, String status, int line) {
            this(name, version, architecture, status, line, name, version);
        }
    }

    /**
     * The key of the inventory.
     *
     * @param name         the binary package's name, without {@code :arch}
     * @param architecture its architecture, e.g. {@code amd64}, {@code all}, or empty
     */
    public record Key(String name, String architecture) {
    }

    private final boolean exists;
    private final UnreadableException unreadable;
    private final Map<String, Package> installed;
    private final Map<Key, Package> inventory;
    private final List<ParseProblem> problems;

    private DpkgStatus(boolean exists, UnreadableException unreadable, Map<Key, Package> inventory,
            List<ParseProblem> problems) {
        this.exists = exists;
        this.unreadable = unreadable;
        Map<String, Package> byName = new LinkedHashMap<>();
        for (Package p : inventory.values()) {
            byName.putIfAbsent(p.name(), p);
        }
        this.installed = Collections.unmodifiableMap(byName);
        this.inventory = Collections.unmodifiableMap(inventory);
        this.problems = List.copyOf(problems);
    }

    /** Reads the database below {@code root}; never throws. */
    public static DpkgStatus read(Path root) {
        Optional<TextFile> file;
        try {
            file = TargetFiles.read(root, PATH);
        } catch (UnreadableException e) {
            return new DpkgStatus(true, e, Map.of(), List.of());
        }
        if (file.isEmpty()) {
            return new DpkgStatus(false, null, Map.of(), List.of());
        }
        Map<Key, Package> installed = new LinkedHashMap<>();
        List<ParseProblem> problems = new ArrayList<>();
        List<String> lines = file.get().lines();
        Map<String, String> fields = new LinkedHashMap<>();
        int start = 0;
        for (int i = 0; i <= lines.size(); i++) {
            String line = i < lines.size() ? lines.get(i) : "";
            if (line.isBlank()) {
                if (!fields.isEmpty()) {
                    paragraph(fields, start, installed, problems);
                    fields.clear();
                }
                continue;
            }
            if (fields.isEmpty()) {
                start = i + 1;
            }
            if (line.startsWith(" ") || line.startsWith("\t")) {
                continue; // continuation of a multi-line field
            }
            int colon = line.indexOf(':');
            if (colon <= 0) {
                problems.add(new ParseProblem(PATH, i + 1, null, "not a 'Field: value' line"));
                continue;
            }
            fields.put(line.substring(0, colon), line.substring(colon + 1).strip());
        }
        return new DpkgStatus(true, null, installed, problems);
    }

    private static void paragraph(Map<String, String> fields, int line, Map<Key, Package> installed,
            List<ParseProblem> problems) {
        String name = stripArchitecture(fields.get("Package"));
        String status = fields.getOrDefault("Status", "");
        if (name == null || name.isEmpty()) {
            problems.add(new ParseProblem(PATH, line, null, "paragraph without a Package field"));
            return;
        }
        String[] words = status.split("\\s+");
        String state = words[words.length - 1];
        if (words.length != 3) {
            problems.add(new ParseProblem(PATH, line, name, "malformed Status of " + name + ": '" + status + "'"));
            return;
        }
        if (NOT_INSTALLED.contains(state)) {
            return;
        }
        String version = fields.getOrDefault("Version", "");
        String sourceName = name;
        String sourceVersion = version;
        String source = fields.get("Source");
        if (source != null) {
            int open = source.indexOf('(');
            String head = open < 0 ? source : source.substring(0, open).strip();
            if (open >= 0) {
                int close = source.indexOf(')', open);
                if (close < 0 || close != source.length() - 1 || source.substring(open + 1, close).isBlank()) {
                    problems.add(new ParseProblem(PATH, line, name,
                            "malformed Source of " + name + ": '" + source + "'"));
                    return;
                }
                sourceVersion = source.substring(open + 1, close).strip();
            }
            if (head.isEmpty() || head.chars().anyMatch(Character::isWhitespace)) {
                problems.add(new ParseProblem(PATH, line, name, "malformed Source of " + name + ": '" + source + "'"));
                return;
            }
            sourceName = stripArchitecture(head);
        }
        String architecture = fields.getOrDefault("Architecture", "");
        Key key = new Key(name, architecture);
        if (installed.containsKey(key)) {
            problems.add(new ParseProblem(PATH, line, name,
                    "second paragraph for " + name + (architecture.isEmpty() ? "" : ":" + architecture)));
            return;
        }
        installed.put(key, new Package(name, version, architecture, state, line, sourceName, sourceVersion));
    }

    private static String stripArchitecture(String name) {
        if (name == null) {
            return null;
        }
        int colon = name.indexOf(':');
        return colon < 0 ? name : name.substring(0, colon);
    }

    /** @return whether the database exists (a Debian-based target) */
    public boolean exists() {
        return exists;
    }

    /**
     * @return every installed package by (name, architecture), in database order: a {@code Multi-Arch: same}
     *         package installed for two architectures appears twice
     */
    public Map<Key, Package> inventory() {
        return inventory;
    }

    /** @return the installed packages by name (the first architecture listed), in database order */
    public Map<String, Package> installed() {
        return installed;
    }

    /** @return the installed package {@code name} */
    public Optional<Package> installed(String name) {
        return Optional.ofNullable(installed.get(name));
    }

    /** @return paragraphs that could not be understood */
    public List<ParseProblem> problems() {
        return problems;
    }

    /** @return the error when the database exists but cannot be read */
    public Optional<UnreadableException> unreadable() {
        return Optional.ofNullable(unreadable);
    }

    /**
     * Package {@code name} as observation {@code key}: PRESENT with its version and the line of its paragraph;
     * ABSENT when not installed; UNAVAILABLE without a dpkg database; UNREADABLE when the database cannot be
     * read; UNPARSEABLE when the package's own paragraph is malformed.
     */
    public Observation observe(String key, String name) {
        if (unreadable != null) {
            return Observation.unreadable(key, Source.packageDatabase(PATH), unreadable.reason());
        }
        if (!exists) {
            return Observation.unavailable(key, "no dpkg package database " + PATH + " (not a Debian-based system)");
        }
        Package p = installed.get(name);
        if (p != null) {
            return Observation.of(key, p.version().isEmpty() ? "installed" : p.version(),
                    new Source(SourceKind.PACKAGE_DATABASE, PATH, p.line(), null));
        }
        for (ParseProblem problem : problems) {
            if (name.equals(problem.setting())) {
                return Observation.unparseable(key, new Source(SourceKind.PACKAGE_DATABASE, PATH, problem.line(), null),
                        problem.describe());
            }
        }
        return Observation.absent(key, Source.packageDatabase(PATH), name + " is not installed");
    }
}
