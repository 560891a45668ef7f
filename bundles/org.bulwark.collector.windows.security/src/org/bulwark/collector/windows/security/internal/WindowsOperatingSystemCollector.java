package org.bulwark.collector.windows.security.internal;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.bulwark.collector.api.AssessmentContext;
import org.bulwark.collector.api.Category;
import org.bulwark.collector.api.Collector;
import org.bulwark.collector.api.Observation;
import org.bulwark.collector.api.Source;
import org.bulwark.collector.api.SourceKind;
import org.bulwark.windows.api.Hkey;
import org.bulwark.windows.api.RegPath;
import org.bulwark.windows.api.WindowsEdition;
import org.bulwark.windows.api.WindowsTarget;
import org.bulwark.windows.api.WindowsTargets;
import org.bulwark.windows.settings.SettingResolver;
import org.bulwark.windows.settings.WindowsSettingsCollector;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Operating system settings of a Windows target: User Account Control, audit policy switches, PowerShell logging,
 * AutoRun and AutoPlay, Explorer mitigations, Windows Update, diagnostic data and event log sizes
 * ({@code settings/operating-system.json}); and the edition from {@code CurrentVersion}: {@value #RELEASE}
 * ({@code 10}, {@code 11}, {@code server-2016} … {@code server-2025}, as platform facts), {@value #BUILD} and
 * {@value #SERVER} ({@code yes}/{@code no}).
 */
@Component(service = Collector.class)
public final class WindowsOperatingSystemCollector extends WindowsSettingsCollector {

    static final String RELEASE = "windows.os.release";
    static final String BUILD = "windows.os.build";
    static final String SERVER = "windows.os.server";
    static final RegPath CURRENT_VERSION = RegPath.of(Hkey.SOFTWARE, "Microsoft\\Windows NT\\CurrentVersion");

    @Activate
    public WindowsOperatingSystemCollector(@Reference SettingResolver resolver, @Reference WindowsTargets targets) {
        super("windows.operating-system", Category.OPERATING_SYSTEM, "settings/operating-system.json",
                Set.of(RELEASE, BUILD, SERVER), resolver, targets);
    }

    @Override
    protected List<Observation> more(WindowsTarget target, AssessmentContext context) {
        String where = target.registry().where(CURRENT_VERSION);
        Source source = new Source(SourceKind.FILE, where, 0, null);
        Optional<WindowsEdition> e = target.edition();
        if (e.isEmpty() || e.get().currentBuild() <= 0) {
            String reason = target.problems().isEmpty() ? where + ": no CurrentBuild, the release cannot be told"
                    : String.join("; ", target.problems());
            return List.of(Observation.unreadable(RELEASE, source, reason), Observation.unreadable(BUILD, source, reason),
                    Observation.unreadable(SERVER, source, reason));
        }
        WindowsEdition edition = e.get();
        Source named = source.withDetail(edition.displayName());
        Observation release = edition.release() == WindowsEdition.Release.UNKNOWN
                ? Observation.unparseable(RELEASE, named, "build " + edition.currentBuild() + " is no Windows release "
                        + "Bulwark knows (Windows 10 from 10240, Server 2016 from 14393)")
                : Observation.of(RELEASE, edition.release().versionId(), named);
        return List.of(release, Observation.of(BUILD, Integer.toString(edition.currentBuild()), named),
                Observation.of(SERVER, edition.server() ? "yes" : "no", named));
    }
}
