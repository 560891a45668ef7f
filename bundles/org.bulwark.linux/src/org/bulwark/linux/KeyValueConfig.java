package org.bulwark.linux;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.bulwark.collector.api.Observation;
import org.bulwark.collector.api.ObservationState;
import org.bulwark.collector.api.Source;

/**
 * Flat {@code key value} or {@code key=value} configuration files, such as {@code /etc/login.defs}
 * (whitespace, the last definition wins as in shadow-utils), {@code /etc/security/pwquality.conf} or
 * {@code /etc/default/ufw} (shell-style {@code KEY="value"}). Several files may be read in order, e.g. a main
 * file and its drop-ins. Immutable once read; thread-safe.
 */
public final class KeyValueConfig {

    /** How a line separates key and value. */
    public enum Syntax {
        /** {@code KEY value}, the value being the rest of the line. */
        WHITESPACE,
        /** {@code key = value}; surrounding double or single quotes are removed from the value. */
        EQUALS
    }

    /** Which of several definitions of one key is effective. */
    public enum Wins {
        FIRST, LAST
    }

    private sealed interface Item permits Setting, Problem, Unreadable {
    }

    private record Setting(String key, String value, Source source) implements Item {
    }

    private record Problem(ParseProblem problem) implements Item {
    }

    private record Unreadable(UnreadableException e) implements Item {
    }

    private final List<Item> items;
    private final Wins wins;
    private final boolean caseInsensitive;
    private final boolean anyExists;

    private KeyValueConfig(List<Item> items, Wins wins, boolean caseInsensitive, boolean anyExists) {
        this.items = List.copyOf(items);
        this.wins = wins;
        this.caseInsensitive = caseInsensitive;
        this.anyExists = anyExists;
    }

    /**
     * Reads {@code paths} in order (missing files are skipped); files after the first are reported as drop-ins.
     *
     * @param caseInsensitive whether keys are compared ignoring case
     */
    public static KeyValueConfig read(Path root, List<String> paths, Syntax syntax, Wins wins,
            boolean caseInsensitive) {
        List<Item> items = new ArrayList<>();
        boolean anyExists = false;
        for (int f = 0; f < paths.size(); f++) {
            String path = paths.get(f);
            Optional<TextFile> file;
            try {
                file = TargetFiles.read(root, path);
            } catch (UnreadableException e) {
                items.add(new Unreadable(e));
                anyExists = true;
                continue;
            }
            if (file.isEmpty()) {
                continue;
            }
            anyExists = true;
            List<String> lines = file.get().lines();
            for (int i = 0; i < lines.size(); i++) {
                int number = i + 1;
                String line = lines.get(i).strip();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                String key;
                String value;
                if (syntax == Syntax.WHITESPACE) {
                    String[] parts = line.split("\\s+", 2);
                    key = parts[0];
                    value = parts.length > 1 ? stripQuotes(parts[1].strip()) : "";
                } else {
                    int eq = line.indexOf('=');
                    if (eq < 0) {
                        items.add(new Problem(new ParseProblem(path, number, normalize(line.split("\\s+")[0], caseInsensitive),
                                "not an assignment (expected 'key = value')")));
                        continue;
                    }
                    key = line.substring(0, eq).strip();
                    value = stripQuotes(line.substring(eq + 1).strip());
                }
                key = normalize(key, caseInsensitive);
                if (value.isEmpty()) {
                    items.add(new Problem(new ParseProblem(path, number, key, "no value for " + key)));
                    continue;
                }
                Source source = f == 0 ? Source.file(path, number) : Source.dropIn(path, number);
                items.add(new Setting(key, value, source));
            }
        }
        return new KeyValueConfig(items, wins, caseInsensitive, anyExists);
    }

    /** Reads one file. */
    public static KeyValueConfig read(Path root, String path, Syntax syntax, Wins wins, boolean caseInsensitive) {
        return read(root, List.of(path), syntax, wins, caseInsensitive);
    }

    /** @return whether any of the files exists */
    public boolean exists() {
        return anyExists;
    }

    /**
     * The effective value of {@code setting} as observation {@code key}: PRESENT with file and line (losers in
     * {@code others}); ABSENT with {@code unsetSource} when no file sets it; UNPARSEABLE when a malformed line
     * for it would have been effective; UNREADABLE when a file that could have set it is unreadable.
     */
    public Observation observe(String key, String setting, Source unsetSource) {
        String wanted = normalize(setting, caseInsensitive);
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            order.add(wins == Wins.FIRST ? i : items.size() - 1 - i);
        }
        Setting winner = null;
        for (int i : order) {
            Item item = items.get(i);
            if (item instanceof Unreadable u) {
                return Observation.unreadable(key, Source.file(u.e().path(), 0), u.e().path() + ": " + u.e().reason());
            }
            if (item instanceof Problem p && wanted.equals(p.problem().setting())) {
                return p.problem().toObservation(key);
            }
            if (item instanceof Setting s && s.key().equals(wanted)) {
                winner = s;
                break;
            }
        }
        if (winner == null) {
            return Observation.absent(key, unsetSource, setting + " is not set");
        }
        Observation result = Observation.of(key, winner.value(), winner.source());
        for (Item item : items) {
            if (item instanceof Setting s && s != winner && s.key().equals(wanted)) {
                result = result.with(new Observation.Other(s.value(), s.source(), "overridden by " + winner.source()));
            }
        }
        return result;
    }

    /** @return the effective value of {@code setting}, when it is set and readable */
    public Optional<String> value(String setting) {
        Observation o = observe("x", setting, Source.builtInDefault("unset"));
        return o.state() == ObservationState.PRESENT ? Optional.of(o.value()) : Optional.empty();
    }

    private static String normalize(String key, boolean caseInsensitive) {
        return caseInsensitive ? key.toLowerCase(Locale.ROOT) : key;
    }

    static String stripQuotes(String value) {
        if (value.length() >= 2 && (value.startsWith("\"") && value.endsWith("\"")
                || value.startsWith("'") && value.endsWith("'"))) {
            return value.substring(1, value.length() - 1);
        }
        return value;
    }
}
