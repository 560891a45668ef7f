package org.bulwark.collector.linux.security.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.bulwark.collector.api.AssessmentContext;
import org.bulwark.collector.api.Category;
import org.bulwark.collector.api.Collector;
import org.bulwark.collector.api.Observation;
import org.bulwark.collector.api.Source;
import org.bulwark.linux.DropInDirectories;
import org.bulwark.linux.KeyValueConfig;
import org.bulwark.linux.LinuxCollector;
import org.bulwark.linux.ParseProblem;
import org.bulwark.linux.SystemdUnits;
import org.bulwark.linux.TargetFiles;
import org.bulwark.linux.TextFile;
import org.bulwark.linux.UnreadableException;
import org.osgi.service.component.annotations.Component;

/**
 * The Linux audit system as configured for boot: {@code linux.systemd.unit.auditd.service};
 * {@code linux.auditd.SETTING} from {@code /etc/audit/auditd.conf} (lower-case values); and the persisted rules
 * ({@code /etc/audit/rules.d/*.rules} in lexical order as {@code augenrules} compiles them, else
 * {@code /etc/audit/audit.rules}): {@code linux.audit.watch.PATH} (the permissions watched, e.g. {@code wa};
 * ABSENT when the path is not watched), {@code linux.audit.syscall.NAME} (the architectures whose exit is audited,
 * e.g. {@code b64}, {@code b32}; ABSENT when not audited) and {@code linux.audit.immutable} ({@code yes} for
 * {@code -e 2}).
 */
@Component(service = Collector.class)
public final class AuditCollector extends LinuxCollector {

    static final List<String> SETTINGS = List.of("max_log_file", "max_log_file_action", "space_left_action",
            "admin_space_left_action", "disk_full_action", "disk_error_action");

    static final List<String> WATCHES = List.of("/etc/passwd", "/etc/group", "/etc/shadow", "/etc/gshadow",
            "/etc/security/opasswd", "/etc/sudoers", "/etc/sudoers.d", "/etc/localtime", "/etc/hosts", "/etc/issue",
            "/etc/issue.net", "/etc/hostname", "/etc/network", "/etc/apparmor", "/etc/apparmor.d", "/var/log/lastlog",
            "/var/run/faillock", "/var/log/sudo.log", "/sbin/insmod", "/sbin/rmmod", "/sbin/modprobe");

    static final List<String> SYSCALLS = List.of("adjtimex", "settimeofday", "clock_settime", "sethostname",
            "setdomainname", "init_module", "finit_module", "delete_module", "mount", "unlink", "unlinkat", "rename",
            "renameat", "chmod", "fchmod", "fchmodat", "chown", "fchown", "lchown", "setxattr");

    private static final Set<String> PROVIDES;

    static {
        Set<String> keys = new LinkedHashSet<>();
        keys.add("linux.systemd.unit.auditd.service");
        keys.add("linux.audit.immutable");
        SETTINGS.forEach(s -> keys.add("linux.auditd." + s));
        WATCHES.forEach(w -> keys.add("linux.audit.watch." + w));
        SYSCALLS.forEach(s -> keys.add("linux.audit.syscall." + s));
        PROVIDES = Set.copyOf(keys);
    }

    public AuditCollector() {
        super("linux.security.audit", Category.SECURITY_CONTROLS, PROVIDES);
    }

    @Override
    public List<Observation> collect(AssessmentContext context) {
        Path root = context.root();
        List<Observation> result = new ArrayList<>();
        result.add(SystemdUnits.observeState(root, "linux.systemd.unit.auditd.service", "auditd.service"));
        KeyValueConfig conf = KeyValueConfig.read(root, "/etc/audit/auditd.conf", KeyValueConfig.Syntax.EQUALS,
                KeyValueConfig.Wins.LAST, false);
        for (String s : SETTINGS) {
            result.add(Values.lower(conf.observe("linux.auditd." + s, s, Source.builtInDefault("auditd"))));
        }
        result.addAll(rules(root, context));
        return result;
    }

    /** One rule file line split into options. */
    private record Rule(List<String> words, Source source) {
        Optional<String> option(String flag) {
            int at = words.indexOf(flag);
            return at >= 0 && at + 1 < words.size() ? Optional.of(words.get(at + 1)) : Optional.empty();
        }
    }

    static List<Observation> rules(Path root, AssessmentContext context) {
        List<String> files = new ArrayList<>();
        Observation failure = null;
        for (DropInDirectories.Entry e : DropInDirectories.merge(root, List.of("/etc/audit/rules.d"), ".rules")) {
            if (e.isUnreadable()) {
                failure = Observation.unreadable("x", Source.file(e.path(), 0), e.path() + ": " + e.unreadable().reason());
            } else {
                files.add(e.path());
            }
        }
        if (files.isEmpty()) {
            files.add("/etc/audit/audit.rules");
        }
        List<Rule> rules = new ArrayList<>();
        List<ParseProblem> problems = new ArrayList<>();
        for (String path : files) {
            if (context.isCancelled() || failure != null) {
                break;
            }
            Optional<TextFile> file;
            try {
                file = TargetFiles.read(root, path);
            } catch (UnreadableException e) {
                failure = Observation.unreadable("x", Source.file(path, 0), path + ": " + e.reason());
                break;
            }
            if (file.isEmpty()) {
                continue;
            }
            for (TextFile.Line content : file.get().content("#")) {
                String line = content.text();
                int number = content.number();
                List<String> words = List.of(line.split("\\s+"));
                Source source = path.startsWith("/etc/audit/rules.d/") ? Source.dropIn(path, number) : Source.file(path, number);
                Rule rule = new Rule(words, source);
                if (words.get(0).equals("-w") && (words.size() < 2 || rule.option("-p").isEmpty() && words.contains("-p"))) {
                    problems.add(new ParseProblem(path, number, words.size() > 1 ? words.get(1) : null,
                            "watch rule without a path or permissions"));
                    continue;
                }
                rules.add(rule);
            }
        }
        List<Observation> result = new ArrayList<>();
        if (failure != null) {
            result.add(Values.sameFailure("linux.audit.immutable", failure));
            for (String w : WATCHES) {
                result.add(Values.sameFailure("linux.audit.watch." + w, failure));
            }
            for (String s : SYSCALLS) {
                result.add(Values.sameFailure("linux.audit.syscall." + s, failure));
            }
            return result;
        }
        String where = String.join(", ", files);
        Observation immutable = Observation.absent("linux.audit.immutable", Source.file(files.get(0), 0),
                "no '-e 2' rule in " + where);
        Map<String, Observation> watches = new LinkedHashMap<>();
        Map<String, Set<String>> arches = new LinkedHashMap<>();
        Map<String, Source> syscallSources = new LinkedHashMap<>();
        for (Rule r : rules) {
            List<String> w = r.words();
            if (w.get(0).equals("-e") && w.size() > 1) {
                immutable = w.get(1).equals("2") ? Observation.of("linux.audit.immutable", "yes", r.source())
                        : Observation.absent("linux.audit.immutable", r.source(), "'-e " + w.get(1) + "' is not immutable");
            } else if (w.get(0).equals("-w")) {
                watches.putIfAbsent(w.get(1), Observation.of("linux.audit.watch." + w.get(1),
                        r.option("-p").orElse("rwxa"), r.source()));
            } else if (w.get(0).equals("-a") && w.size() > 1 && w.get(1).contains("always") && w.get(1).contains("exit")) {
                String arch = "any";
                for (int i = 0; i + 1 < w.size(); i++) {
                    if (w.get(i).equals("-F") && w.get(i + 1).startsWith("arch=")) {
                        arch = w.get(i + 1).substring(5);
                    }
                }
                for (int i = 0; i + 1 < w.size(); i++) {
                    if (w.get(i).equals("-S")) {
                        for (String call : w.get(i + 1).split(",")) {
                            arches.computeIfAbsent(call, c -> new LinkedHashSet<>()).add(arch);
                            syscallSources.putIfAbsent(call, r.source());
                        }
                    }
                }
            }
        }
        result.add(immutable);
        for (String w : WATCHES) {
            String key = "linux.audit.watch." + w;
            Optional<ParseProblem> problem = problems.stream().filter(p -> w.equals(p.setting())).findFirst();
            if (problem.isPresent()) {
                result.add(problem.get().toObservation(key));
            } else {
                Observation o = watches.get(w);
                result.add(o != null ? o
                        : Observation.absent(key, Source.file(files.get(0), 0), w + " is not watched in " + where));
            }
        }
        for (String s : SYSCALLS) {
            String key = "linux.audit.syscall." + s;
            Set<String> a = arches.get(s);
            result.add(a != null ? Observation.ofAll(key, new ArrayList<>(a), syscallSources.get(s))
                    : Observation.absent(key, Source.file(files.get(0), 0), s + " is not audited in " + where));
        }
        return result;
    }
}
