package org.bulwark.collector.linux.security.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.bulwark.collector.api.AssessmentContext;
import org.bulwark.collector.api.Category;
import org.bulwark.collector.api.Collector;
import org.bulwark.collector.api.Observation;
import org.bulwark.collector.api.ObservationState;
import org.bulwark.collector.api.Source;
import org.bulwark.linux.DropInDirectories;
import org.bulwark.linux.MountTable;
import org.bulwark.linux.SystemdConfig;
import org.bulwark.linux.SystemdUnits;
import org.bulwark.linux.TargetFiles;
import org.bulwark.linux.TextFile;
import org.bulwark.linux.UnreadableException;
import org.osgi.service.component.annotations.Component;

/**
 * Integrity checking, logging, automatic updates and disk encryption:
 * <ul>
 * <li>{@code linux.aide.database}: the AIDE database file (ABSENT when AIDE was never initialised);
 * {@code linux.aide.scheduled}: how AIDE runs regularly ({@code timer}, {@code cron}); ABSENT when it does not;</li>
 * <li>{@code linux.journald.storage}, {@code .compress}, {@code .forwardtosyslog} (journald.conf with drop-ins,
 * lower-case); {@code linux.rsyslog.filecreatemode} ({@code $FileCreateMode}, last one wins);</li>
 * <li>{@code linux.apt.periodic.update-package-lists}, {@code linux.apt.periodic.unattended-upgrade}
 * ({@code /etc/apt/apt.conf.d}, later files win);</li>
 * <li>{@code linux.crypttab.entries} (the names of encrypted devices) and {@code linux.disk.root-on-mapper}
 * ({@code yes} when / is mounted from a device-mapper device and crypttab has an entry, else {@code no});</li>
 * <li>units: {@code dailyaidecheck.timer}, {@code rsyslog.service}, {@code unattended-upgrades.service},
 * {@code apt-daily-upgrade.timer} as {@code linux.systemd.unit.UNIT}.</li>
 * </ul>
 */
@Component(service = Collector.class)
public final class IntegrityLoggingUpdatesCollector implements Collector {

    static final List<String> UNITS = List.of("dailyaidecheck.timer", "rsyslog.service",
            "unattended-upgrades.service", "apt-daily-upgrade.timer");

    private static final Set<String> PROVIDES;

    static {
        List<String> keys = new ArrayList<>(List.of("linux.aide.database", "linux.aide.scheduled",
                "linux.journald.storage", "linux.journald.compress", "linux.journald.forwardtosyslog",
                "linux.rsyslog.filecreatemode", "linux.apt.periodic.update-package-lists",
                "linux.apt.periodic.unattended-upgrade", "linux.crypttab.entries", "linux.disk.root-on-mapper"));
        UNITS.forEach(u -> keys.add("linux.systemd.unit." + u));
        PROVIDES = Set.copyOf(keys);
    }

    private static final Pattern APT_SETTING = Pattern.compile("(APT::Periodic::[A-Za-z-]+)\\s+\"([^\"]*)\"\\s*;.*");

    @Override
    public String id() {
        return "linux.security.integrity-logging-updates";
    }

    @Override
    public Category category() {
        return Category.SECURITY_CONTROLS;
    }

    @Override
    public Set<String> provides() {
        return PROVIDES;
    }

    @Override
    public List<Observation> collect(AssessmentContext context) {
        Path root = context.root();
        List<Observation> result = new ArrayList<>();
        List<Observation> units = new ArrayList<>();
        for (String u : UNITS) {
            units.add(SystemdUnits.observeState(root, "linux.systemd.unit." + u, u));
        }
        result.addAll(units);
        result.add(aideDatabase(root));
        result.add(aideScheduled(root, units.get(0)));
        SystemdConfig journald = SystemdConfig.read(root, "journald.conf");
        result.add(Values.lower(journald.observe("linux.journald.storage", "Journal", "Storage",
                Source.builtInDefault("journald: auto"))));
        result.add(Values.lower(journald.observe("linux.journald.compress", "Journal", "Compress",
                Source.builtInDefault("journald: yes"))));
        result.add(Values.lower(journald.observe("linux.journald.forwardtosyslog", "Journal", "ForwardToSyslog",
                Source.builtInDefault("journald: no"))));
        result.add(rsyslogFileCreateMode(root));
        result.addAll(aptPeriodic(root));
        result.addAll(encryption(root));
        return result;
    }

    static Observation aideDatabase(Path root) {
        for (String p : List.of("/var/lib/aide/aide.db", "/var/lib/aide/aide.db.gz")) {
            try {
                if (TargetFiles.exists(root, p)) {
                    return Observation.of("linux.aide.database", p, Source.file(p, 0));
                }
            } catch (UnreadableException e) {
                return Observation.unreadable("linux.aide.database", Source.file(p, 0), e.reason());
            }
        }
        return Observation.absent("linux.aide.database", Source.file("/var/lib/aide/aide.db", 0),
                "no AIDE database: AIDE was never initialised (aideinit)");
    }

    static Observation aideScheduled(Path root, Observation timer) {
        List<String> how = new ArrayList<>();
        Source source = null;
        if (timer.state() == ObservationState.PRESENT && timer.value().equals("enabled")) {
            how.add("timer");
            source = timer.source();
        }
        for (String p : List.of("/etc/cron.daily/aide", "/etc/cron.daily/dailyaidecheck")) {
            try {
                if (TargetFiles.exists(root, p)) {
                    how.add("cron");
                    source = source == null ? Source.file(p, 0) : source;
                    break;
                }
            } catch (UnreadableException e) {
                return Observation.unreadable("linux.aide.scheduled", Source.file(p, 0), e.reason());
            }
        }
        return how.isEmpty()
                ? Observation.absent("linux.aide.scheduled", Source.derived("dailyaidecheck.timer and /etc/cron.daily"),
                        "AIDE does not run regularly")
                : Observation.ofAll("linux.aide.scheduled", how, source);
    }

    static Observation rsyslogFileCreateMode(Path root) {
        String key = "linux.rsyslog.filecreatemode";
        List<String> files = new ArrayList<>(List.of("/etc/rsyslog.conf"));
        DropInDirectories.merge(root, List.of("/etc/rsyslog.d"), ".conf").forEach(e -> files.add(e.path()));
        Observation found = null;
        for (String path : files) {
            Optional<TextFile> f;
            try {
                f = TargetFiles.read(root, path);
            } catch (UnreadableException e) {
                return Observation.unreadable(key, Source.file(path, 0), path + ": " + e.reason());
            }
            if (f.isEmpty()) {
                continue;
            }
            List<String> lines = f.get().lines();
            for (int i = 0; i < lines.size(); i++) {
                String[] w = lines.get(i).strip().split("\\s+");
                if (w[0].equals("$FileCreateMode")) {
                    found = w.length > 1 ? Observation.of(key, w[1], Source.file(path, i + 1))
                            : Observation.unparseable(key, Source.file(path, i + 1), path + ":" + (i + 1)
                                    + ": $FileCreateMode without a mode");
                }
            }
        }
        return found != null ? found
                : Observation.absent(key, Source.builtInDefault("rsyslog: 0644"), "$FileCreateMode is not set");
    }

    static List<Observation> aptPeriodic(Path root) {
        String updateKey = "linux.apt.periodic.update-package-lists";
        String upgradeKey = "linux.apt.periodic.unattended-upgrade";
        Observation update = Observation.absent(updateKey, Source.file("/etc/apt/apt.conf.d", 0),
                "APT::Periodic::Update-Package-Lists is not set");
        Observation upgrade = Observation.absent(upgradeKey, Source.file("/etc/apt/apt.conf.d", 0),
                "APT::Periodic::Unattended-Upgrade is not set");
        for (DropInDirectories.Entry e : DropInDirectories.merge(root, List.of("/etc/apt/apt.conf.d"), "")) {
            Optional<TextFile> f;
            try {
                if (e.isUnreadable()) {
                    throw e.unreadable();
                }
                f = TargetFiles.read(root, e.path());
            } catch (UnreadableException u) {
                return List.of(Observation.unreadable(updateKey, Source.file(u.path(), 0), u.path() + ": " + u.reason()),
                        Observation.unreadable(upgradeKey, Source.file(u.path(), 0), u.path() + ": " + u.reason()));
            }
            if (f.isEmpty()) {
                continue;
            }
            List<String> lines = f.get().lines();
            for (int i = 0; i < lines.size(); i++) {
                Matcher m = APT_SETTING.matcher(lines.get(i).strip());
                if (!m.matches()) {
                    continue;
                }
                Source s = Source.dropIn(e.path(), i + 1);
                if (m.group(1).equalsIgnoreCase("APT::Periodic::Update-Package-Lists")) {
                    update = Observation.of(updateKey, m.group(2), s);
                } else if (m.group(1).equalsIgnoreCase("APT::Periodic::Unattended-Upgrade")) {
                    upgrade = Observation.of(upgradeKey, m.group(2), s);
                }
            }
        }
        return List.of(update, upgrade);
    }

    static List<Observation> encryption(Path root) {
        String entriesKey = "linux.crypttab.entries";
        String rootKey = "linux.disk.root-on-mapper";
        List<String> names = new ArrayList<>();
        Source first = null;
        try {
            Optional<TextFile> f = TargetFiles.read(root, "/etc/crypttab");
            if (f.isPresent()) {
                List<String> lines = f.get().lines();
                for (int i = 0; i < lines.size(); i++) {
                    String l = lines.get(i).strip();
                    if (!l.isEmpty() && !l.startsWith("#")) {
                        names.add(l.split("\\s+")[0]);
                        first = first == null ? Source.file("/etc/crypttab", i + 1) : first;
                    }
                }
            }
        } catch (UnreadableException e) {
            Observation u = Observation.unreadable(entriesKey, Source.file("/etc/crypttab", 0), e.reason());
            return List.of(u, Values.sameFailure(rootKey, u));
        }
        Observation entries = names.isEmpty()
                ? Observation.absent(entriesKey, Source.file("/etc/crypttab", 0), "no encrypted devices in /etc/crypttab")
                : Observation.ofAll(entriesKey, names, first);
        MountTable fstab = MountTable.read(root, MountTable.FSTAB);
        Optional<MountTable.Mount> rootMount = fstab.find("/");
        Observation onMapper;
        if (rootMount.isEmpty()) {
            onMapper = Observation.absent(rootKey, Source.file(MountTable.FSTAB, 0), "/ is not in /etc/fstab");
        } else {
            String dev = rootMount.get().device();
            boolean mapper = dev.startsWith("/dev/mapper/") || dev.matches("/dev/[^/]+/[^/]+") && !dev.startsWith("/dev/disk/");
            onMapper = Observation.of(rootKey, mapper && !names.isEmpty() ? "yes" : "no",
                    rootMount.get().source().withDetail("root device " + dev));
        }
        return List.of(entries, onMapper);
    }
}
