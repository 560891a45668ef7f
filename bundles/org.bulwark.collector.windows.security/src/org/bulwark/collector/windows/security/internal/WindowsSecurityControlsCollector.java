package org.bulwark.collector.windows.security.internal;

import java.util.List;
import java.util.Set;

import org.bulwark.collector.api.AssessmentContext;
import org.bulwark.collector.api.Category;
import org.bulwark.collector.api.Collector;
import org.bulwark.collector.api.Observation;
import org.bulwark.windows.api.RuntimeView;
import org.bulwark.windows.api.WindowsTarget;
import org.bulwark.windows.api.WindowsTargets;
import org.bulwark.windows.settings.SettingResolver;
import org.bulwark.windows.settings.WindowsSettingsCollector;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Security controls of a Windows target: Microsoft Defender Antivirus (MDM, Group Policy and defaults), attack
 * surface reduction rules, tamper protection, SmartScreen, virtualization-based security, Credential Guard, LSA
 * protection and BitLocker policy ({@code settings/security-controls.json}); and the runtime facts
 * {@value #REALTIME}, {@value #TAMPER} and {@value #BITLOCKER}, which an offline image does not hold (UNAVAILABLE
 * with {@link RuntimeView#OFFLINE}).
 */
@Component(service = Collector.class)
public final class WindowsSecurityControlsCollector extends WindowsSettingsCollector {

    static final String REALTIME = "windows.runtime.defender.realtime-protection";
    static final String TAMPER = "windows.runtime.defender.tamper-protected";
    static final String BITLOCKER = "windows.runtime.bitlocker.system-drive";

    @Activate
    public WindowsSecurityControlsCollector(@Reference SettingResolver resolver, @Reference WindowsTargets targets) {
        super("windows.security-controls", Category.SECURITY_CONTROLS, "settings/security-controls.json",
                Set.of(REALTIME, TAMPER, BITLOCKER), resolver, targets);
    }

    @Override
    protected List<Observation> more(WindowsTarget target, AssessmentContext context) {
        RuntimeView runtime = target.runtime();
        return List.of(observe(REALTIME, runtime.defender("RealTimeProtectionEnabled")),
                observe(TAMPER, runtime.defender("IsTamperProtected")),
                observe(BITLOCKER, runtime.bitLockerProtection("C:")));
    }
}
