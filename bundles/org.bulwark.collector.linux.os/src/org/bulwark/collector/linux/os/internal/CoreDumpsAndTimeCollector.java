package org.bulwark.collector.linux.os.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.bulwark.collector.api.AssessmentContext;
import org.bulwark.collector.api.Category;
import org.bulwark.collector.api.Collector;
import org.bulwark.collector.api.Observation;
import org.bulwark.collector.api.Source;
import org.bulwark.linux.DropInDirectories;
import org.bulwark.linux.LinuxCollector;
import org.bulwark.linux.SystemdConfig;
import org.bulwark.linux.SystemdUnits;
import org.bulwark.linux.TargetFiles;
import org.bulwark.linux.TextFile;
import org.bulwark.linux.UnreadableException;
import org.osgi.service.component.annotations.Component;

/**
 * Core dumps and time synchronisation: {@code linux.limits.core.hard} (the hard {@code core} limit for
 * {@code *} in {@code /etc/security/limits.conf} and {@code limits.d}, the last one wins as in pam_limits),
 * {@code linux.coredump.storage} and {@code linux.coredump.processsizemax} ({@code systemd-coredump}), and
 * the enablement of the time synchronisation services as {@code linux.systemd.unit.UNIT}.
 */
@Component(service = Collector.class)
public final class CoreDumpsAndTimeCollector extends LinuxCollector {

    static final List<String> TIME_UNITS = List.of("chrony.service", "systemd-timesyncd.service", "ntpsec.service",
            "ntp.service");

    private static final Set<String> PROVIDES;

    static {
        List<String> keys = new ArrayList<>(List.of("linux.limits.core.hard", "linux.coredump.storage",
                "linux.coredump.processsizemax"));
        TIME_UNITS.forEach(u -> keys.add("linux.systemd.unit." + u));
        PROVIDES = Set.copyOf(keys);
    }

    public CoreDumpsAndTimeCollector() {
        super("linux.os.coredumps-time", Category.OPERATING_SYSTEM, PROVIDES);
    }

    @Override
    public List<Observation> collect(AssessmentContext context) {
        List<Observation> result = new ArrayList<>();
        result.add(coreLimit(context));
        SystemdConfig coredump = SystemdConfig.read(context.root(), "coredump.conf");
        result.add(coredump.observe("linux.coredump.storage", "Coredump", "Storage",
                Source.builtInDefault("systemd-coredump default: external")));
        result.add(coredump.observe("linux.coredump.processsizemax", "Coredump", "ProcessSizeMax",
                Source.builtInDefault("systemd-coredump default")));
        for (String unit : TIME_UNITS) {
            result.add(SystemdUnits.observeState(context.root(), "linux.systemd.unit." + unit, unit));
        }
        return result;
    }

    static Observation coreLimit(AssessmentContext context) {
        String key = "linux.limits.core.hard";
        List<String> files = new ArrayList<>();
        files.add("/etc/security/limits.conf");
        for (DropInDirectories.Entry e : DropInDirectories.merge(context.root(), List.of("/etc/security/limits.d"),
                ".conf")) {
            if (e.isUnreadable()) {
                return Observation.unreadable(key, Source.file(e.path(), 0), e.unreadable().reason());
            }
            files.add(e.path());
        }
        Observation found = null;
        for (String path : files) {
            Optional<TextFile> file;
            try {
                file = TargetFiles.read(context.root(), path);
            } catch (UnreadableException e) {
                return Observation.unreadable(key, Source.file(path, 0), e.reason());
            }
            if (file.isEmpty()) {
                continue;
            }
            for (TextFile.Line content : file.get().content("#")) {
                String line = content.text();
                int number = content.number();
                String[] f = line.split("\\s+");
                if (f.length < 4) {
                    if (f.length >= 3 && f[2].equals("core") || line.contains(" core")) {
                        found = Observation.unparseable(key, Source.file(path, number),
                                path + ":" + (number) + ": expected '<domain> <type> <item> <value>'");
                    }
                    continue;
                }
                if (f[0].equals("*") && (f[1].equals("hard") || f[1].equals("-")) && f[2].equals("core")) {
                    Source source = path.equals("/etc/security/limits.conf") ? Source.file(path, number)
                            : Source.dropIn(path, number);
                    Observation next = Observation.of(key, f[3], source);
                    if (found != null && found.source() != null) {
                        next = next.with(new Observation.Other(found.value() == null ? "" : found.value(),
                                found.source(), "overridden by " + source));
                    }
                    found = next;
                }
            }
        }
        return found != null ? found
                : Observation.absent(key, Source.builtInDefault("kernel default: unlimited"),
                        "no hard core limit for * in limits.conf or limits.d");
    }
}
