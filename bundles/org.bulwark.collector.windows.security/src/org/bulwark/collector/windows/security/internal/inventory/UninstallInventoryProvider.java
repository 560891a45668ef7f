package org.bulwark.collector.windows.security.internal.inventory;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.bulwark.collector.api.AssessmentContext;
import org.bulwark.collector.api.inventory.InventoryProvider;
import org.bulwark.collector.api.inventory.SoftwareInventory;
import org.bulwark.collector.api.inventory.SoftwareItem;
import org.bulwark.windows.api.Hkey;
import org.bulwark.windows.api.RegPath;
import org.bulwark.windows.api.RegValue;
import org.bulwark.windows.api.RegistryView;
import org.bulwark.windows.api.WindowsReadException;
import org.bulwark.windows.api.WindowsTarget;
import org.bulwark.windows.api.WindowsTargets;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The installed programs of a Windows target, as "Programs and Features" lists them, read through the
 * {@link RegistryView} (never the hive files directly): the subkeys of {@code Microsoft\Windows\CurrentVersion\Uninstall}
 * in SOFTWARE (architecture {@code x64}), of {@code WOW6432Node\…\Uninstall} (32-bit programs, {@code x86}) and of
 * each readable user's {@code Software\…\Uninstall} in NTUSER.DAT (per-user installs, {@code user}). Like
 * Windows, an entry without {@code DisplayName}, with {@code SystemComponent} = 1 or with a
 * {@code ParentKeyName} (an update of another entry) is not a program and is left out. {@code InstallDate} is
 * not kept: {@link SoftwareItem} has no field for it. UNAVAILABLE on a target that is not Windows, UNREADABLE
 * when a hive cannot be read (the view's message names the hive file and what failed).
 */
@Component(service = InventoryProvider.class)
public final class UninstallInventoryProvider implements InventoryProvider {

    /** The origin of every item. */
    static final String ORIGIN = "windows.uninstall";

    static final String UNINSTALL = "Microsoft\\Windows\\CurrentVersion\\Uninstall";

    private final WindowsTargets targets;

    @Activate
    public UninstallInventoryProvider(@Reference WindowsTargets targets) {
        this.targets = targets;
    }

    @Override
    public String id() {
        return "windows.uninstall";
    }

    @Override
    public SoftwareInventory inventory(AssessmentContext context) {
        Optional<WindowsTarget> target = targets.open(context);
        if (target.isEmpty()) {
            return SoftwareInventory.unavailable(ORIGIN,
                    "no Windows registry (Windows/System32/config/SOFTWARE): not a Windows system");
        }
        RegistryView registry = target.get().registry();
        List<SoftwareItem> items = new ArrayList<>();
        try {
            read(registry, RegPath.of(Hkey.SOFTWARE, UNINSTALL), "x64", items);
            read(registry, RegPath.of(Hkey.SOFTWARE, "WOW6432Node\\" + UNINSTALL), "x86", items);
            for (String sid : registry.userSids()) {
                read(registry, RegPath.user(sid, "Software\\" + UNINSTALL), "user", items);
            }
        } catch (WindowsReadException e) {
            return SoftwareInventory.unreadable(ORIGIN, e.getMessage());
        }
        if (context.isCancelled()) {
            return SoftwareInventory.unreadable(ORIGIN, "cancelled at the deadline after " + items.size()
                    + " programs");
        }
        return SoftwareInventory.read(ORIGIN, items, List.of());
    }

    private static void read(RegistryView registry, RegPath uninstall, String architecture, List<SoftwareItem> out)
            throws WindowsReadException {
        for (String name : registry.subkeys(uninstall)) {
            RegPath key = uninstall.child(name);
            Optional<String> display = text(registry, key, "DisplayName").filter(s -> !s.isBlank());
            if (display.isEmpty() || text(registry, key, "ParentKeyName").isPresent()
                    || registry.value(key, "SystemComponent").flatMap(v -> {
                        var n = v.asNumber();
                        return n.isPresent() ? Optional.of(n.getAsLong()) : Optional.empty();
                    }).orElse(0L) == 1L) {
                continue;
            }
            String version = text(registry, key, "DisplayVersion").orElse("");
            out.add(new SoftwareItem(display.get().strip(), architecture, version, display.get().strip(), version,
                    "installed", text(registry, key, "Publisher").orElse("").strip(), ORIGIN));
        }
    }

    private static Optional<String> text(RegistryView registry, RegPath key, String name)
            throws WindowsReadException {
        return registry.value(key, name).flatMap(RegValue::text);
    }
}
