package org.bulwark.collector.linux.os.internal;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.bulwark.collector.api.AssessmentContext;
import org.bulwark.collector.api.Category;
import org.bulwark.collector.api.Collector;
import org.bulwark.collector.api.Observation;
import org.bulwark.linux.LinuxCollector;
import org.bulwark.linux.SysctlConfig;
import org.osgi.service.component.annotations.Component;

/**
 * Kernel hardening parameters: {@code linux.sysctl.NAME} is the value the system gets at boot (the one
 * controls score, with the running value as drift in {@code others}), {@code linux.sysctl.running.NAME} the
 * running value (live systems only).
 */
@Component(service = Collector.class)
public final class KernelParametersCollector extends LinuxCollector {

    /** The parameters reported. */
    static final List<String> PARAMETERS = List.of("kernel.randomize_va_space", "kernel.kptr_restrict",
            "kernel.dmesg_restrict", "kernel.yama.ptrace_scope", "fs.suid_dumpable", "fs.protected_hardlinks",
            "fs.protected_symlinks", "fs.protected_fifos", "fs.protected_regular", "kernel.perf_event_paranoid",
            "kernel.unprivileged_bpf_disabled", "net.core.bpf_jit_harden", "kernel.kexec_load_disabled",
            "kernel.sysrq", "dev.tty.ldisc_autoload", "kernel.core_uses_pid");

    private static final Set<String> PROVIDES = keys(PARAMETERS);

    static Set<String> keys(List<String> parameters) {
        Set<String> keys = new LinkedHashSet<>();
        for (String p : parameters) {
            keys.add(SysctlConfig.KEY_PREFIX + p);
            keys.add(SysctlConfig.RUNNING_KEY_PREFIX + p);
        }
        return Set.copyOf(keys);
    }

    public KernelParametersCollector() {
        super("linux.os.sysctl", Category.OPERATING_SYSTEM, PROVIDES);
    }

    @Override
    public List<Observation> collect(AssessmentContext context) {
        return SysctlConfig.observeAll(context, PARAMETERS);
    }
}
