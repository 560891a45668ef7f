package org.bulwark.collector.linux.os.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.bulwark.collector.api.AssessmentContext;
import org.bulwark.collector.api.Category;
import org.bulwark.collector.api.Collector;
import org.bulwark.collector.api.Observation;
import org.bulwark.linux.ColonFile;
import org.bulwark.linux.FileObservations;
import org.bulwark.linux.LinuxCollector;
import org.osgi.service.component.annotations.Component;

/**
 * Mode, owner and group of files whose permissions CIS checks: {@code linux.file.PATH.mode} (four octal
 * digits), {@code .owner}, {@code .group}.
 */
@Component(service = Collector.class)
public final class FilePermissionsCollector extends LinuxCollector {

    /** The files and directories reported. */
    static final List<String> PATHS = List.of("/etc/passwd", "/etc/passwd-", "/etc/shadow", "/etc/shadow-",
            "/etc/group", "/etc/group-", "/etc/gshadow", "/etc/gshadow-", "/etc/ssh/sshd_config",
            "/etc/crontab", "/etc/cron.hourly", "/etc/cron.daily", "/etc/cron.weekly", "/etc/cron.monthly",
            "/etc/cron.d", "/boot/grub/grub.cfg", "/etc/issue", "/etc/issue.net", "/etc/motd",
            "/etc/security/opasswd", "/etc/shells", "/tmp", "/var/tmp");

    private static final Set<String> PROVIDES;

    static {
        Set<String> keys = new LinkedHashSet<>();
        for (String p : PATHS) {
            String prefix = FileObservations.keyPrefix(p);
            keys.add(prefix + ".mode");
            keys.add(prefix + ".owner");
            keys.add(prefix + ".group");
        }
        PROVIDES = Set.copyOf(keys);
    }

    public FilePermissionsCollector() {
        super("linux.os.files", Category.OPERATING_SYSTEM, PROVIDES);
    }

    @Override
    public List<Observation> collect(AssessmentContext context) {
        ColonFile passwd = ColonFile.passwd(context.root());
        ColonFile group = ColonFile.group(context.root());
        List<Observation> result = new ArrayList<>();
        for (String path : PATHS) {
            if (context.isCancelled()) {
                break;
            }
            result.addAll(FileObservations.modeAndOwner(context.root(), path, passwd, group));
        }
        return result;
    }
}
