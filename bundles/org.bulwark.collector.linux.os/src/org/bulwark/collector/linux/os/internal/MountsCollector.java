package org.bulwark.collector.linux.os.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.bulwark.collector.api.AssessmentContext;
import org.bulwark.collector.api.Category;
import org.bulwark.collector.api.Collector;
import org.bulwark.collector.api.Observation;
import org.bulwark.collector.api.ObservationState;
import org.bulwark.collector.api.Source;
import org.bulwark.linux.MountTable;
import org.bulwark.linux.SystemdUnits;
import org.bulwark.linux.TargetFiles;
import org.bulwark.linux.TextFile;
import org.bulwark.linux.UnreadableException;
import org.osgi.service.component.annotations.Component;

/**
 * Mount options of the directories CIS wants on separate, restricted filesystems.
 * {@code linux.mount.DIR.options} holds the options the system mounts at boot (one value per option): from
 * {@code /etc/fstab}, else from an enabled systemd mount unit (e.g. {@code tmp.mount}), else for
 * {@code /dev/shm} systemd's built-in {@code nosuid,nodev}; ABSENT when the directory is no separate
 * filesystem. {@code linux.mount.running.DIR.options} holds {@code /proc/mounts} on a live system; when it
 * differs, it also appears in the boot-time observation's {@code others} as drift.
 */
@Component(service = Collector.class)
public final class MountsCollector implements Collector {

    /** The mount points reported. */
    static final List<String> MOUNT_POINTS = List.of("/tmp", "/var", "/var/tmp", "/var/log", "/var/log/audit",
            "/home", "/dev/shm");

    private static final Set<String> PROVIDES;

    static {
        Set<String> keys = new LinkedHashSet<>();
        for (String mp : MOUNT_POINTS) {
            keys.add(key(mp));
            keys.add(runningKey(mp));
        }
        PROVIDES = Set.copyOf(keys);
    }

    static String key(String mountPoint) {
        return "linux.mount." + mountPoint + ".options";
    }

    static String runningKey(String mountPoint) {
        return "linux.mount.running." + mountPoint + ".options";
    }

    @Override
    public String id() {
        return "linux.os.mounts";
    }

    @Override
    public Category category() {
        return Category.OPERATING_SYSTEM;
    }

    @Override
    public Set<String> provides() {
        return PROVIDES;
    }

    @Override
    public List<Observation> collect(AssessmentContext context) {
        MountTable fstab = MountTable.read(context.root(), MountTable.FSTAB);
        MountTable proc = context.live() ? MountTable.read(context.root(), MountTable.PROC_MOUNTS) : null;
        List<Observation> result = new ArrayList<>();
        for (String mp : MOUNT_POINTS) {
            if (context.isCancelled()) {
                break;
            }
            Observation boot = fstab.observeOptions(key(mp), mp);
            if (boot.state() == ObservationState.ABSENT) {
                boot = fromMountUnit(context, mp).orElse(boot);
            }
            if (boot.state() == ObservationState.ABSENT && mp.equals("/dev/shm")) {
                boot = Observation.ofAll(key(mp), List.of("rw", "nosuid", "nodev"),
                        Source.builtInDefault("systemd mounts /dev/shm with nosuid,nodev"));
            }
            Observation running;
            if (proc == null) {
                running = Observation.unavailable(runningKey(mp), "current mounts exist only on a live system");
            } else {
                running = proc.observeOptions(runningKey(mp), mp);
                if (running.state() == ObservationState.ABSENT) {
                    running = Observation.absent(runningKey(mp), Source.runtime(MountTable.PROC_MOUNTS),
                            "no separate filesystem is mounted at " + mp);
                }
            }
            if (running.state() == ObservationState.PRESENT && !running.values().equals(boot.values())) {
                boot = boot.with(new Observation.Other(String.join(",", running.values()), running.source(),
                        "running mount options differ (drift)"));
            }
            result.add(boot);
            result.add(running);
        }
        return result;
    }

    /** The options of an enabled systemd mount unit for {@code mountPoint}, e.g. {@code tmp.mount}. */
    static Optional<Observation> fromMountUnit(AssessmentContext context, String mountPoint) {
        String unit = mountPoint.substring(1).replace('/', '-') + ".mount";
        Observation state = SystemdUnits.observeState(context.root(), "x", unit);
        if (state.state() != ObservationState.PRESENT || !state.value().equals("enabled")) {
            return Optional.empty();
        }
        try {
            Optional<String> file = SystemdUnits.unitFile(context.root(), unit);
            if (file.isEmpty()) {
                return Optional.empty();
            }
            Optional<TextFile> text = TargetFiles.read(context.root(), file.get());
            if (text.isEmpty()) {
                return Optional.empty();
            }
            List<String> lines = text.get().lines();
            Observation found = null;
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i).strip();
                if (line.startsWith("Options=")) {
                    found = Observation.ofAll(key(mountPoint),
                            Arrays.asList(line.substring("Options=".length()).strip().split(",")),
                            Source.file(file.get(), i + 1).withDetail("systemd mount unit " + unit));
                }
            }
            return Optional.of(found != null ? found
                    : Observation.ofAll(key(mountPoint), List.of("defaults"), Source.file(file.get(), 0)
                            .withDetail("systemd mount unit " + unit + " without Options=")));
        } catch (UnreadableException e) {
            return Optional.of(Observation.unreadable(key(mountPoint), Source.file(e.path(), 0), e.reason()));
        }
    }
}
