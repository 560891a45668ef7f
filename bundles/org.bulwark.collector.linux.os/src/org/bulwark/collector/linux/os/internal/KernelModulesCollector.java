package org.bulwark.collector.linux.os.internal;

import java.util.List;
import java.util.Set;

import org.bulwark.collector.api.AssessmentContext;
import org.bulwark.collector.api.Category;
import org.bulwark.collector.api.Collector;
import org.bulwark.collector.api.Observation;
import org.bulwark.linux.LinuxCollector;
import org.bulwark.linux.ModprobeConfig;
import org.osgi.service.component.annotations.Component;

/**
 * Rarely needed filesystem and storage kernel modules that CIS wants unloadable:
 * {@code linux.kmod.MODULE.install} (the {@code install} command, e.g. {@code /bin/false}),
 * {@code linux.kmod.MODULE.blacklist} and {@code linux.kmod.running.MODULE.loaded} (live systems only).
 */
@Component(service = Collector.class)
public final class KernelModulesCollector extends LinuxCollector {

    /** The modules reported. */
    static final List<String> MODULES = List.of("cramfs", "freevxfs", "hfs", "hfsplus", "jffs2", "udf",
            "usb-storage", "squashfs");

    private static final Set<String> PROVIDES = ModprobeConfig.keys(MODULES);

    public KernelModulesCollector() {
        super("linux.os.modules", Category.OPERATING_SYSTEM, PROVIDES);
    }

    @Override
    public List<Observation> collect(AssessmentContext context) {
        return ModprobeConfig.observeAll(context, MODULES);
    }
}
