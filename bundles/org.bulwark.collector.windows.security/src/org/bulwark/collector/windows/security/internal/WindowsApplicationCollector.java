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

/** Application settings of a Windows target: Microsoft Edge's security policies, Windows Installer, Search, Store, OneDrive and the consumer features. The settings, their sources and defaults are data: {@code settings/application.json}. */
@Component(service = Collector.class)
public final class WindowsApplicationCollector extends WindowsSettingsCollector {

    @Activate
    public WindowsApplicationCollector(@Reference SettingResolver resolver, @Reference WindowsTargets targets) {
        super("windows.application", Category.APPLICATION, "settings/application.json", Set.of(), resolver, targets);
    }
}
