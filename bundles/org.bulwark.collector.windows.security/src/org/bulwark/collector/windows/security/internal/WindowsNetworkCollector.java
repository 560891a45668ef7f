package org.bulwark.collector.windows.security.internal;

import java.util.Set;

import org.bulwark.collector.api.Category;
import org.bulwark.collector.api.Collector;
import org.bulwark.windows.api.WindowsTargets;
import org.bulwark.windows.settings.SettingResolver;
import org.bulwark.windows.settings.WindowsSettingsCollector;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Network settings of a Windows target: SMBv1 and SMB signing, NTLM and anonymous access, LLMNR and NetBIOS, Windows Defender Firewall per profile (MDM, Group Policy and local stores), Remote Desktop, WinRM, RPC and the Print Spooler. The settings, their sources and defaults are data: {@code settings/network.json}. */
@Component(service = Collector.class)
public final class WindowsNetworkCollector extends WindowsSettingsCollector {

    @Activate
    public WindowsNetworkCollector(@Reference SettingResolver resolver, @Reference WindowsTargets targets) {
        super("windows.network", Category.NETWORK, "settings/network.json", Set.of(), resolver, targets);
    }
}
