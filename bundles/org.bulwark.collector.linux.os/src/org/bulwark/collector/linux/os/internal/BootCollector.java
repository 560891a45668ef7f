package org.bulwark.collector.linux.os.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.bulwark.collector.api.AssessmentContext;
import org.bulwark.collector.api.Category;
import org.bulwark.collector.api.Collector;
import org.bulwark.collector.api.Observation;
import org.bulwark.collector.api.ObservationState;
import org.bulwark.collector.api.Source;
import org.bulwark.linux.DropInDirectories;
import org.bulwark.linux.KeyValueConfig;
import org.bulwark.linux.LinuxCollector;
import org.bulwark.linux.TargetFiles;
import org.bulwark.linux.TextFile;
import org.bulwark.linux.UnreadableException;
import org.osgi.service.component.annotations.Component;

/**
 * The boot loader and kernel command line: {@code linux.grub.superusers} and {@code linux.grub.password}
 * (from {@code /boot/grub/grub.cfg}), {@code linux.grub.cmdline} (the words of {@code GRUB_CMDLINE_LINUX} and
 * {@code GRUB_CMDLINE_LINUX_DEFAULT} in {@code /etc/default/grub} and {@code /etc/default/grub.d/*.cfg}, one
 * value per word), {@code linux.kernel.cmdline.running} ({@code /proc/cmdline}, live only), and
 * {@code linux.os.id} / {@code linux.os.version_id} from {@code os-release}.
 */
@Component(service = Collector.class)
public final class BootCollector extends LinuxCollector {

    static final String GRUB_CFG = "/boot/grub/grub.cfg";

    private static final Set<String> PROVIDES = Set.of("linux.grub.superusers", "linux.grub.password",
            "linux.grub.cmdline", "linux.kernel.cmdline.running", "linux.os.id", "linux.os.version_id");

    public BootCollector() {
        super("linux.os.boot", Category.OPERATING_SYSTEM, PROVIDES);
    }

    @Override
    public List<Observation> collect(AssessmentContext context) {
        List<Observation> result = new ArrayList<>(grubCfg(context));
        result.add(cmdline(context));
        result.add(running(context));
        org.bulwark.linux.OsRelease os = org.bulwark.linux.OsRelease.read(context.root());
        result.add(os.observe("linux.os.id", "ID"));
        result.add(os.observe("linux.os.version_id", "VERSION_ID"));
        return result;
    }

    static List<Observation> grubCfg(AssessmentContext context) {
        Optional<TextFile> file;
        try {
            file = TargetFiles.read(context.root(), GRUB_CFG);
        } catch (UnreadableException e) {
            return List.of(Observation.unreadable("linux.grub.superusers", Source.file(GRUB_CFG, 0), e.reason()),
                    Observation.unreadable("linux.grub.password", Source.file(GRUB_CFG, 0), e.reason()));
        }
        if (file.isEmpty()) {
            String reason = GRUB_CFG + " does not exist (no GRUB boot loader)";
            return List.of(Observation.absent("linux.grub.superusers", Source.file(GRUB_CFG, 0), reason),
                    Observation.absent("linux.grub.password", Source.file(GRUB_CFG, 0), reason));
        }
        Observation superusers = null;
        Observation password = null;
        List<String> lines = file.get().lines();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (superusers == null && line.matches("set\\s+superusers\\s*=.*")) {
                String users = line.substring(line.indexOf('=') + 1).strip().replace("\"", "").replace("'", "");
                superusers = Observation.ofAll("linux.grub.superusers", Arrays.asList(users.split("[\\s,;|]+")),
                        Source.file(GRUB_CFG, i + 1));
            }
            if (password == null && line.startsWith("password_pbkdf2 ")) {
                password = Observation.of("linux.grub.password", "pbkdf2", Source.file(GRUB_CFG, i + 1));
            } else if (password == null && line.startsWith("password ")) {
                password = Observation.of("linux.grub.password", "plaintext", Source.file(GRUB_CFG, i + 1));
            }
        }
        return List.of(superusers != null ? superusers
                : Observation.absent("linux.grub.superusers", Source.file(GRUB_CFG, 0), "no 'set superusers' line"),
                password != null ? password
                        : Observation.absent("linux.grub.password", Source.file(GRUB_CFG, 0), "no password line"));
    }

    static Observation cmdline(AssessmentContext context) {
        List<String> files = new ArrayList<>();
        files.add("/etc/default/grub");
        for (DropInDirectories.Entry e : DropInDirectories.merge(context.root(), List.of("/etc/default/grub.d"),
                ".cfg")) {
            files.add(e.path());
        }
        KeyValueConfig grub = KeyValueConfig.read(context.root(), files, KeyValueConfig.Syntax.EQUALS,
                KeyValueConfig.Wins.LAST, false);
        Observation linux = grub.observe("linux.grub.cmdline", "GRUB_CMDLINE_LINUX", Source.file("/etc/default/grub", 0));
        Observation dflt = grub.observe("linux.grub.cmdline", "GRUB_CMDLINE_LINUX_DEFAULT",
                Source.file("/etc/default/grub", 0));
        for (Observation o : List.of(linux, dflt)) {
            if (o.state() != ObservationState.PRESENT && o.state() != ObservationState.ABSENT) {
                return o;
            }
        }
        List<String> words = new ArrayList<>();
        for (Observation o : List.of(linux, dflt)) {
            if (o.state() == ObservationState.PRESENT) {
                words.addAll(Arrays.stream(o.value().strip().split("\\s+")).filter(w -> !w.isEmpty()).toList());
            }
        }
        if (words.isEmpty()) {
            return Observation.absent("linux.grub.cmdline", Source.file("/etc/default/grub", 0),
                    "no kernel parameters are configured for GRUB");
        }
        Source source = linux.state() == ObservationState.PRESENT ? linux.source() : dflt.source();
        return Observation.ofAll("linux.grub.cmdline", words, source);
    }

    static Observation running(AssessmentContext context) {
        String key = "linux.kernel.cmdline.running";
        if (!context.live()) {
            return Observation.unavailable(key, "the running kernel's command line exists only on a live system");
        }
        try {
            Optional<TextFile> file = TargetFiles.read(context.root(), "/proc/cmdline");
            if (file.isEmpty() || file.get().lines().isEmpty() || file.get().lines().get(0).isBlank()) {
                return Observation.absent(key, Source.runtime("/proc/cmdline"), "empty kernel command line");
            }
            return Observation.ofAll(key, Arrays.asList(file.get().lines().get(0).strip().split("\\s+")),
                    Source.runtime("/proc/cmdline"));
        } catch (UnreadableException e) {
            return Observation.unreadable(key, Source.runtime("/proc/cmdline"), e.reason());
        }
    }
}
