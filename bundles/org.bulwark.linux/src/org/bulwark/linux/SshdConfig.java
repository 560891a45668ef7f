package org.bulwark.linux;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import org.bulwark.collector.api.Observation;
import org.bulwark.collector.api.ObservationState;
import org.bulwark.collector.api.Source;

/**
 * The OpenSSH server configuration as {@code sshd} reads it: {@code /etc/ssh/sshd_config}, following
 * {@code Include} (relative paths are relative to {@code /etc/ssh}; globs expand in lexical order) where it
 * appears, depth first. For each keyword the <b>first</b> value obtained wins. Lines in a {@code Match} block
 * (up to the next {@code Match} or the end of that file) are conditional, not global, and are ignored for the
 * effective global value. Immutable once read; thread-safe.
 */
public final class SshdConfig {

    /** The main configuration file. */
    public static final String MAIN = "/etc/ssh/sshd_config";

    private static final int MAX_DEPTH = 16;
    /** The most files one configuration reads: a file may include a directory of files that include it again. */
    static final int MAX_FILES = 64;
    /** The most characters of configuration read, all files together. */
    static final long MAX_CHARS = 1L << 20;

    /** What is left to read of one configuration; shared by its files. */
    private static final class Budget {
        int files = MAX_FILES;
        long chars = MAX_CHARS;
    }

    private sealed interface Item permits Setting, Problem, Unreadable {
    }

    private record Setting(String keyword, String value, Source source) implements Item {
    }

    private record Problem(ParseProblem problem) implements Item {
    }

    private record Unreadable(UnreadableException e) implements Item {
    }

    private final List<Item> items;
    private final boolean mainExists;

    private SshdConfig(List<Item> items, boolean mainExists) {
        this.items = List.copyOf(items);
        this.mainExists = mainExists;
    }

    /** Reads the configuration below {@code root}; never throws. */
    public static SshdConfig read(Path root) {
        List<Item> items = new ArrayList<>();
        boolean exists = parse(root, MAIN, false, 0, items, new Budget());
        return new SshdConfig(items, exists);
    }

    /** @return whether {@code /etc/ssh/sshd_config} exists */
    public boolean exists() {
        return mainExists;
    }

    private static boolean parse(Path root, String path, boolean dropIn, int depth, List<Item> items,
            Budget budget) {
        Optional<TextFile> file;
        try {
            file = TargetFiles.read(root, path);
        } catch (UnreadableException e) {
            items.add(new Unreadable(e));
            return true;
        }
        if (file.isEmpty()) {
            return false;
        }
        List<String> lines = file.get().lines();
        budget.files--;
        for (String l : lines) {
            budget.chars -= l.length() + 1;
        }
        boolean inMatch = false;
        for (int i = 0; i < lines.size(); i++) {
            int number = i + 1;
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int end = 0;
            while (end < line.length() && !Character.isWhitespace(line.charAt(end)) && line.charAt(end) != '=') {
                end++;
            }
            String keyword = line.substring(0, end).toLowerCase(Locale.ROOT);
            String rest = line.substring(end).strip();
            if (rest.startsWith("=")) {
                rest = rest.substring(1).strip();
            }
            if (keyword.equals("match")) {
                inMatch = true;
                continue;
            }
            if (inMatch) {
                continue;
            }
            List<String> args = split(rest);
            if (args == null) {
                items.add(new Problem(new ParseProblem(path, number, keyword, "unbalanced quotes in " + keyword)));
                continue;
            }
            if (args.isEmpty()) {
                items.add(new Problem(new ParseProblem(path, number, keyword, "no value for " + keyword)));
                continue;
            }
            if (keyword.equals("include")) {
                if (depth >= MAX_DEPTH) {
                    items.add(new Problem(new ParseProblem(path, number, null, "Include nested too deeply")));
                    continue;
                }
                for (String pattern : args) {
                    for (String included : expand(root, pattern, items)) {
                        if (budget.files <= 0 || budget.chars <= 0) {
                            // a value may be in what is not read: what depends on it cannot be told
                            items.add(new Unreadable(new UnreadableException(included, "not read: the "
                                    + "configuration includes more than " + MAX_FILES + " files or "
                                    + MAX_CHARS + " characters (Include from " + path + ":" + number + ")")));
                            break;
                        }
                        parse(root, included, true, depth + 1, items, budget);
                    }
                }
                continue;
            }
            Source source = dropIn ? Source.dropIn(path, number) : Source.file(path, number);
            items.add(new Setting(keyword, String.join(" ", args), source));
        }
        return true;
    }

    private static List<String> expand(Path root, String pattern, List<Item> items) {
        String absolute = pattern.startsWith("/") ? pattern : "/etc/ssh/" + pattern;
        String dir = TargetFiles.parentOf(absolute);
        String name = TargetFiles.nameOf(absolute);
        if (!name.contains("*") && !name.contains("?") && !name.contains("[")) {
            return List.of(absolute);
        }
        Pattern glob = Globs.toRegex(name, ".*", ".");
        List<String> result = new ArrayList<>();
        try {
            for (String candidate : TargetFiles.list(root, dir, "")) {
                if (glob.matcher(candidate).matches()) {
                    result.add(TargetFiles.child(dir, candidate));
                }
            }
        } catch (UnreadableException e) {
            items.add(new Unreadable(e));
        }
        return result;
    }

    /**
     * The effective global value of {@code keyword} as observation {@code key}: PRESENT with the file and line
     * of the first value (later ones in {@code others}); when nothing sets it, PRESENT with
     * {@code builtInDefault} and a built-in-default source naming {@code defaultDetail}, or ABSENT when
     * {@code builtInDefault} is {@code null}; UNPARSEABLE when the first line for it is malformed;
     * UNREADABLE when a file read before any value could not be read.
     */
    public Observation observe(String key, String keyword, String builtInDefault, String defaultDetail) {
        String wanted = keyword.toLowerCase(Locale.ROOT);
        Setting winner = null;
        List<Setting> later = new ArrayList<>();
        for (Item item : items) {
            if (winner == null) {
                if (item instanceof Unreadable u) {
                    return Observation.unreadable(key, Source.file(u.e().path(), 0),
                            u.e().path() + ": " + u.e().reason());
                }
                if (item instanceof Problem p && wanted.equals(p.problem().setting())) {
                    return p.problem().toObservation(key);
                }
                if (item instanceof Setting s && s.keyword().equals(wanted)) {
                    winner = s;
                }
            } else if (item instanceof Setting s && s.keyword().equals(wanted)) {
                later.add(s);
            }
        }
        Observation result;
        if (winner != null) {
            result = Observation.of(key, winner.value(), winner.source());
        } else if (builtInDefault != null) {
            result = new Observation(key, ObservationState.PRESENT, List.of(builtInDefault),
                    Source.builtInDefault(defaultDetail), mainExists ? keyword + " is not set" : MAIN + " does not exist",
                    List.of());
        } else {
            return Observation.absent(key, Source.builtInDefault(defaultDetail), keyword + " is not set");
        }
        for (Setting s : later) {
            result = result.with(new Observation.Other(s.value(), s.source(),
                    "ignored: sshd uses the first value, " + winner.source()));
        }
        return result;
    }

    /**
     * The effective global value of a keyword that accumulates over lines ({@code AllowUsers},
     * {@code AllowGroups}, {@code DenyUsers}, {@code DenyGroups}): one value per pattern from every global line,
     * in order, with the first line as source and the others listed in {@code others}; ABSENT when no line sets
     * it; UNPARSEABLE or UNREADABLE as for {@link #observe}.
     */
    public Observation observeAccumulated(String key, String keyword, String defaultDetail) {
        String wanted = keyword.toLowerCase(Locale.ROOT);
        List<Setting> lines = new ArrayList<>();
        for (Item item : items) {
            if (item instanceof Unreadable u) {
                return Observation.unreadable(key, Source.file(u.e().path(), 0), u.e().path() + ": " + u.e().reason());
            }
            if (item instanceof Problem p && wanted.equals(p.problem().setting())) {
                return p.problem().toObservation(key);
            }
            if (item instanceof Setting st && st.keyword().equals(wanted)) {
                lines.add(st);
            }
        }
        if (lines.isEmpty()) {
            return Observation.absent(key, Source.builtInDefault(defaultDetail), keyword + " is not set");
        }
        List<String> values = new ArrayList<>();
        for (Setting st : lines) {
            values.addAll(List.of(st.value().split(" ")));
        }
        Observation result = Observation.ofAll(key, values, lines.get(0).source());
        for (Setting st : lines.subList(1, lines.size())) {
            result = result.with(new Observation.Other(st.value(), st.source(), "also applies (" + keyword
                    + " accumulates)"));
        }
        return result;
    }

    /** Splits arguments as sshd does: whitespace-separated, double quotes group; {@code null} if unbalanced. */
    private static List<String> split(String text) {
        List<String> args = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        boolean any = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
                any = true;
            } else if (Character.isWhitespace(c) && !quoted) {
                if (any) {
                    args.add(current.toString());
                    current.setLength(0);
                    any = false;
                }
            } else if (c == '#' && !quoted && !any) {
                break;
            } else {
                current.append(c);
                any = true;
            }
        }
        if (quoted) {
            return null;
        }
        if (any) {
            args.add(current.toString());
        }
        return args;
    }
}
