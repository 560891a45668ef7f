package org.bulwark.linux;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.bulwark.collector.api.AssessmentContext;
import org.bulwark.collector.api.Observation;
import org.bulwark.collector.api.ObservationState;
import org.bulwark.collector.api.Source;

/**
 * Kernel parameters as the system sets them at boot ({@code systemd-sysctl} and {@code sysctl --system}):
 * {@code *.conf} files of {@link #DIRECTORIES} sorted by file name (a name in {@code /etc/sysctl.d} replaces
 * the same name in later directories), then {@code /etc/sysctl.conf}; the <b>last</b> assignment wins, and an
 * explicit assignment always beats a glob such as {@code net.ipv4.conf.*.rp_filter}. Immutable once read;
 * thread-safe.
 */
public final class SysctlConfig {

    /** The drop-in directories, the one whose files win first. */
    public static final List<String> DIRECTORIES = List.of("/etc/sysctl.d", "/run/sysctl.d",
            "/usr/local/lib/sysctl.d", "/usr/lib/sysctl.d", "/lib/sysctl.d");

    /** Read after every drop-in. */
    public static final String SYSCTL_CONF = "/etc/sysctl.conf";

    /** The key prefix of persisted values; {@code linux.sysctl.running.} is that of running values. */
    public static final String KEY_PREFIX = "linux.sysctl.";

    /** The key prefix of running values. */
    public static final String RUNNING_KEY_PREFIX = "linux.sysctl.running.";

    private sealed interface Item permits Assignment, Problem, Unreadable {
    }

    private record Assignment(String name, Pattern glob, String value, Source source) implements Item {
    }

    private record Problem(ParseProblem problem) implements Item {
    }

    private record Unreadable(UnreadableException e) implements Item {
    }

    private final List<Item> items;

    private SysctlConfig(List<Item> items) {
        this.items = List.copyOf(items);
    }

    /** Reads the persisted configuration below {@code root}; never throws. */
    public static SysctlConfig read(Path root) {
        List<Item> items = new ArrayList<>();
        Optional<Path> sysctlConf = resolved(root, SYSCTL_CONF);
        for (DropInDirectories.Entry entry : DropInDirectories.merge(root, DIRECTORIES, ".conf")) {
            if (entry.isUnreadable()) {
                items.add(new Unreadable(entry.unreadable()));
            } else if (sysctlConf.isEmpty() || !resolved(root, entry.path()).equals(sysctlConf)) {
                // Debian links /etc/sysctl.d/99-sysctl.conf to ../sysctl.conf, which is read last anyway
                parse(root, entry.path(), true, items);
            }
        }
        parse(root, SYSCTL_CONF, false, items);
        return new SysctlConfig(items);
    }

    /** @return the file {@code path} resolves to; empty when it cannot be resolved (reading it says why) */
    private static Optional<Path> resolved(Path root, String path) {
        try {
            return Optional.of(TargetFiles.resolve(root, path));
        } catch (UnreadableException e) {
            return Optional.empty();
        }
    }

    private static void parse(Path root, String path, boolean dropIn, List<Item> items) {
        Optional<TextFile> file;
        try {
            file = TargetFiles.read(root, path);
        } catch (UnreadableException e) {
            items.add(new Unreadable(e));
            return;
        }
        if (file.isEmpty()) {
            return;
        }
        for (TextFile.Line content : file.get().content("#", ";")) {
            String line = content.text();
            int number = content.number();
            if (line.startsWith("-")) {
                line = line.substring(1).strip();
            }
            int eq = line.indexOf('=');
            if (eq < 0) {
                // the name the line was meant to set: its leading run of name characters ("a.b: 1", "a.b 1")
                Matcher name = Pattern.compile("[A-Za-z0-9_./*?\\[\\]-]+").matcher(line);
                String guess = name.lookingAt() ? normalizeName(name.group()) : null;
                items.add(new Problem(new ParseProblem(path, number, guess,
                        "not an assignment (expected 'name = value'): " + abbreviate(line))));
                continue;
            }
            String name = normalizeName(line.substring(0, eq).strip());
            String value = normalizeValue(line.substring(eq + 1));
            if (name.isEmpty()) {
                items.add(new Problem(new ParseProblem(path, number, null, "no parameter name")));
                continue;
            }
            if (value.isEmpty()) {
                items.add(new Problem(new ParseProblem(path, number, name, "no value for " + name)));
                continue;
            }
            Pattern glob = name.contains("*") || name.contains("?") || name.contains("[")
                    ? Globs.toRegex(name, "[^.]*", "[^.]")
                    : null;
            Source source = dropIn ? Source.dropIn(path, number) : Source.file(path, number);
            items.add(new Assignment(name, glob, value, source));
        }
    }

    /**
     * The persisted value of kernel parameter {@code name} as observation {@code key}: PRESENT with the
     * winning file and line (losing assignments in {@code others}); ABSENT with the kernel default as source
     * when nothing sets it; UNPARSEABLE when a malformed line meant to set it would have won; UNREADABLE when
     * a file that could have set it could not be read.
     */
    public Observation persisted(String key, String name) {
        String wanted = normalizeName(name);
        int winner = -1;
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i) instanceof Assignment a && a.glob() == null && a.name().equals(wanted)) {
                winner = i;
            }
        }
        if (winner < 0) {
            for (int i = 0; i < items.size(); i++) {
                if (items.get(i) instanceof Assignment a && a.glob() != null && a.glob().matcher(wanted).matches()) {
                    winner = i;
                }
            }
        }
        for (int i = items.size() - 1; i > winner; i--) {
            Item item = items.get(i);
            if (item instanceof Problem p && wanted.equals(p.problem().setting())) {
                return p.problem().toObservation(key);
            }
            if (item instanceof Unreadable u) {
                return Observation.unreadable(key, Source.file(u.e().path(), 0), u.e().path() + ": " + u.e().reason());
            }
        }
        if (winner < 0) {
            return Observation.absent(key, Source.builtInDefault("kernel default"),
                    wanted + " is not set in any sysctl configuration file");
        }
        Assignment win = (Assignment) items.get(winner);
        Observation result = Observation.of(key, win.value(), win.source());
        for (int i = 0; i < items.size(); i++) {
            if (i != winner && items.get(i) instanceof Assignment a
                    && (a.glob() == null ? a.name().equals(wanted) : a.glob().matcher(wanted).matches())) {
                result = result.with(new Observation.Other(a.value(), a.source(),
                        (a.glob() == null ? "overridden by " : "glob " + a.name() + " overridden by ") + win.source()));
            }
        }
        return result;
    }

    /**
     * The running value of kernel parameter {@code name} from {@code /proc/sys}: UNAVAILABLE when the target
     * is not live; ABSENT when the kernel has no such parameter.
     */
    public static Observation running(AssessmentContext context, String key, String name) {
        if (!context.live()) {
            return Observation.unavailable(key, "running kernel parameters exist only on a live system");
        }
        String proc = procPath(name);
        try {
            Optional<TextFile> file = TargetFiles.read(context.root(), proc);
            if (file.isEmpty()) {
                return Observation.absent(key, Source.runtime(proc), "the running kernel has no parameter " + name);
            }
            String value = normalizeValue(String.join(" ", file.get().lines()));
            return Observation.of(key, value, Source.runtime(proc));
        } catch (UnreadableException e) {
            return Observation.unreadable(key, Source.runtime(proc), e.reason());
        }
    }

    /**
     * Both observations of each parameter: {@code linux.sysctl.NAME} (persisted, with the running value in
     * {@code others} when it differs) and {@code linux.sysctl.running.NAME}.
     */
    public static List<Observation> observeAll(AssessmentContext context, Collection<String> names) {
        SysctlConfig config = read(context.root());
        List<Observation> result = new ArrayList<>();
        for (String name : names) {
            if (context.isCancelled()) {
                break;
            }
            Observation persisted = config.persisted(KEY_PREFIX + name, name);
            Observation running = running(context, RUNNING_KEY_PREFIX + name, name);
            result.add(withDrift(persisted, running));
            result.add(running);
        }
        return result;
    }

    /** @return {@code persisted} with the running value in {@code others} when it is known and differs */
    public static Observation withDrift(Observation persisted, Observation running) {
        if (running.state() != ObservationState.PRESENT) {
            return persisted;
        }
        if (persisted.state() == ObservationState.PRESENT
                && persisted.values().equals(running.values())) {
            return persisted;
        }
        String note = persisted.state() == ObservationState.PRESENT
                ? "running value differs (drift)"
                : "running value (not persisted)";
        return persisted.with(new Observation.Other(running.value(), running.source(), note));
    }

    /** @return the {@code /proc/sys} file of a parameter, e.g. {@code /proc/sys/kernel/yama/ptrace_scope} */
    public static String procPath(String name) {
        return "/proc/sys/" + normalizeName(name).replace('.', '/');
    }

    /**
     * Normalizes a parameter name as {@code sysctl.d(5)} says: when the first separator is a slash, slashes
     * and dots swap ({@code net/ipv4/conf/eth0.1/rp_filter} is {@code net.ipv4.conf.eth0/1.rp_filter}).
     */
    public static String normalizeName(String name) {
        String n = name.strip();
        int slash = n.indexOf('/');
        int dot = n.indexOf('.');
        if (slash >= 0 && (dot < 0 || slash < dot)) {
            StringBuilder b = new StringBuilder(n.length());
            for (char c : n.toCharArray()) {
                b.append(c == '/' ? '.' : c == '.' ? '/' : c);
            }
            n = b.toString();
        }
        return n;
    }

    /** @return the value with surrounding whitespace removed and inner runs of whitespace made one space */
    public static String normalizeValue(String value) {
        return value.strip().replaceAll("\\s+", " ");
    }

    private static String abbreviate(String s) {
        return s.length() > 80 ? s.substring(0, 77) + "..." : s;
    }
}
