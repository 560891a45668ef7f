package org.bulwark.linux;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.bulwark.collector.api.Observation;
import org.bulwark.collector.api.Source;

/**
 * A systemd configuration file with its drop-ins ({@code systemd.syntax(7)}), e.g. {@code journald.conf}:
 * the main file {@code /etc/systemd/NAME}, then {@code NAME.d/*.conf} from {@code /etc/systemd},
 * {@code /run/systemd}, {@code /usr/local/lib/systemd} and {@code /usr/lib/systemd} merged by file name; the
 * last assignment of a key in the wanted section wins. Immutable once read; thread-safe.
 */
public final class SystemdConfig {

    private record Setting(String section, String key, String value, Source source) {
    }

    private final List<Setting> settings;
    private final List<ParseProblem> problems;
    private final List<UnreadableException> unreadable;

    private SystemdConfig(List<Setting> settings, List<ParseProblem> problems, List<UnreadableException> unreadable) {
        this.settings = List.copyOf(settings);
        this.problems = List.copyOf(problems);
        this.unreadable = List.copyOf(unreadable);
    }

    /** Reads {@code /etc/systemd/NAME} (e.g. {@code journald.conf}) and its drop-ins below {@code root}. */
    public static SystemdConfig read(Path root, String name) {
        List<Setting> settings = new ArrayList<>();
        List<ParseProblem> problems = new ArrayList<>();
        List<UnreadableException> unreadable = new ArrayList<>();
        String main = "/etc/systemd/" + name;
        parse(root, main, false, settings, problems, unreadable);
        List<String> dirs = List.of("/etc/systemd/" + name + ".d", "/run/systemd/" + name + ".d",
                "/usr/local/lib/systemd/" + name + ".d", "/usr/lib/systemd/" + name + ".d");
        for (DropInDirectories.Entry e : DropInDirectories.merge(root, dirs, ".conf")) {
            if (e.isUnreadable()) {
                unreadable.add(e.unreadable());
            } else {
                parse(root, e.path(), true, settings, problems, unreadable);
            }
        }
        return new SystemdConfig(settings, problems, unreadable);
    }

    private static void parse(Path root, String path, boolean dropIn, List<Setting> settings,
            List<ParseProblem> problems, List<UnreadableException> unreadable) {
        Optional<TextFile> file;
        try {
            file = TargetFiles.read(root, path);
        } catch (UnreadableException e) {
            unreadable.add(e);
            return;
        }
        if (file.isEmpty()) {
            return;
        }
        String section = "";
        for (TextFile.Line content : file.get().content("#", ";")) {
            String line = content.text();
            int number = content.number();
            if (line.startsWith("[")) {
                if (!line.endsWith("]")) {
                    problems.add(new ParseProblem(path, number, null, "malformed section header"));
                    continue;
                }
                section = line.substring(1, line.length() - 1).strip();
                continue;
            }
            int eq = line.indexOf('=');
            if (eq < 0) {
                problems.add(new ParseProblem(path, number, section + "." + line.split("\\s+")[0],
                        "not an assignment (expected 'Key=value')"));
                continue;
            }
            String key = line.substring(0, eq).strip();
            String value = line.substring(eq + 1).strip();
            settings.add(new Setting(section, key, value,
                    dropIn ? Source.dropIn(path, number) : Source.file(path, number)));
        }
    }

    /**
     * The effective value of {@code key} in {@code [section]} as observation {@code obsKey}; ABSENT with
     * {@code unsetSource} when nothing sets it (an empty assignment resets it to unset, as in systemd).
     */
    public Observation observe(String obsKey, String section, String key, Source unsetSource) {
        if (!unreadable.isEmpty()) {
            UnreadableException e = unreadable.get(0);
            return Observation.unreadable(obsKey, Source.file(e.path(), 0), e.path() + ": " + e.reason());
        }
        Setting winner = null;
        List<Setting> losers = new ArrayList<>();
        for (Setting s : settings) {
            if (s.section().equals(section) && s.key().equals(key)) {
                if (winner != null) {
                    losers.add(winner);
                }
                winner = s;
            }
        }
        for (ParseProblem p : problems) {
            if ((section + "." + key).equals(p.setting())) {
                return p.toObservation(obsKey);
            }
        }
        if (winner == null || winner.value().isEmpty()) {
            return Observation.absent(obsKey, unsetSource, "[" + section + "] " + key + " is not set");
        }
        Observation result = Observation.of(obsKey, winner.value(), winner.source());
        for (Setting l : losers) {
            result = result.with(new Observation.Other(l.value(), l.source(), "overridden by " + winner.source()));
        }
        return result;
    }
}
