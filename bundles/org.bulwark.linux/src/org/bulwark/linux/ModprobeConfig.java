package org.bulwark.linux;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

import java.util.Set;
import org.bulwark.collector.api.AssessmentContext;
import org.bulwark.collector.api.Observation;
import org.bulwark.collector.api.Source;

/**
 * Kernel module configuration ({@code modprobe.d(5)}): {@code *.conf} files of {@link #DIRECTORIES} merged by
 * file name as systemd does. Module names compare with {@code -} and {@code _} equal. For {@code install}
 * commands the first one read is used. Immutable once read; thread-safe.
 */
public final class ModprobeConfig {

    /** The directories, the one whose files win first. */
    public static final List<String> DIRECTORIES = List.of("/etc/modprobe.d", "/run/modprobe.d",
            "/usr/local/lib/modprobe.d", "/usr/lib/modprobe.d", "/lib/modprobe.d");

    private record Directive(String command, String module, String argument, Source source) {
    }

    private final List<Directive> directives;
    private final List<ParseProblem> problems;
    private final List<UnreadableException> unreadable;

    private ModprobeConfig(List<Directive> directives, List<ParseProblem> problems,
            List<UnreadableException> unreadable) {
        this.directives = List.copyOf(directives);
        this.problems = List.copyOf(problems);
        this.unreadable = List.copyOf(unreadable);
    }

    /** Reads the configuration below {@code root}; never throws. */
    public static ModprobeConfig read(Path root) {
        List<Directive> directives = new ArrayList<>();
        List<ParseProblem> problems = new ArrayList<>();
        List<UnreadableException> unreadable = new ArrayList<>();
        for (DropInDirectories.Entry e : DropInDirectories.merge(root, DIRECTORIES, ".conf")) {
            if (e.isUnreadable()) {
                unreadable.add(e.unreadable());
                continue;
            }
            Optional<TextFile> file;
            try {
                file = TargetFiles.read(root, e.path());
            } catch (UnreadableException u) {
                unreadable.add(u);
                continue;
            }
            if (file.isEmpty()) {
                continue;
            }
            for (TextFile.Line content : file.get().content("#")) {
                String line = content.text();
                int number = content.number();
                String[] words = line.split("\\s+", 3);
                String command = words[0];
                if (!command.equals("install") && !command.equals("blacklist")) {
                    continue;
                }
                String module = words.length > 1 ? normalize(words[1]) : null;
                if (module == null || command.equals("install") && words.length < 3) {
                    problems.add(new ParseProblem(e.path(), number, module,
                            command + " needs " + (module == null ? "a module name" : "a command")));
                    continue;
                }
                directives.add(new Directive(command, module, words.length > 2 ? words[2].strip() : "",
                        Source.dropIn(e.path(), number)));
            }
        }
        return new ModprobeConfig(directives, problems, unreadable);
    }

    /**
     * The {@code install} command of {@code module} as observation {@code key} (e.g. {@code /bin/false}):
     * ABSENT when there is none.
     */
    public Observation observeInstall(String key, String module) {
        return observe(key, "install", module);
    }

    /** Whether {@code module} is blacklisted, as observation {@code key}: PRESENT {@code yes}, or ABSENT. */
    public Observation observeBlacklist(String key, String module) {
        return observe(key, "blacklist", module);
    }

    private Observation observe(String key, String command, String module) {
        String wanted = normalize(module);
        if (!unreadable.isEmpty()) {
            UnreadableException e = unreadable.get(0);
            return Observation.unreadable(key, Source.file(e.path(), 0), e.path() + ": " + e.reason());
        }
        for (ParseProblem p : problems) {
            if (wanted.equals(p.setting())) {
                return p.toObservation(key);
            }
        }
        Observation result = null;
        for (Directive d : directives) {
            if (d.command().equals(command) && d.module().equals(wanted)) {
                if (result == null) {
                    result = Observation.of(key, command.equals("install") ? d.argument() : "yes", d.source());
                } else {
                    result = result.with(new Observation.Other(command.equals("install") ? d.argument() : "yes",
                            d.source(), "not used: the first " + command + " line wins"));
                }
            }
        }
        return result != null ? result
                : Observation.absent(key, Source.file(DIRECTORIES.get(0), 0), "no '" + command + " " + module
                        + "' line in any modprobe.d file");
    }

    /**
     * Whether {@code module} is loaded in the running kernel ({@code /proc/modules}) as observation {@code key}:
     * {@code yes} or {@code no}; UNAVAILABLE when the target is not live.
     */
    public static Observation observeLoaded(AssessmentContext context, String key, String module) {
        if (!context.live()) {
            return Observation.unavailable(key, "loaded kernel modules exist only on a live system");
        }
        try {
            Optional<TextFile> file = TargetFiles.read(context.root(), "/proc/modules");
            if (file.isEmpty()) {
                return Observation.unavailable(key, "/proc/modules does not exist");
            }
            String wanted = normalize(module);
            for (String line : file.get().lines()) {
                if (normalize(line.split("\\s+")[0]).equals(wanted)) {
                    return Observation.of(key, "yes", Source.runtime("/proc/modules"));
                }
            }
            return Observation.of(key, "no", Source.runtime("/proc/modules"));
        } catch (UnreadableException e) {
            return Observation.unreadable(key, Source.runtime("/proc/modules"), e.reason());
        }
    }

    /**
     * Three observations per module: {@code linux.kmod.MODULE.install}, {@code linux.kmod.MODULE.blacklist} and
     * {@code linux.kmod.running.MODULE.loaded}.
     */
    public static List<Observation> observeAll(AssessmentContext context, Collection<String> modules) {
        ModprobeConfig config = read(context.root());
        List<Observation> result = new ArrayList<>();
        for (String module : modules) {
            if (context.isCancelled()) {
                break;
            }
            result.add(config.observeInstall("linux.kmod." + module + ".install", module));
            result.add(config.observeBlacklist("linux.kmod." + module + ".blacklist", module));
            result.add(observeLoaded(context, "linux.kmod.running." + module + ".loaded", module));
        }
        return result;
    }

    /** @return the keys {@link #observeAll} reports for {@code modules} */
    public static Set<String> keys(Collection<String> modules) {
        Set<String> keys = new LinkedHashSet<>();
        for (String module : modules) {
            keys.add("linux.kmod." + module + ".install");
            keys.add("linux.kmod." + module + ".blacklist");
            keys.add("linux.kmod.running." + module + ".loaded");
        }
        return Set.copyOf(keys);
    }

    /** @return the module name with {@code -} replaced by {@code _}, as the kernel compares them */
    public static String normalize(String module) {
        return module.replace('-', '_');
    }
}
