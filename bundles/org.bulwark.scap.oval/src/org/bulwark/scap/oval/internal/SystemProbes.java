package org.bulwark.scap.oval.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.bulwark.collector.api.Observation;
import org.bulwark.collector.api.ObservationState;
import org.bulwark.linux.MountTable;
import org.bulwark.linux.SysctlConfig;
import org.bulwark.linux.TargetFiles;
import org.bulwark.linux.TextFile;
import org.bulwark.linux.UnreadableException;
import org.bulwark.scap.OvalElement;
import org.bulwark.scap.oval.OvalItem;
import org.bulwark.scap.oval.OvalOutcome;
import org.bulwark.scap.oval.OvalTarget;

/**
 * Objects of the system as a whole.
 * <ul>
 * <li>independent {@code family}: {@code unix} (the evaluator reads Linux targets only);</li>
 * <li>independent {@code variable}: the values of the variable named;</li>
 * <li>independent {@code environmentvariable58} and unix {@code uname}: live targets only (an offline image has
 * no processes and no running kernel), otherwise not collected;</li>
 * <li>unix {@code sysctl}: live, {@code /proc/sys}; offline, the value the target's persistent configuration
 * sets at boot ({@link SysctlConfig}: {@code sysctl.d} and {@code sysctl.conf}), and a parameter it does not set is
 * not collected (its running value is the kernel's default, unknown offline);</li>
 * <li>linux {@code partition}: live, {@code /proc/mounts}; offline, {@code /etc/fstab} (what is mounted at boot),
 * the last entry of a mount point winning; the space and UUID entities are not collected.</li>
 * </ul>
 */
final class SystemProbes {

    private SystemProbes() {
    }

    static Collected family(OvalElement object, Run run) {
        return Collected.of(List.of(new OvalItem("family_item", Map.of("family", List.of("unix")))));
    }

    static Collected variable(OvalElement object, Run run) {
        Spec ref = run.objects().spec(object, "var_ref").orElseThrow(() -> new OvalError(Run.where(object) + ": no var_ref"));
        List<OvalItem> items = new ArrayList<>();
        List<String> ids = ref.exact() ? ref.values() : run.definitions().variables().keySet().stream().sorted()
                .filter(id -> ref.selects(id, run.regexes())).toList();
        for (String id : ids) {
            Variables.Values v = run.variables().values(id);
            if (v.failure() != null) {
                throw new OvalError(v.failure(), v.error());
            }
            if (!v.values().isEmpty()) {
                Map<String, List<String>> f = new LinkedHashMap<>();
                f.put("var_ref", List.of(id));
                f.put("value", v.values());
                items.add(new OvalItem("variable_item", f));
            }
        }
        return Collected.of(items);
    }

    static Collected environmentvariable58(OvalElement object, Run run) {
        live(run, "the environment of processes");
        Spec name = run.objects().spec(object, "name").orElseThrow(() -> new OvalError(Run.where(object) + ": no name"));
        Optional<Spec> pid = run.objects().spec(object, "pid");
        String own = Long.toString(ProcessHandle.current().pid());
        Map<String, String> env;
        String pidValue;
        if (pid.isEmpty() || pid.get().nil() || pid.get().values().equals(List.of(own))) {
            env = System.getenv();
            pidValue = own;
        } else if (pid.get().exact() && pid.get().values().size() == 1) {
            pidValue = pid.get().values().get(0);
            env = environ(run, pidValue);
        } else {
            throw new OvalError(OvalOutcome.NOT_EVALUATED, Run.where(object) + ": only one pid (or nil) is implemented");
        }
        List<OvalItem> items = new ArrayList<>();
        env.keySet().stream().sorted().filter(k -> name.selects(k, run.regexes())).forEach(k -> {
            Map<String, List<String>> f = new LinkedHashMap<>();
            f.put("pid", List.of(pidValue));
            f.put("name", List.of(k));
            f.put("value", List.of(env.get(k)));
            items.add(new OvalItem("environmentvariable58_item", f));
        });
        return Collected.of(items);
    }

    private static Map<String, String> environ(Run run, String pid) {
        Map<String, String> env = new LinkedHashMap<>();
        try {
            Optional<byte[]> bytes = TargetFiles.readBytes(run.root(), "/proc/" + pid + "/environ", 1 << 20);
            for (String entry : new String(bytes.orElse(new byte[0]), StandardCharsets.UTF_8).split("\0")) {
                int eq = entry.indexOf('=');
                if (eq > 0) {
                    env.put(entry.substring(0, eq), entry.substring(eq + 1));
                }
            }
        } catch (UnreadableException e) {
            throw new OvalError(e.path() + ": " + e.reason());
        }
        return env;
    }

    static Collected uname(OvalElement object, Run run) {
        live(run, "the running kernel");
        Map<String, List<String>> f = new LinkedHashMap<>();
        String arch = switch (System.getProperty("os.arch", "")) {
        case "amd64", "x86_64" -> "x86_64";
        case "aarch64", "arm64" -> "aarch64";
        default -> System.getProperty("os.arch", "");
        };
        f.put("machine_class", List.of(arch));
        f.put("node_name", List.of(procValue(run, "/proc/sys/kernel/hostname")));
        f.put("os_name", List.of("Linux"));
        f.put("os_release", List.of(procValue(run, "/proc/sys/kernel/osrelease")));
        f.put("os_version", List.of(procValue(run, "/proc/sys/kernel/version")));
        f.put("processor_type", List.of(arch));
        return Collected.of(List.of(new OvalItem("uname_item", f)));
    }

    static Collected sysctl(OvalElement object, Run run) {
        Spec name = run.objects().spec(object, "name").orElseThrow(() -> new OvalError(Run.where(object) + ": no name"));
        List<OvalItem> items = new ArrayList<>();
        if (run.target().live()) {
            List<String> names = name.exact() ? name.values() : procNames(run);
            for (String n : names) {
                String path = SysctlConfig.procPath(n);
                Optional<TextFile> text;
                try {
                    text = TargetFiles.read(run.root(), path);
                } catch (UnreadableException e) {
                    throw new OvalError(e.path() + ": " + e.reason());
                }
                if (text.isPresent() && name.selects(n, run.regexes())) {
                    items.add(sysctlItem(n, SysctlConfig.normalizeValue(String.join(" ", text.get().lines()))));
                }
            }
            return Collected.of(items);
        }
        if (!name.exact()) {
            throw new OvalError(OvalOutcome.UNKNOWN, Run.where(object) + ": the kernel parameters of an offline image"
                    + " cannot be listed (only named ones are read from its sysctl configuration)");
        }
        SysctlConfig config = run.fact("sysctl", () -> SysctlConfig.read(run.root()));
        for (String n : name.values()) {
            Observation o = config.persisted("oval.sysctl", n);
            if (o.state() == ObservationState.PRESENT) {
                items.add(sysctlItem(n, o.value()));
            } else if (o.state() == ObservationState.ABSENT) {
                throw new OvalError(OvalOutcome.UNKNOWN, n + " is not set in the target's sysctl configuration;"
                        + " its running value (the kernel default) is unknown offline");
            } else {
                throw new OvalError(n + ": " + o.reason());
            }
        }
        return Collected.of(items);
    }

    private static OvalItem sysctlItem(String name, String value) {
        Map<String, List<String>> f = new LinkedHashMap<>();
        f.put("name", List.of(name));
        f.put("value", List.of(value));
        return new OvalItem("sysctl_item", f);
    }

    /** @return every parameter name below {@code /proc/sys} (live targets) */
    private static List<String> procNames(Run run) {
        List<String> out = new ArrayList<>();
        TargetPaths.Found found = TargetPaths.locate(new OvalElement("sysctl_walk", Run.DEFINITIONS_NS, 0, 0,
                Map.of(), "", List.of(new OvalElement("filepath", "", 0, 0, Map.of("operation", "pattern match"),
                        "^/proc/sys/.*$", List.of()))), run);
        for (TargetPaths.Located l : found.located()) {
            if (TargetPaths.lstat(run, l.filepath()).map(a -> ((Integer) a.get("mode") & 0170000) == 0100000).orElse(false)) {
                out.add(l.filepath().substring("/proc/sys/".length()).replace('/', '.'));
            }
        }
        return out;
    }

    static Collected partition(OvalElement object, Run run) {
        Spec mountPoint = run.objects().spec(object, "mount_point")
                .orElseThrow(() -> new OvalError(Run.where(object) + ": no mount_point"));
        String table = run.target().live() ? MountTable.PROC_MOUNTS : MountTable.FSTAB;
        MountTable mounts = run.fact("mounts", () -> MountTable.read(run.root(), table));
        Map<String, MountTable.Mount> last = new LinkedHashMap<>();
        for (MountTable.Mount m : mounts.mounts()) {
            last.remove(m.mountPoint());
            last.put(m.mountPoint(), m);
        }
        List<OvalItem> items = new ArrayList<>();
        for (MountTable.Mount m : last.values()) {
            if (!mountPoint.selects(m.mountPoint(), run.regexes())) {
                continue;
            }
            Map<String, List<String>> f = new LinkedHashMap<>();
            f.put("mount_point", List.of(m.mountPoint()));
            f.put("device", List.of(m.device()));
            f.put("fs_type", List.of(m.type()));
            f.put("mount_options", m.options());
            items.add(new OvalItem("partition_item", f));
        }
        return Collected.of(items);
    }

    /** @throws OvalError (UNKNOWN) when the target is not the running machine */
    static void live(Run run, String what) {
        OvalTarget t = run.target();
        if (!t.live()) {
            throw new OvalError(OvalOutcome.UNKNOWN, what + " cannot be read from an offline target");
        }
    }

    private static String procValue(Run run, String path) {
        try {
            return TargetFiles.read(run.root(), path).map(t -> String.join(" ", t.lines()).strip()).orElse("");
        } catch (UnreadableException e) {
            throw new OvalError(e.path() + ": " + e.reason());
        }
    }
}
