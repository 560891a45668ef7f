package org.bulwark.cli.internal;

import java.util.ArrayList;
import java.util.List;

import org.bulwark.collector.api.inventory.SoftwareInventory;
import org.bulwark.collector.api.inventory.SoftwareItem;
import org.bulwark.store.api.SoftwareSummary;
import org.bulwark.store.api.StoredInventory;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code bulwark software}: the installed software of the stored devices, or of one device. */
@Command(name = "software", mixinStandardHelpOptions = true, sortOptions = false,
        description = { "List the software installed on the stored devices, as each device's newest assessment "
                + "found it: every package with the number of devices and the versions installed; with --device, "
                + "that device's packages with their source package and version.",
                "An inventory that could not be read (no package database, or an unreadable one) is named with "
                        + "its reason, never shown as nothing installed." })
final class SoftwareCommand extends StoreCommand {

    @Option(names = "--device", paramLabel = "DEVICE", description = "Only this device (machine id or host name).")
    String device;

    @Mixin
    FormatOption format = new FormatOption();

    SoftwareCommand(Services services) {
        super(services);
    }

    @Override
    public Integer call() {
        boolean json = format.json(spec);
        if (device == null) {
            List<SoftwareSummary> all = use(db -> db.softwareSummary(d -> true));
            return table(json, all, json()::software, "%-40s %-10s %7s  %s%n",
                    new Object[] { "NAME", "ORIGIN", "DEVICES", "VERSIONS" },
                    s -> new Object[] { s.name(), s.origin(), s.devices(), String.join(", ", s.versions()) },
                    "packages");
        }
        List<StoredInventory> inventories = use(db -> db.software(device));
        if (json) {
            List<Object> list = new ArrayList<>();
            inventories.forEach(i -> list.add(json().inventory(i)));
            printJson(list);
            return ExitCodes.OK;
        }
        if (inventories.isEmpty()) {
            print("no software inventory is stored for " + device + " (assessed before Bulwark read software, or "
                    + "no inventory provider applies to it)");
            return ExitCodes.OK;
        }
        String row = "%-36s %-8s %-32s %-28s %-28s %s%n";
        for (StoredInventory stored : inventories) {
            SoftwareInventory inv = stored.inventory();
            print(inv.origin() + " inventory of assessment " + stored.assessmentId() + " ("
                    + stored.assessedAt().truncatedTo(java.time.temporal.ChronoUnit.SECONDS) + "): "
                    + (inv.state() == SoftwareInventory.State.READ ? inv.items().size() + " packages"
                            : inv.state() + ": " + inv.reason()));
            if (inv.state() != SoftwareInventory.State.READ) {
                continue;
            }
            out().printf(row, "NAME", "ARCH", "VERSION", "SOURCE", "SOURCE VERSION", "STATUS");
            for (SoftwareItem i : inv.items()) {
                out().printf(row, i.name(), i.architecture(), i.version(), i.sourceName(), i.sourceVersion(),
                        i.status());
            }
            for (String problem : inv.problems()) {
                print("problem: " + problem);
            }
        }
        out().flush();
        return ExitCodes.OK;
    }
}
