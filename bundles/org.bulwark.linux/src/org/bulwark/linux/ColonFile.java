package org.bulwark.linux;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.bulwark.collector.api.Observation;
import org.bulwark.collector.api.Source;

/**
 * A colon-separated account database: {@code /etc/passwd} (7 fields), {@code /etc/shadow} (9),
 * {@code /etc/group} (4), {@code /etc/gshadow} (4). Lines with the wrong number of fields or a non-numeric
 * id are reported as problems, not rows. NIS compatibility lines ({@code +...}, {@code -...}) are kept apart.
 * Immutable once read; thread-safe.
 */
public final class ColonFile {

    /** {@code /etc/passwd}: name, password, uid, gid, gecos, home, shell. */
    public static final String PASSWD = "/etc/passwd";
    /** {@code /etc/shadow}: name, hash, last change, min, max, warn, inactive, expire, reserved. */
    public static final String SHADOW = "/etc/shadow";
    /** {@code /etc/group}: name, password, gid, members. */
    public static final String GROUP = "/etc/group";
    /** {@code /etc/gshadow}: name, password, administrators, members. */
    public static final String GSHADOW = "/etc/gshadow";

    /**
     * One entry.
     *
     * @param fields the fields, exactly as many as the file has
     * @param line   the 1-based line
     */
    public record Row(List<String> fields, int line) {
        /** @return field {@code i} (0-based) */
        public String get(int i) {
            return fields.get(i);
        }

        /** @return the first field, the account or group name */
        public String name() {
            return fields.get(0);
        }
    }

    private final String path;
    private final boolean exists;
    private final UnreadableException unreadable;
    private final List<Row> rows;
    private final List<Row> legacy;
    private final List<ParseProblem> problems;

    private ColonFile(String path, boolean exists, UnreadableException unreadable, List<Row> rows, List<Row> legacy,
            List<ParseProblem> problems) {
        this.path = path;
        this.exists = exists;
        this.unreadable = unreadable;
        this.rows = List.copyOf(rows);
        this.legacy = List.copyOf(legacy);
        this.problems = List.copyOf(problems);
    }

    /**
     * Reads {@code path} below {@code root}; never throws.
     *
     * @param fieldCount     the number of fields every line must have
     * @param numericColumns the 0-based fields that must be non-negative integers (e.g. uid and gid)
     */
    public static ColonFile read(Path root, String path, int fieldCount, Set<Integer> numericColumns) {
        Optional<TextFile> file;
        try {
            file = TargetFiles.read(root, path);
        } catch (UnreadableException e) {
            return new ColonFile(path, true, e, List.of(), List.of(), List.of());
        }
        if (file.isEmpty()) {
            return new ColonFile(path, false, null, List.of(), List.of(), List.of());
        }
        List<Row> rows = new ArrayList<>();
        List<Row> legacy = new ArrayList<>();
        List<ParseProblem> problems = new ArrayList<>();
        List<String> lines = file.get().lines();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            int number = i + 1;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            List<String> fields = Arrays.asList(line.split(":", -1));
            if (line.startsWith("+") || line.startsWith("-")) {
                legacy.add(new Row(fields, number));
                continue;
            }
            if (fields.size() != fieldCount) {
                problems.add(new ParseProblem(path, number, fields.get(0),
                        "expected " + fieldCount + " colon-separated fields, found " + fields.size()));
                continue;
            }
            String bad = null;
            for (int c : numericColumns) {
                if (!fields.get(c).matches("[0-9]{1,10}")) {
                    bad = "field " + (c + 1) + " is not a number: '" + fields.get(c) + "'";
                    break;
                }
            }
            if (bad != null) {
                problems.add(new ParseProblem(path, number, fields.get(0), bad));
                continue;
            }
            rows.add(new Row(fields, number));
        }
        return new ColonFile(path, true, null, rows, legacy, problems);
    }

    /** Reads {@code /etc/passwd} (uid and gid numeric). */
    public static ColonFile passwd(Path root) {
        return read(root, PASSWD, 7, Set.of(2, 3));
    }

    /** Reads {@code /etc/shadow}. */
    public static ColonFile shadow(Path root) {
        return read(root, SHADOW, 9, Set.of());
    }

    /** Reads {@code /etc/group} (gid numeric). */
    public static ColonFile group(Path root) {
        return read(root, GROUP, 4, Set.of(2));
    }

    /** @return the file as the target names it */
    public String path() {
        return path;
    }

    /** @return whether the file exists */
    public boolean exists() {
        return exists;
    }

    /** @return the error when the file exists but cannot be read */
    public Optional<UnreadableException> unreadable() {
        return Optional.ofNullable(unreadable);
    }

    /** @return the well-formed entries in file order */
    public List<Row> rows() {
        return rows;
    }

    /** @return NIS compatibility entries ({@code +} / {@code -} lines) */
    public List<Row> legacy() {
        return legacy;
    }

    /** @return the malformed lines */
    public List<ParseProblem> problems() {
        return problems;
    }

    /** @return the entry named {@code name} (the first one) */
    public Optional<Row> find(String name) {
        return rows.stream().filter(r -> r.name().equals(name)).findFirst();
    }

    /**
     * The observation to report for {@code key} instead of a value when the file is not usable: UNREADABLE,
     * UNAVAILABLE (missing file) or UNPARSEABLE (the first malformed line); empty when the file is fine.
     */
    public Optional<Observation> failure(String key) {
        if (unreadable != null) {
            return Optional.of(Observation.unreadable(key, Source.file(path, 0), unreadable.reason()));
        }
        if (!exists) {
            return Optional.of(Observation.unavailable(key, path + " does not exist"));
        }
        if (!problems.isEmpty()) {
            return Optional.of(problems.get(0).toObservation(key));
        }
        return Optional.empty();
    }
}
