package org.bulwark.windows.offline.internal;

import java.util.Optional;
import java.util.OptionalLong;

import org.bulwark.windows.api.Hkey;
import org.bulwark.windows.api.RegPath;
import org.bulwark.windows.api.RegValue;
import org.bulwark.windows.api.RegistryView;
import org.bulwark.windows.api.WindowsEdition;
import org.bulwark.windows.api.WindowsReadException;

/** Reads the {@link WindowsEdition} from {@code SOFTWARE\Microsoft\Windows NT\CurrentVersion}. Stateless. */
final class Editions {

    static final RegPath CURRENT_VERSION = RegPath.of(Hkey.SOFTWARE, "Microsoft\\Windows NT\\CurrentVersion");

    private Editions() {
    }

    /** @return the edition; empty when the key is absent */
    static Optional<WindowsEdition> read(RegistryView registry) throws WindowsReadException {
        if (!registry.exists(CURRENT_VERSION)) {
            return Optional.empty();
        }
        int build = (int) number(registry, "CurrentBuildNumber").orElse(number(registry, "CurrentBuild").orElse(0));
        String display = text(registry, "DisplayVersion");
        return Optional.of(new WindowsEdition(text(registry, "ProductName"), build,
                (int) number(registry, "UBR").orElse(0), display.isEmpty() ? text(registry, "ReleaseId") : display,
                text(registry, "InstallationType"), text(registry, "EditionID")));
    }

    private static String text(RegistryView r, String name) throws WindowsReadException {
        return r.value(CURRENT_VERSION, name).flatMap(RegValue::text).map(String::strip).orElse("");
    }

    private static OptionalLong number(RegistryView r, String name) throws WindowsReadException {
        Optional<RegValue> v = r.value(CURRENT_VERSION, name);
        OptionalLong n = v.isPresent() ? v.get().asNumber() : OptionalLong.empty();
        return n.isPresent() && n.getAsLong() >= 0 && n.getAsLong() <= Integer.MAX_VALUE ? n : OptionalLong.empty();
    }
}
